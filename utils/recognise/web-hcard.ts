/**
 * Microformats h-card: v2 (`h-card`, `p-name`, `u-email`, `u-url`) and classic v1 (`vcard`,
 * `fn`, `email`, `url`), with the value-class pattern and mf2's implied name and url.
 */
import { cleanName } from './addresses';
import { readableText } from './profile-url';
import { emailsFrom, MAX_ITEMS, profileUrlFrom, type StructuredPerson } from './web-structured';

const V2 = { name: 'p-name', email: 'u-email', url: 'u-url', given: 'p-given-name', family: 'p-family-name' };
const V1 = { name: 'fn', email: 'email', url: 'url', given: 'given-name', family: 'family-name' };
const ANY_CARD_PROPERTY = [...Object.values(V2), ...Object.values(V1)].map((name) => `.${name}`).join(', ');

/** Property elements read per page at most. */
const MAX_PROPERTIES = 20_000;
/** A card further up than this is not the one a property belongs to on any real page. */
const MAX_ANCESTRY = 256;

/** A microformat root of either version: its properties belong to it, not to the card around it. */
function isRoot(element: Element): boolean {
  for (const name of element.classList) if (name === 'vcard' || /^h-[a-z]/.test(name)) return true;
  return false;
}

function nearestRoot(element: Element): Element | null {
  let parent = element.parentElement;
  for (let depth = 0; parent && depth < MAX_ANCESTRY; depth++, parent = parent.parentElement) if (isRoot(parent)) return parent;
  return null;
}

/** Text of one value-class part: the attribute a reader sees as the value, else its text. */
function valuePartText(part: Element): string {
  if (part.localName === 'img' || part.localName === 'area') return part.getAttribute('alt') ?? '';
  if (part.localName === 'data') return part.getAttribute('value') ?? readableText(part);
  if (part.localName === 'abbr') return part.getAttribute('title') ?? readableText(part);
  return readableText(part);
}

/** The value-class pattern: `.value` parts inside a property, joined; undefined when it has none. */
function valueClassText(property: Element): string | undefined {
  const parts = [...property.getElementsByClassName('value')].filter((part) => nearestRoot(part) === nearestRoot(property));
  return parts.length > 0 ? parts.map(valuePartText).join('') : undefined;
}

/** The attribute a `u-*` property on each element points with (mf2 parsing rules). */
const URL_ATTRIBUTE: Readonly<Record<string, string>> = {
  a: 'href', area: 'href', link: 'href', img: 'src', audio: 'src', video: 'src', source: 'src', object: 'data',
};

/** A `u-*` property: the link or source it points at, else its value parts, else its text. */
function urlValue(property: Element): string | undefined {
  const attribute = URL_ATTRIBUTE[property.localName];
  const pointed = attribute ? property.getAttribute(attribute) : null;
  return pointed ?? valueClassText(property) ?? valuePartText(property);
}

/** A `p-*` property: its value parts, else the title, alt or value a reader sees, else its text. */
function textValue(property: Element): string | undefined {
  return cleanName(valueClassText(property) ?? valuePartText(property));
}

// mf2 implies a name from the card's own text only when it has no properties of its own. One
// native query, deliberately broad (any class containing "p-", "u-"...): a card it wrongly
// excludes merely goes without an implied name.
const ANY_PROPERTY = '[class*="p-"], [class*="u-"], [class*="e-"], [class*="dt-"], [class*="h-"]';

function hcardPerson(card: Element, own: Element[], page: URL): StructuredPerson {
  const isV2 = card.classList.contains('h-card');
  const names = isV2 ? V2 : V1;
  const properties = (className: string) => own.filter((element) => element.classList.contains(className));
  const emailElements = properties(names.email);
  let name = properties(names.name).map(textValue).find(Boolean);
  name ??= cleanName([names.given, names.family].map((n) => properties(n).map(textValue).find(Boolean)).filter(Boolean).join(' '));
  if (!name && isV2 && !card.querySelector(ANY_PROPERTY)) name = textValue(card);
  let urls = properties(names.url).map(urlValue);
  if (urls.length === 0 && isV2 && (card.localName === 'a' || card.localName === 'area')) urls = [card.getAttribute('href') ?? undefined];
  const person: StructuredPerson = { emails: emailsFrom(emailElements.map(urlValue)), mainEntity: false, claimed: emailElements };
  if (name) person.name = name;
  const profileUrl = urls.map((raw) => profileUrlFrom(raw, page)).find(Boolean);
  if (profileUrl) person.profileUrl = profileUrl;
  return person;
}

/**
 * Every h-card (v2) and vcard (v1) on the page, outer cards before the cards nested in them.
 * One pass over the page's property elements gives each to its nearest card, so nested cards
 * cost no more than flat ones.
 */
export function findHCardPeople(doc: Document, page: URL): StructuredPerson[] {
  const cards = [...doc.querySelectorAll('.h-card, .vcard')].slice(0, MAX_ITEMS);
  if (cards.length === 0) return [];
  const ownProperties = new Map<Element, Element[]>(cards.map((card) => [card, []]));
  const candidates = doc.querySelectorAll(ANY_CARD_PROPERTY);
  for (let index = 0; index < candidates.length && index < MAX_PROPERTIES; index++) {
    const element = candidates[index];
    const owner = element && nearestRoot(element);
    if (owner) ownProperties.get(owner)?.push(element);
  }
  return cards.map((card) => hcardPerson(card, ownProperties.get(card) ?? [], page));
}
