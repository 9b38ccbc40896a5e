import type { TabPeople } from '../../utils/model/records';
import type { PagePerson } from './PagePeopleChoices';

/** A page showing more people than this (a mailing list) offers none of them in one click. */
export const MAX_OFFERED = 10;

/** Whom a quick note on a page is for until the user picks, and whom it offers in one click. */
export interface NotePeople {
  /** The page's people as one-click choices (none past MAX_OFFERED). */
  offered: PagePerson[];
  /** How many people the page shows (to say why none is offered when there are too many). */
  onPage: number;
  preselect: string[];
}

/**
 * A note goes to one person unless the user adds more (issue 14): the person whose card is open,
 * else the page's one saved correspondent, else nobody (the page's people are one click away).
 * The popup and the side panel's "Log this interaction" composer both decide it here.
 */
export function notePeople(tabPeople: TabPeople | null | undefined, openCardId: string | null | undefined): NotePeople {
  const people = tabPeople?.people ?? [];
  // Offered too: the people an ordinary page only listed (choosing one saves them).
  const all = people.map(({ contactId, displayName, email, profileUrl }) => ({ contactId, displayName, email, profileUrl }));
  const saved = people.flatMap((person) => (person.contactId ? [person.contactId] : []));
  const preselect = openCardId ? [openCardId] : saved.length === 1 ? saved : [];
  return { offered: all.length <= MAX_OFFERED ? all : [], onPage: all.length, preselect };
}
