/**
 * schema.org Person items in microdata (`itemscope itemtype=".../Person"`): name, email and url
 * properties, read in slices. A nested item's properties are its own.
 */
import { cleanName } from '../../identity/addresses';
import { readableText } from '../../identity/profile-url';
import { nearestAncestorLookup } from './ancestry';
import { ITEM_WORK, NODE_WORK, sliceCounter, type Slices } from './slices';
import { emailsFrom, firstValue, isSchemaType, MAX_ITEMS, MAX_VALUES, profileUrlsFrom, sameAsValues, URL_ATTRIBUTE, type StructuredPerson } from './structured';

/** Property elements read per page at most. */
const MAX_PROPERTIES = 20_000;

function tokens(element: Element, attribute: string): string[] {
  return (element.getAttribute(attribute) ?? '').split(/\s+/).filter(Boolean);
}

// Microdata reads the elements that point as h-cards do, and a few more (HTML Living Standard).
const VALUE_ATTRIBUTE: Readonly<Record<string, string>> = Object.setPrototypeOf(
  { ...URL_ATTRIBUTE, iframe: 'src', embed: 'src', track: 'src', meta: 'content', data: 'value', meter: 'value' },
  null,
);

/** A microdata property's value, by the element that carries it (HTML Living Standard rules). */
function microdataValue(element: Element): string | undefined {
  if (element.localName === 'time') return element.getAttribute('datetime') ?? readableText(element);
  const attribute = VALUE_ATTRIBUTE[element.localName];
  return attribute ? (element.getAttribute(attribute) ?? undefined) : readableText(element);
}

/** Properties of one item, by name, in page order. */
type ItemProperties = Map<string, Element[]>;

/** The first MAX_VALUES values of a property's elements. */
const valuesOf = (elements: Element[] = []) => elements.slice(0, MAX_VALUES).map(microdataValue);

function personOfItem(item: Element, properties: ItemProperties, page: URL): StructuredPerson {
  const text = (name: string) => firstValue(properties.get(name) ?? [], (element) => cleanName(microdataValue(element)));
  const emailElements = properties.get('email') ?? [];
  const name = text('name') ?? cleanName([text('givenName'), text('familyName')].filter(Boolean).join(' '));
  const person: StructuredPerson = {
    emails: emailsFrom(valuesOf(emailElements)),
    profileUrls: profileUrlsFrom([...valuesOf(properties.get('url')), ...sameAsValues(valuesOf(properties.get('sameAs')))], page),
    mainEntity: tokens(item, 'itemprop').includes('mainEntity'),
    claimed: emailElements,
    element: item,
  };
  if (name) person.name = name;
  return person;
}

/** Every schema.org Person item in the page's microdata (the first 500), in page order. */
export function* microdataPeopleInSlices(doc: Document, page: URL): Slices<StructuredPerson[]> {
  const spend = sliceCounter();
  const items: Element[] = [];
  // Single-attribute queries: the browser answers those at once on a page without any.
  const roots = doc.querySelectorAll('[itemscope]');
  for (let index = 0; index < roots.length && items.length < MAX_ITEMS; index++) {
    const root = roots[index]!;
    if (tokens(root, 'itemtype').some((type) => isSchemaType(type, 'Person'))) items.push(root);
    if (spend(NODE_WORK)) yield;
  }
  if (items.length === 0) return [];
  const byItem = new Map<Element, ItemProperties>(items.map((item) => [item, new Map()]));
  const itemOf = nearestAncestorLookup((element) => element.hasAttribute('itemscope'));
  const elements = doc.querySelectorAll('[itemprop]');
  for (let index = 0; index < elements.length && index < MAX_PROPERTIES; index++) {
    const element = elements[index]!;
    // The nearest item up the tree owns the property, Person or not.
    const owner = itemOf(element);
    const byName = owner && byItem.get(owner);
    if (byName) {
      for (const name of tokens(element, 'itemprop')) {
        const named = byName.get(name);
        if (named) named.push(element);
        else byName.set(name, [element]);
      }
    }
    if (spend(NODE_WORK)) yield;
  }
  const people: StructuredPerson[] = [];
  for (const item of items) {
    people.push(personOfItem(item, byItem.get(item)!, page));
    if (spend(ITEM_WORK)) yield;
  }
  return people;
}
