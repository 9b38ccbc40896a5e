import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { DueToday } from '../../components/followups/DueToday';
import { QuickNote } from '../../components/capture/QuickNote';
import { SiteAccess } from '../../components/capture/SiteAccess';
import { shownCardOf } from '../../components/capture/use-shown-card';
import { useBroadcast } from '../../components/shared/use-broadcast';
import { useRequest } from '../../components/shared/use-request';
import { useTabId } from '../../components/shared/use-tab-id';
import { t, tCount } from '../../utils/i18n';
import { ask } from '../../utils/messaging/client';

/** A page showing more people than this (a mailing list) offers none of them in one click. */
const MAX_OFFERED = 10;

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
  const onPage = (tabPeople.data?.people ?? []).flatMap((p) => (p.contactId ? [{ contactId: p.contactId, displayName: p.displayName }] : []));
  // Offered too: the people an ordinary page only listed (choosing one saves them).
  const offered = (tabPeople.data?.people ?? []).map(({ contactId, displayName, email, profileUrl }) => ({ contactId, displayName, email, profileUrl }));
  // A note goes to one person unless the user adds more: the person whose card is open in the
  // side panel, else the page's one correspondent, else nobody (the page's people are one click away).
  const onlyOne = onPage.length === 1 ? [onPage[0]!.contactId] : [];
  const preselect = shownCard.data ? [shownCard.data] : onlyOne;
  // The note starts once it knows whom to preselect (both answers are quick).
  const known = (request: { data?: unknown; error?: string }) => request.data !== undefined || request.error !== undefined;
  const ready = tabId !== undefined && known(tabPeople) && known(shownCard);

  return (
    <main class="popup">
      <h1>{t('popupTitle')}</h1>
      {offered.length > MAX_OFFERED && <p class="notice">{tCount('popupManyPeople', offered.length)}</p>}
      {!ready || tabId === undefined ? (
        <p class="loading">{t('commonLoading')}</p>
      ) : (
        <QuickNote tabId={tabId} pagePeople={offered.length <= MAX_OFFERED ? offered : []} preselect={preselect} />
      )}
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
