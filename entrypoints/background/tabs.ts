import { browser } from 'wxt/browser';
import { broadcast } from '../../utils/messaging/client';
import { clearTabPeople, getTabPeople, loadTabPeopleCounts } from '../../utils/storage/tab-people';

/** Same page, ignoring the fragment and query: Gmail moves between views without reloading. */
function samePage(a: string, b: string | undefined): boolean {
  if (!b) return false;
  try {
    const [x, y] = [new URL(a), new URL(b)];
    return x.origin === y.origin && x.pathname === y.pathname;
  } catch {
    return false;
  }
}

/** Forget a tab's people when it closes or loads another page; its content script reports anew. */
export function watchTabs(): void {
  void loadTabPeopleCounts();
  // A tab's drafts are about its page, not the tab: they stay when it closes (utils/model/drafts.ts).
  browser.tabs.onRemoved.addListener((tabId) => void clearTabPeople(tabId));
  browser.tabs.onUpdated.addListener(async (tabId, change, tab) => {
    if (change.status !== 'loading') return;
    const known = await getTabPeople(tabId);
    // tab.url is only visible where Tend has host access; elsewhere the page is not one we read.
    if (!known || samePage(known.url, tab.url)) return;
    await clearTabPeople(tabId);
    await broadcast({ type: 'changed', tabId, contactIds: [] });
  });
}
