import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { DueToday } from '../../components/DueToday';
import { QuickNote } from '../../components/QuickNote';
import { SiteAccess } from '../../components/SiteAccess';
import { useBroadcast } from '../../components/use-broadcast';
import { useRequest } from '../../components/use-request';
import { useTabId } from '../../components/use-tab-id';
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
      <h1>Quick note</h1>
      {onPage.length > MAX_PRESELECTED && (
        <p class="notice">{onPage.length} people on this page: add the ones this note is about.</p>
      )}
      {tabId === undefined ? <p class="loading">Loading…</p> : <QuickNote tabId={tabId} pagePeople={pagePeople} />}
      <DueToday />
      <footer class="popup-footer">
        <button type="button" onClick={openSidePanel} disabled={windowId === undefined}>
          Open side panel
        </button>
        <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">
          Settings
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
