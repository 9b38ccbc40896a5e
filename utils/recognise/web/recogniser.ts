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

/** An element is nested this deep at most on any real page; deeper ancestry is not searched. */
const MAX_ANCESTRY = 256;

/**
 * Candidates keyed by address and by profile URL, so one person seen several ways (markup, a
 * mailto link, the text) becomes one candidate that gathers a name and a profile URL.
 */
class PeopleOnPage {
  readonly list: Candidate[] = [];
  /** Someone new came after the list was full. */
  truncated = false;
  private readonly byEmail = new Map<string, Candidate>();
  private readonly byUrl = new Map<string, Candidate>();

  add(person: Candidate): void {
    const { email, profileUrl } = person;
    const sameUrl = profileUrl ? this.byUrl.get(profileUrl) : undefined;
    // A profile URL joins an address only to a candidate with no address or the same one.
    const known = (email && this.byEmail.get(email)) || (sameUrl && (!email || !sameUrl.email) ? sameUrl : undefined);
    if (known) {
      if (!known.name && person.name) known.name = person.name;
      if (!known.email && email) this.claimEmail(known, email);
      if (!known.profileUrl && profileUrl && !this.byUrl.has(profileUrl)) this.claimUrl(known, profileUrl);
      if (person.role === 'profile') known.role = 'profile';
      known.card ??= person.card;
      return;
    }
    const freeUrl = profileUrl && !this.byUrl.has(profileUrl) ? profileUrl : undefined;
    if (!email && !freeUrl) return; // A name alone is no one to remember on an arbitrary page.
    if (this.list.length >= MAX_WEB_PEOPLE) {
      this.truncated = true;
      return;
    }
    const fresh: Candidate = {};
    if (email) this.claimEmail(fresh, email);
    if (person.name) fresh.name = person.name;
    if (freeUrl) this.claimUrl(fresh, freeUrl);
    fresh.role = person.role;
    if (person.card !== undefined) fresh.card = person.card;
    this.list.push(fresh);
  }

  private claimEmail(candidate: Candidate, email: string): void {
    candidate.email = email;
    this.byEmail.set(email, candidate);
  }

  private claimUrl(candidate: Candidate, profileUrl: string): void {
    candidate.profileUrl = profileUrl;
    this.byUrl.set(profileUrl, candidate);
  }
}

/**
 * Candidates for one marked-up person: one per address, the first carrying the profile URL, all
 * with the person's `card` (the worker keeps them as one person).
 */
function candidatesOf(person: StructuredPerson, pageProfile: string | undefined, card: number): Candidate[] {
  const isPageSubject = person.mainEntity || (person.profileUrl !== undefined && person.profileUrl === pageProfile);
  const role: Candidate['role'] = isPageSubject ? 'profile' : 'mention';
  // The page a person is the main entity of is their profile, even when the markup gives no url.
  const profileUrl = person.profileUrl ?? (person.mainEntity ? pageProfile : undefined);
  const base: Candidate = person.name ? { name: person.name, role, card } : { role, card };
  if (person.emails.length === 0) return profileUrl ? [{ ...base, profileUrl }] : [];
  return person.emails.map((email, index) => (index === 0 && profileUrl ? { ...base, email, profileUrl } : { ...base, email }));
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
  const people = new PeopleOnPage();
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
  const insideClaimed = (element: Element) => {
    if (claimed.size === 0) return false;
    let ancestor: Element | null = element;
    for (let depth = 0; ancestor && depth < MAX_ANCESTRY; depth++, ancestor = ancestor.parentElement) {
      if (claimed.has(ancestor)) return true;
    }
    return false;
  };
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
  return people.truncated ? { people: people.list, self: [], truncated: true } : { people: people.list, self: [] };
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
