import { browser } from 'wxt/browser';
import { t } from '../../utils/i18n';

/** Step three: bring in contacts from a file, in the settings page's import section. */
export function ImportStep() {
  return (
    <section class="welcome-step" aria-labelledby="import-step-heading">
      <h2 id="import-step-heading">{t('welcomeImportTitle')}</h2>
      <p>{t('welcomeImportIntro')}</p>
      <a class="button" href={browser.runtime.getURL('/options.html#import-heading')}>
        {t('welcomeImportGo')}
      </a>
    </section>
  );
}
