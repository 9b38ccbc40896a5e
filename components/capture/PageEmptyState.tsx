import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../../utils/i18n';
import { pageKind, type PageKind } from './page-kind';
import { SiteAccess } from './SiteAccess';
import './page-empty-state.css';

const SAYS: Record<Exclude<PageKind, 'unread'>, Parameters<typeof t>[0]> = {
  site: 'onPageEmpty',
  tend: 'pageIsTend',
  browser: 'pageCannotReadBrowser',
  store: 'pageCannotReadStore',
  file: 'pageCannotReadFile',
};

/** The tab's address as Chrome shows it to Tend, checked again whenever the tab loads a page. */
function useTabUrl(tabId: number): { known: boolean; url?: string; fileAccess?: boolean } {
  const [state, setState] = useState<{ known: boolean; url?: string; fileAccess?: boolean }>({ known: false });
  useEffect(() => {
    let current = true;
    const check = async () => {
      const tab = await browser.tabs.get(tabId).catch(() => undefined);
      const fileAccess = tab?.url?.startsWith('file:') ? await browser.extension.isAllowedFileSchemeAccess() : undefined;
      if (current) setState({ known: true, url: tab?.url, fileAccess });
    };
    const updated = (id: number, change: { status?: string; url?: string }) => id === tabId && (change.status || change.url) && void check();
    void check();
    browser.tabs.onUpdated.addListener(updated);
    return () => {
      current = false;
      browser.tabs.onUpdated.removeListener(updated);
    };
  }, [tabId]);
  return state;
}

/**
 * What the side panel says when no one is on the tab: on a page Tend reads only when asked, the
 * button that reads it (as the popup does, with its "Always read this site" offer); on pages no
 * extension may read, why, in plain words.
 */
export function PageEmptyState({ tabId }: { tabId: number }) {
  const tab = useTabUrl(tabId);
  // Each click reads again (a new SiteAccess); `read` is what the last read said.
  const [attempt, setAttempt] = useState(0);
  const [read, setRead] = useState<boolean>();
  useEffect(() => {
    setAttempt(0);
    setRead(undefined);
  }, [tabId, tab.url]);
  if (!tab.known) return null;
  let kind = pageKind(tab.url, browser.runtime.getURL('/'));
  if (kind === 'file' && tab.fileAccess) kind = 'unread';
  if (kind !== 'unread') return <p class="empty">{t(SAYS[kind])}</p>;
  return (
    <div class="page-empty">
      <p class="empty">{read ? t('pageReadNoOne') : t('pageClickToRead')}</p>
      <button type="button" class="primary" onClick={() => setAttempt((n) => n + 1)}>
        {t('pageReadButton')}
      </button>
      {attempt > 0 && <SiteAccess key={attempt} tabId={tabId} onRead={setRead} />}
    </div>
  );
}
