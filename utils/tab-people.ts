import { browser } from 'wxt/browser';
import { TabPeople } from './model';

// chrome.storage.session outlives the service worker (it is stopped after 30 s idle) but not the
// browser session, and content scripts cannot read it (its default access level).
const keyOf = (tabId: number) => `tab:${tabId}`;

/** The people last seen on a tab, or null when Tend saw none there. */
export async function getTabPeople(tabId: number): Promise<TabPeople | null> {
  const stored = (await browser.storage.session.get(keyOf(tabId)))[keyOf(tabId)];
  const parsed = TabPeople.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

export async function setTabPeople(tabId: number, people: TabPeople): Promise<void> {
  await browser.storage.session.set({ [keyOf(tabId)]: people });
}

export async function clearTabPeople(tabId: number): Promise<void> {
  await browser.storage.session.remove(keyOf(tabId));
}
