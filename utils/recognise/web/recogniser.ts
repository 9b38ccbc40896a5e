/**
 * The generic web recogniser: people in any page's person markup (JSON-LD, microdata, h-card),
 * mailto links and visible text, one candidate per address, at most 500 per page.
 */
import type { Candidate } from '../../model/records';
import { canonicalProfileUrl } from '../../identity/profile-url';
import type { PageFindings, Recogniser } from '../shared/types';
import { nearestAncestorLookup } from './ancestry';
import { hcardPeopleInSlices } from './hcard';
import { isMailtoLink, mailtoPeopleInSlices } from './mailto';
import { microdataPeopleInSlices } from './microdata';
import { runAllSlices, type Slices } from './slices';
import { jsonLdPeopleInSlices, type StructuredPerson } from './structured';
import { visibleTextAddressesInSlices } from './visible-text';

/** Most people one page yields (the sighting's cap too): a directory page is not a conversation. */
export const MAX_WEB_PEOPLE = 500;

/** The people of one page so far, and whether someone new came after the list was full. */
interface PeopleOnPage {
  readonly list: Candidate[];
  readonly truncated: () => boolean;
  add(person: Candidate): void;
}

/**
 * Candidates keyed by address and by profile URL, so one person seen several ways (markup, a
 * mailto link, the text) becomes one candidate that gathers a name and a profile URL. Closures,
 * not a class: a minifier shortens their names, every byte of this reader's bundle counts.
 */
function peopleOnPage(): PeopleOnPage {
  const list: Candidate[] = [];
  let truncated = false;
  const byEmail = new Map<string, Candidate>();
  const byUrl = new Map<string, Candidate>();
  const claimEmail = (candidate: Candidate, email: string) => byEmail.set((candidate.email = email), candidate);
  const claimUrl = (candidate: Candidate, profileUrl: string) => byUrl.set((candidate.profileUrl = profileUrl), candidate);
  const add = (person: Candidate): void => {
    const { email, profileUrl } = person;
    const sameUrl = profileUrl ? byUrl.get(profileUrl) : undefined;
    // A profile URL joins an address only to a candidate with no address or the same one.
    const known = (email && byEmail.get(email)) || (sameUrl && (!email || !sameUrl.email) ? sameUrl : undefined);
    if (known) {
      if (!known.name && person.name) known.name = person.name;
      if (!known.email && email) claimEmail(known, email);
      if (!known.profileUrl && profileUrl && !byUrl.has(profileUrl)) claimUrl(known, profileUrl);
      if (person.role === 'profile') known.role = 'profile';
      known.card ??= person.card;
      return;
    }
    const freeUrl = profileUrl && !byUrl.has(profileUrl) ? profileUrl : undefined;
    if (!email && !freeUrl) return; // A name alone is no one to remember on an arbitrary page.
    if (list.length >= MAX_WEB_PEOPLE) {
      truncated = true;
      return;
    }
    const fresh: Candidate = {};
    if (email) claimEmail(fresh, email);
    if (person.name) fresh.name = person.name;
    if (freeUrl) claimUrl(fresh, freeUrl);
    fresh.role = person.role;
    if (person.card !== undefined) fresh.card = person.card;
    list.push(fresh);
  };
  return { list, truncated: () => truncated, add };
}

/**
 * Candidates for one marked-up person: its addresses and profile URLs paired in order, one
 * candidate per pair, all with the person's `card` (the worker keeps them as one person).
 */
function candidatesOf(person: StructuredPerson, pageProfile: string | undefined, card: number): Candidate[] {
  // The page a person is the main entity of is their profile, even when the markup gives no url.
  const urls = person.profileUrls.length || !person.mainEntity || !pageProfile ? person.profileUrls : [pageProfile];
  const role: Candidate['role'] = person.mainEntity || (pageProfile !== undefined && urls.includes(pageProfile)) ? 'profile' : 'mention';
  const base: Candidate = person.name ? { name: person.name, role, card } : { role, card };
  return Array.from({ length: Math.max(person.emails.length, urls.length) }, (_, i) => {
    const candidate: Candidate = { ...base };
    if (person.emails[i]) candidate.email = person.emails[i];
    if (urls[i]) candidate.profileUrl = urls[i];
    return candidate;
  });
}

/** People in a page's person markup only: JSON-LD, then microdata, then h-cards; a slice each at least. */
export function* markupPeopleInSlices(doc: Document, url: URL): Slices<StructuredPerson[]> {
  const people = yield* jsonLdPeopleInSlices(doc, url);
  yield;
  people.push(...(yield* microdataPeopleInSlices(doc, url)));
  yield;
  people.push(...(yield* hcardPeopleInSlices(doc, url)));
  return people;
}

/**
 * Everyone a page names, in slices: person markup first (richest), then mailto links, then
 * addresses in visible text; deduplicated by address, at most 500. Markup elements already
 * read as an address are not read again as links or text.
 */
export function* peopleOnWebPageInSlices(doc: Document, url: URL): Slices<PageFindings> {
  const people = peopleOnPage();
  const claimed = new Set<Element>();
  const pageProfile = canonicalProfileUrl(url.href);
  const cards = new Map<Element, Candidate>();
  for (const [card, person] of (yield* markupPeopleInSlices(doc, url)).entries()) {
    for (const element of person.claimed) claimed.add(element);
    // An organisation's card has no name here: a mail link inside it joins no one (hcard.ts).
    if (person.element) cards.set(person.element, { name: person.name, card });
    for (const candidate of candidatesOf(person, pageProfile, card)) people.add(candidate);
  }
  yield;
  // A mail link inside a card or item is its person's: the card's name, and one person with it.
  const cardOf = nearestAncestorLookup((element) => cards.has(element));
  const markupPerson = (link: Element) => (cards.size === 0 ? undefined : cards.get(cardOf(link)!));
  // Read as an address already: a claimed element, or inside one (the walk up remembered, as for cards).
  const claimedAncestor = nearestAncestorLookup((element) => claimed.has(element));
  const insideClaimed = (element: Element) => claimed.size > 0 && (claimed.has(element) || claimedAncestor(element) !== null);
  for (const candidate of yield* mailtoPeopleInSlices(doc, insideClaimed, markupPerson)) people.add(candidate);
  yield;
  const root = doc.body ?? doc.documentElement;
  if (root) {
    // A mailto link's text is its label: the link pass read the address from its href.
    const readElsewhere = (element: Element) => claimed.has(element) || isMailtoLink(element);
    for (const email of yield* visibleTextAddressesInSlices(root, readElsewhere, MAX_WEB_PEOPLE)) {
      people.add({ email, role: 'mention' });
    }
  }
  // A card is worth saying only where it joins two candidates.
  const perCard = new Map<number | undefined, number>();
  for (const { card } of people.list) perCard.set(card, (perCard.get(card) ?? 0) + 1);
  for (const person of people.list) if (perCard.get(person.card)! < 2) delete person.card;
  return { people: people.list, self: [], ...(people.truncated() && { truncated: true }) };
}

/** Everyone a page names (see peopleOnWebPageInSlices), in one go. */
export function findPeopleOnWebPage(doc: Document, url: URL): PageFindings {
  return runAllSlices(peopleOnWebPageInSlices(doc, url));
}

/** Any http(s) page: read when the user asks or has granted the site (see web.content). */
export const webRecogniser: Recogniser<'web'> = {
  id: 'web',
  find: findPeopleOnWebPage,
  findInSlices: peopleOnWebPageInSlices,
};
