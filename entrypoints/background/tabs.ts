import { browser } from 'wxt/browser';
import { clearTabPeople, loadTabPeopleCounts, tabsWithPeople } from '../../utils/storage/tab-people';

/**
 * Keep the tabs' people lists to the tabs that exist. No tab event is watched: a `tabs.onUpdated`
 * or `onRemoved` listener would wake the worker for every page and every closed tab of every site,
 * where Tend reads none. A list seen on another page is dropped when it is next read
 * (getTabPeople); the lists of closed tabs when the worker starts; all of them when the browser
 * closes (session storage). The side panel reads its tab again when the tab loads a page.
 */
export function watchTabs(): void {
  void loadTabPeopleCounts()
    .then(dropClosedTabs)
    .catch((error: unknown) => console.error('Tend: could not tidy the tabs’ people', error));
}

async function dropClosedTabs(): Promise<void> {
  const open = new Set((await browser.tabs.query({})).map((tab) => tab.id));
  for (const tabId of await tabsWithPeople()) if (!open.has(tabId)) await clearTabPeople(tabId);
}
