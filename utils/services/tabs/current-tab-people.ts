import { browser } from 'wxt/browser';
import type { TabPeople } from '../../model/records';
import { getTabPeople } from '../../storage/tab-people';

/**
 * The people of the page a tab shows now: null when the tab has since loaded another page or
 * closed. The tab's URL is visible wherever Tend could have read the page (its sites, sites the
 * user granted, activeTab until the tab navigates), so a hidden URL means another page.
 */
export async function currentTabPeople(tabId: number): Promise<TabPeople | null> {
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  return getTabPeople(tabId, { url: tab?.url });
}
