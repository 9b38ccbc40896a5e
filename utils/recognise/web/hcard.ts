/**
 * Microformats h-card: v2 (`h-card`, `p-name`, `u-email`, `u-url`) and classic v1 (`vcard`,
 * `fn`, `email`, `url`), with the value-class pattern and mf2's implied name and url.
 */
import { cleanName } from '../../identity/addresses';
import { readableText } from '../../identity/profile-url';
import { type NearestAncestor, nearestAncestorLookup } from './ancestry';
import { ITEM_WORK, NODE_WORK, runAllSlices, sliceCounter, type Slices } from './slices';
import { emailsFrom, firstValue, MAX_ITEMS, MAX_VALUES, profileUrlsFrom, URL_ATTRIBUTE, type StructuredPerson } from './structured';

const V2 = { name: 'p-name', email: 'u-email', url: 'u-url', given: 'p-given-name', family: 'p-family-name' };
const V1 = { name: 'fn', email: 'email', url: 'url', given: 'given-name', family: 'family-name' };
const ANY_CARD_PROPERTY = [...Object.values(V2), ...Object.values(V1)].map((name) => `.${name}`).join(', ');

/** Property elements read per page at most. */
const MAX_PROPERTIES = 20_000;

/** A microformat root of either version: its properties belong to it, not to the card around it. */
function isRoot(element: Element): boolean {
  for (const name of element.classList) if (name === 'vcard' || /^h-[a-z]/.test(name)) return true;
  return false;
}

/** Text of one value-class part: the attribute a reader sees as the value, else its text. */
function valuePartText(part: Element): string {
  if (part.localName === 'img' || part.localName === 'area') return part.getAttribute('alt') ?? '';
  if (part.localName === 'data') return part.getAttribute('value') ?? readableText(part);
  if (part.localName === 'abbr') return part.getAttribute('title') ?? readableText(part);
  return readableText(part);
}

/** The value-class pattern: `.value` parts inside a property, joined; undefined when it has none. */
function valueClassText(property: Element, rootOf: NearestAncestor): string | undefined {
  const candidates = property.getElementsByClassName('value');
  const parts: Element[] = [];
  for (let index = 0; index < candidates.length && parts.length < MAX_VALUES; index++) {
    const part = candidates[index]!;
    if (rootOf(part) === rootOf(property)) parts.push(part);
  }
  return parts.length > 0 ? parts.map(valuePartText).join('') : undefined;
}

/** A `u-*` property: the link or source it points at, else its value parts, else its text. */
function urlValue(property: Element, rootOf: NearestAncestor): string | undefined {
  const attribute = URL_ATTRIBUTE[property.localName];
  const pointed = attribute ? property.getAttribute(attribute) : null;
  return pointed ?? valueClassText(property, rootOf) ?? valuePartText(property);
}

/** A `p-*` property: its value parts, else the title, alt or value a reader sees, else its text. */
function textValue(property: Element, rootOf: NearestAncestor): string | undefined {
  return cleanName(valueClassText(property, rootOf) ?? valuePartText(property));
}

// mf2 implies a name from the card's own text only when it has no properties of its own. One
// native query, deliberately broad (any class containing "p-", "u-"...): a card it wrongly
// excludes merely goes without an implied name.
const ANY_PROPERTY = '[class*="p-"], [class*="u-"], [class*="e-"], [class*="dt-"], [class*="h-"]';

/**
 * An organisation's card (`h-card h-org`) or a card that is a property of another card (`p-org
 * h-card`, the standard way to say where someone works) is not a person.
 */
function isPersonCard(card: Element, rootOf: NearestAncestor): boolean {
  if (card.classList.contains('h-org')) return false;
  const outer = rootOf(card);
  return !outer?.matches('.h-card, .vcard') || ![...card.classList].some((name) => /^[pu]-/.test(name));
}

function hcardPerson(card: Element, own: Element[], page: URL, rootOf: NearestAncestor): StructuredPerson {
  // Kept without addresses or a name: a mail link inside it is the organisation's, not the person's around it.
  if (!isPersonCard(card, rootOf)) return { emails: [], profileUrls: [], mainEntity: false, claimed: [], element: card };
  const isV2 = card.classList.contains('h-card');
  const names = isV2 ? V2 : V1;
  const properties = (className: string) => own.filter((element) => element.classList.contains(className));
  const text = (className: string) => firstValue(properties(className), (element) => textValue(element, rootOf));
  const emailElements = properties(names.email);
  let name = text(names.name);
  name ??= cleanName([text(names.given), text(names.family)].filter(Boolean).join(' '));
  if (!name && isV2 && !card.querySelector(ANY_PROPERTY)) name = textValue(card, rootOf);
  let urls = properties(names.url);
  if (urls.length === 0 && isV2 && (card.localName === 'a' || card.localName === 'area')) urls = [card];
  // The card itself, when it is the link, points with its own href.
  const urlOf = (element: Element) => (element === card ? (card.getAttribute('href') ?? undefined) : urlValue(element, rootOf));
  const emails = emailsFrom(emailElements.slice(0, MAX_VALUES).map((element) => urlValue(element, rootOf)));
  const profileUrls = profileUrlsFrom(urls.slice(0, MAX_VALUES).map(urlOf), page);
  const person: StructuredPerson = { emails, profileUrls, mainEntity: false, claimed: emailElements, element: card };
  if (name) person.name = name;
  return person;
}

/**
 * Every h-card (v2) and vcard (v1) on the page, outer cards before the cards nested in them, in
 * slices. One pass over the page's property elements gives each to its nearest card (looked up
 * once per element), so nested cards cost no more than flat ones.
 */
export function* hcardPeopleInSlices(doc: Document, page: URL): Slices<StructuredPerson[]> {
  // Two single-class checks first: on a page without cards (most pages) the browser answers
  // them at once, where a selector list walks the whole page.
  if (!doc.querySelector('.h-card') && !doc.querySelector('.vcard')) return [];
  const cards = [...doc.querySelectorAll('.h-card, .vcard')].slice(0, MAX_ITEMS);
  const spend = sliceCounter();
  const rootOf = nearestAncestorLookup(isRoot);
  const ownProperties = new Map<Element, Element[]>(cards.map((card) => [card, []]));
  const candidates = doc.querySelectorAll(ANY_CARD_PROPERTY);
  for (let index = 0; index < candidates.length && index < MAX_PROPERTIES; index++) {
    const element = candidates[index]!;
    const owner = rootOf(element);
    if (owner) ownProperties.get(owner)?.push(element);
    if (spend(NODE_WORK)) yield;
  }
  const people: StructuredPerson[] = [];
  for (const card of cards) {
    people.push(hcardPerson(card, ownProperties.get(card) ?? [], page, rootOf));
    if (spend(ITEM_WORK)) yield;
  }
  return people;
}

/** `hcardPeopleInSlices` in one go. */
export function findHCardPeople(doc: Document, page: URL): StructuredPerson[] {
  return runAllSlices(hcardPeopleInSlices(doc, page));
}
