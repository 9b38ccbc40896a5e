import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { SiteAccess } from '../../components/SiteAccess';
import { TabPeoplePanel } from '../../components/TabPeoplePanel';
import { useTabId } from '../../components/use-tab-id';

/** The toolbar popup: who is on this page, and the way into the side panel. */
export function App() {
  const tabId = useTabId();
  const [windowId, setWindowId] = useState<number>();
  const [error, setError] = useState<string>();
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

  return (
    <main class="popup">
      <TabPeoplePanel tabId={tabId} onSelect={openSidePanel} />
      {tabId !== undefined && <SiteAccess tabId={tabId} />}
      <button type="button" onClick={openSidePanel} disabled={windowId === undefined}>
        Open side panel
      </button>
      {error && <p role="alert" class="error">{error}</p>}
      <p>
        <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">
          Settings
        </a>
      </p>
    </main>
  );
}
