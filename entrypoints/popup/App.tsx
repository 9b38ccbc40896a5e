import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { DueToday } from '../../components/followups/DueToday';
import { QuickNote } from '../../components/capture/QuickNote';
import { MAX_OFFERED, notePeople } from '../../components/capture/note-people';
import { SiteAccess } from '../../components/capture/SiteAccess';
import { shownCardOf } from '../../components/capture/use-shown-card';
import { useBroadcast } from '../../components/shared/use-broadcast';
import { useRequest } from '../../components/shared/use-request';
import { useTabId } from '../../components/shared/use-tab-id';
import { t, tCount } from '../../utils/i18n';
import { ask } from '../../utils/messaging/client';

/** The toolbar popup: a quick note for the people on this page, and the way into the side panel. */
export function App() {
  const tabId = useTabId();
  const [windowId, setWindowId] = useState<number>();
  const [error, setError] = useState<string>();
  const tabPeople = useRequest(tabId === undefined ? undefined : () => ask({ type: 'getTabPeople', tabId }), [tabId]);
  const shownCard = useRequest(tabId === undefined ? undefined : () => shownCardOf(tabId).then((id) => id ?? null), [tabId]);
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
  const { offered, onPage, preselect } = notePeople(tabPeople.data, shownCard.data);
  // The note starts once it knows whom to preselect (both answers are quick).
  const known = (request: { data?: unknown; error?: string }) => request.data !== undefined || request.error !== undefined;
  const ready = tabId !== undefined && known(tabPeople) && known(shownCard);

  return (
    <main class="popup">
      <h1>{t('popupTitle')}</h1>
      {onPage > MAX_OFFERED && <p class="notice">{tCount('popupManyPeople', onPage)}</p>}
      {!ready || tabId === undefined ? <p class="loading">{t('commonLoading')}</p> : <QuickNote tabId={tabId} pagePeople={offered} preselect={preselect} />}
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
