import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../../utils/i18n';
import { StatusLine } from '../shared/StatusLine';

/** The key Chrome has for a command now ('' when the user removed it or another extension took it). */
function useShortcut(command: string): string | undefined {
  const [shortcut, setShortcut] = useState<string>();
  useEffect(() => {
    void browser.commands.getAll().then((commands) => setShortcut(commands.find((c) => c.name === command)?.shortcut ?? ''));
  }, [command]);
  return shortcut;
}

/** Step two: open the side panel here, and the shortcut that opens it anywhere. */
export function SidePanelStep() {
  const shortcut = useShortcut('open-side-panel');
  const [windowId, setWindowId] = useState<number>();
  const [error, setError] = useState<string>();
  useEffect(() => void browser.windows.getCurrent().then((window) => setWindowId(window.id)), []);
  // sidePanel.open needs the click's user gesture: nothing is awaited before it.
  const open = () => {
    if (windowId === undefined) return;
    browser.sidePanel.open({ windowId }).then(
      () => setError(undefined),
      () => setError(t('welcomeSidePanelFailed')),
    );
  };
  return (
    <section class="welcome-step" aria-labelledby="panel-heading">
      <h2 id="panel-heading">{t('welcomePanelTitle')}</h2>
      <p>{t('welcomePanelIntro')}</p>
      <button type="button" class="primary" onClick={open} disabled={windowId === undefined}>
        {t('popupOpenSidePanel')}
      </button>
      {shortcut !== undefined && (
        <p>
          {t('welcomePanelShortcut')} {shortcut ? <kbd>{shortcut}</kbd> : <strong>{t('shortcutsNotSet')}</strong>}{' '}
          {/* chrome:// pages cannot be linked to: Chrome only lets an extension open them as a tab. */}
          <button type="button" class="link" onClick={() => void browser.tabs.create({ url: 'chrome://extensions/shortcuts' })}>
            {shortcut ? t('welcomeShortcutChange') : t('welcomeShortcutSet')}
          </button>
        </p>
      )}
      <StatusLine error={error} />
    </section>
  );
}
