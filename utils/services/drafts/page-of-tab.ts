import { browser } from 'wxt/browser';
import { getTabPeople } from '../../storage/tab-people';

/**
 * The address of the page a tab shows, as far as Tend may know it: the tab's URL where Tend has
 * access (its sites, or activeTab after a click), else the page whose people it read there.
 */
export async function pageOfTab(tabId: number): Promise<string | undefined> {
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  if (tab?.url) return tab.url;
  return tab ? (await getTabPeople(tabId))?.url : undefined;
}
