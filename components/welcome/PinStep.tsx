import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../../utils/i18n';

/** Whether Tend's icon is on the toolbar, kept current while the page is open. */
function useIsOnToolbar(): boolean | undefined {
  const [onToolbar, setOnToolbar] = useState<boolean>();
  useEffect(() => {
    const check = () => void browser.action.getUserSettings().then((settings) => setOnToolbar(settings.isOnToolbar));
    check();
    // Chrome tells when the user pins or unpins; coming back to the tab checks again in any case.
    const changed = (change: { isOnToolbar?: boolean }) => change.isOnToolbar !== undefined && setOnToolbar(change.isOnToolbar);
    browser.action.onUserSettingsChanged.addListener(changed);
    window.addEventListener('focus', check);
    return () => {
      browser.action.onUserSettingsChanged.removeListener(changed);
      window.removeEventListener('focus', check);
    };
  }, []);
  return onToolbar;
}

/** Step one: pin the icon, with where it stands now and how to do it. */
export function PinStep() {
  const onToolbar = useIsOnToolbar();
  return (
    <section class="welcome-step" aria-labelledby="pin-heading">
      <h2 id="pin-heading">{t('welcomePinTitle')}</h2>
      <p role="status" class={onToolbar ? 'welcome-done' : 'welcome-todo'}>
        {onToolbar === undefined ? '' : onToolbar ? t('welcomePinned') : t('welcomeNotPinned')}
      </p>
      {onToolbar === false && (
        <ol>
          <li>{t('welcomePinStepPuzzle')}</li>
          <li>{t('welcomePinStepPin')}</li>
        </ol>
      )}
    </section>
  );
}
