import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { DueToday } from '../../components/followups/DueToday';
import { QuickNote } from '../../components/capture/QuickNote';
import { SiteAccess } from '../../components/capture/SiteAccess';
import { useBroadcast } from '../../components/shared/use-broadcast';
import { useRequest } from '../../components/shared/use-request';
import { useTabId } from '../../components/shared/use-tab-id';
import { t, tCount } from '../../utils/i18n';
import { ask } from '../../utils/messaging/client';

const MAX_PRESELECTED = 10;

/** The toolbar popup: a quick note for the people on this page, and the way into the side panel. */
export function App() {
  const tabId = useTabId();
  const [windowId, setWindowId] = useState<number>();
  const [error, setError] = useState<string>();
  const tabPeople = useRequest(tabId === undefined ? undefined : () => ask({ type: 'getTabPeople', tabId }), [tabId]);
  useBroadcast((message) => message.tabId === tabId && tabPeople.reload(), [tabId]);
  useEffect(() => {
    if (tabId !== undefined) void browser.tabs.get(tabId).then((tab) => setWindowId(tab.windowId));
  }, [tabId]);

  // sidePanel.open needs the click's user gesture: no await may come before it.
  const openSidePanel = () => {
    if (windowId === undefined) return;
    browser.sidePanel.open({ windowId }).then(
      () => window.close(),
      (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
    );
  };
  const onPage = (tabPeople.data?.people ?? []).flatMap((p) => (p.contactId ? [p.contactId] : []));
  // A note is about a few people: a page showing a crowd (a mailing list) preselects no one.
  const pagePeople = onPage.length <= MAX_PRESELECTED ? onPage : [];

  return (
    <main class="popup">
      <h1>{t('popupTitle')}</h1>
      {onPage.length > MAX_PRESELECTED && <p class="notice">{tCount('popupManyPeople', onPage.length)}</p>}
      {tabId === undefined ? <p class="loading">{t('commonLoading')}</p> : <QuickNote tabId={tabId} pagePeople={pagePeople} />}
      <DueToday />
      <footer class="popup-footer">
        <button type="button" onClick={openSidePanel} disabled={windowId === undefined}>
          {t('popupOpenSidePanel')}
        </button>
        <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">
          {t('popupSettings')}
        </a>
      </footer>
      {tabId !== undefined && <SiteAccess tabId={tabId} />}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </main>
  );
}
