import { useEffect, useRef } from 'preact/hooks';
import type { TabPerson } from '../../utils/model/records';
import type { PeopleOfTab } from '../capture/use-tab-people';

/** The card open in the side panel, and whether the user pinned it (it then stays whatever the page shows). */
export interface OpenCard {
  contactId?: string;
  pinned: boolean;
}

/** Who is on a page, as one comparable value: a rescan showing the same people is no change. */
export const peopleKey = (people: readonly TabPerson[]): string => people.map((person) => person.contactId ?? `name:${person.displayName}`).join('\n');

/**
 * The card to show once a tab's people are read. A pinned card, and a card of someone on the page,
 * stay. When the people changed (`firstRead` false: another thread in the same tab), any other
 * card closes, so a note cannot go on someone from the previous thread; on the first read of a
 * tab a card already open stays (a reminder or a search opened it on purpose). With no card left
 * and exactly one saved person on the page, theirs opens.
 */
export function cardForPeople(people: readonly TabPerson[], open: OpenCard, firstRead: boolean): string | undefined {
  const saved = people.flatMap((person) => (person.contactId ? [person.contactId] : []));
  if (open.contactId && (open.pinned || firstRead || saved.includes(open.contactId))) return open.contactId;
  return saved.length === 1 ? saved[0] : undefined;
}

/**
 * Keep the side panel's card in step with the tab's people: applies `cardForPeople` each time
 * the people of the shown tab change (not on every rescan), and calls `show` when the card differs.
 */
export function useCardFollowsThread(
  tabId: number | undefined,
  read: PeopleOfTab | undefined,
  open: OpenCard,
  show: (contactId: string | undefined) => void,
): void {
  const applied = useRef<{ tabId: number; key: string } | undefined>(undefined);
  useEffect(() => {
    // An answer for the tab shown before is not this tab's people.
    if (!read || read.tabId !== tabId) return;
    const people = read.people?.people ?? [];
    const key = peopleKey(people);
    const last = applied.current;
    if (last && last.tabId === read.tabId && last.key === key) return;
    applied.current = { tabId: read.tabId, key };
    const next = cardForPeople(people, open, last?.tabId !== read.tabId);
    if (next !== open.contactId) show(next);
  }, [tabId, read]);
}
