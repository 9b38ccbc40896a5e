import { TabPeople, type TabPerson } from '../model/records';
import type { RemovedTabRow } from '../model/deletion';
import { perTabItems } from './item';

// chrome.storage.session (key `tab:<tabId>`) outlives the service worker (it is stopped after
// 30 s idle) but not the browser session, and content scripts cannot read it (its default access level).
const tabPeople = perTabItems('session:tab:', TabPeople);

// How many saved people each tab shows, and on which page, readable synchronously: a context-menu
// click must decide whether to open the side panel before its user gesture lapses, i.e. before any await.
const savedPeopleCount = new Map<number, { count: number; url: string }>();
let countsLoaded = false;

const countSaved = (people: TabPeople) => ({ count: people.people.filter((person) => person.contactId).length, url: people.url });

/**
 * Whether two addresses are one page, ignoring the fragment and query: Gmail and Outlook move
 * between threads without loading a page, and their content scripts report the new people.
 */
export function samePage(a: string, b: string | undefined): boolean {
  if (!b) return false;
  try {
    const [x, y] = [new URL(a), new URL(b)];
    return x.origin === y.origin && x.pathname === y.pathname;
  } catch {
    return false;
  }
}

/** Load the counts kept in session storage (at worker start). */
export async function loadTabPeopleCounts(): Promise<void> {
  for (const [tabId, people] of await tabPeople.all()) savedPeopleCount.set(tabId, countSaved(people));
  countsLoaded = true;
}

/**
 * The number of saved people on the page a tab shows now, synchronously (0 when they were seen on
 * another page); undefined while the worker is still loading.
 */
export function savedPeopleOnTab(tabId: number, pageUrl: string | undefined): number | undefined {
  if (!countsLoaded) return undefined;
  const saved = savedPeopleCount.get(tabId);
  return saved && samePage(saved.url, pageUrl) ? saved.count : 0;
}

/**
 * The people last seen on a tab, or null when Tend saw none there. Nothing clears a tab's list
 * when it loads another page (a listener would wake the worker on every page of every site):
 * readers that know the tab's page now pass it, and a list seen on another page is dropped.
 */
export async function getTabPeople(tabId: number, pageNow?: { url: string | undefined }): Promise<TabPeople | null> {
  const people = (await tabPeople.of(tabId).get()) ?? null;
  if (!people || !pageNow || samePage(people.url, pageNow.url)) return people;
  await clearTabPeople(tabId);
  return null;
}

export async function setTabPeople(tabId: number, people: TabPeople): Promise<void> {
  savedPeopleCount.set(tabId, countSaved(people));
  await tabPeople.of(tabId).set(people);
}

/** The tabs that have a people list. */
export async function tabsWithPeople(): Promise<number[]> {
  return [...(await tabPeople.all()).keys()];
}

export async function clearTabPeople(tabId: number): Promise<void> {
  savedPeopleCount.delete(tabId);
  await tabPeople.of(tabId).remove();
}

/**
 * The user added a person the tab listed (by name only, or by an address Tend had not saved): that
 * row, among the people or the mailboxes, now stands for the contact, so the list shows them as
 * saved without waiting for the page to be read again.
 */
export async function linkListedPerson(
  tabId: number,
  contact: { id: string; identities: readonly { value: string }[] },
  displayName: string | undefined,
  newToday: boolean,
): Promise<void> {
  const current = await getTabPeople(tabId);
  if (!current) return;
  const isRow = (row: TabPerson) =>
    !row.contactId &&
    (row.email || row.profileUrl
      ? contact.identities.some((identity) => identity.value === row.email || identity.value === row.profileUrl)
      : row.displayName === displayName);
  const link = (rows: TabPerson[]) => rows.map((row) => (isRow(row) ? { ...row, contactId: contact.id, ...(newToday && { newToday }) } : row));
  const [people, mailboxes] = [link(current.people), link(current.mailboxes)];
  if (people.every((row, i) => row === current.people[i]) && mailboxes.every((row, i) => row === current.mailboxes[i])) return;
  await setTabPeople(tabId, { ...current, people, mailboxes });
}

/** Where a person is listed on each tab, as rows that could be put back (see restoreTabRows). */
export async function tabRowsOf(contactId: string): Promise<RemovedTabRow[]> {
  const rows: RemovedTabRow[] = [];
  for (const [tabId, current] of await tabPeople.all()) {
    current.people.forEach((row, index) => row.contactId === contactId && rows.push({ tabId, url: current.url, index, row }));
  }
  return rows;
}

/** Take a person off every tab's list (they were deleted); returns the tabs whose list changed. */
export async function forgetPersonOnTabs(contactId: string): Promise<number[]> {
  const changed: number[] = [];
  for (const [tabId, current] of await tabPeople.all()) {
    const people = current.people.filter((row) => row.contactId !== contactId);
    if (people.length === current.people.length) continue;
    await setTabPeople(tabId, { ...current, people });
    changed.push(tabId);
  }
  return changed;
}

/** Put removed rows back where they were, on tabs still showing the same page; returns the tabs changed. */
export async function restoreTabRows(rows: readonly RemovedTabRow[]): Promise<number[]> {
  const changed = new Set<number>();
  for (const { tabId, url, index, row } of rows) {
    const current = await getTabPeople(tabId);
    if (current?.url !== url || current.people.some((person) => person.contactId === row.contactId)) continue;
    const people = [...current.people];
    people.splice(Math.min(index, people.length), 0, row);
    await setTabPeople(tabId, { ...current, people });
    changed.add(tabId);
  }
  return [...changed];
}
