import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t, uiLanguage } from '../../utils/i18n';
import { ask } from '../../utils/messaging/client';
import { DECLARED_SITES, GRANTABLE_SITE_MATCHES, isDeclaredOrigin } from '../../utils/sites';

const ALL_SITES = [...GRANTABLE_SITE_MATCHES];
const hostOf = (pattern: string) => pattern.replace(/^\w+:\/\//, '').replace(/\/\*$/, '');

/** The sites read from install, as a list in the UI language ("Gmail, Outlook on the web, ..."). */
function declaredSiteNames(): string {
  return new Intl.ListFormat(uiLanguage(), { type: 'unit' }).format(DECLARED_SITES.map((site) => t(site.label)));
}

/** Which sites Tend reads: the mail and profile sites always, others as the user grants them. */
export function SiteList() {
  const [granted, setGranted] = useState<string[]>([]);
  const [error, setError] = useState<string>();
  const refresh = async () => {
    const { origins = [] } = await browser.permissions.getAll();
    setGranted(origins.filter((origin) => !isDeclaredOrigin(origin)));
  };
  useEffect(() => void refresh(), []);

  const change = async (promise: Promise<boolean>) => {
    try {
      await promise;
      await ask({ type: 'syncSiteAccess' });
      setError(undefined);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      // Show what Chrome granted, whatever happened on the way.
      await refresh();
    }
  };
  const allSites = ALL_SITES.every((pattern) => granted.includes(pattern));
  return (
    <section aria-labelledby="sites-heading">
      <h2 id="sites-heading">{t('sitesTitle')}</h2>
      <p>{t('sitesIntro', declaredSiteNames())}</p>
      {granted.length > 0 && (
        <ul aria-label={t('sitesAllowed')}>
          {granted.map((origin) => (
            <li key={origin}>
              <span>{ALL_SITES.includes(origin) ? t('sitesAllOfScheme', origin.split(':')[0] ?? '') : hostOf(origin)}</span>
              <button
                type="button"
                aria-label={t('sitesStopReading', hostOf(origin))}
                onClick={() => void change(browser.permissions.remove({ origins: [origin] }))}
              >
                {t('commonRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {!allSites && (
        <button type="button" onClick={() => void change(browser.permissions.request({ origins: ALL_SITES }))}>
          {t('sitesReadAll')}
        </button>
      )}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </section>
  );
}
