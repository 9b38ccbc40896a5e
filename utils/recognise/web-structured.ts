/**
 * schema.org Person in JSON-LD and microdata. Both yield StructuredPerson: one item's name,
 * addresses and profile URL together, so the recogniser can merge them onto one candidate.
 */
import { cleanName, toEmailAddress } from './addresses';
import { canonicalProfileUrl, readableText } from './profile-url';

/** A person one markup item describes. */
export interface StructuredPerson {
  name?: string;
  emails: string[];
  /** Canonical profile URL (see profile-url.ts). */
  profileUrl?: string;
  /** The page is about this person (schema.org mainEntity): the page is their profile. */
  mainEntity: boolean;
  /** Elements whose text this reading used as addresses; other passes leave them alone. */
  claimed: Element[];
}

/** Items read per page at most, of each kind. */
export const MAX_ITEMS = 500;
const MAX_JSON_CHARS = 1_000_000;
const MAX_JSON_SCRIPTS = 100;
const MAX_JSON_NODES = 20_000;
const MAX_JSON_DEPTH = 64;

/** A URL as written on the page (possibly relative), canonicalised, or undefined. */
export function profileUrlFrom(raw: string | undefined, page: URL): string | undefined {
  if (!raw || raw.length > 2048) return undefined;
  try {
    return canonicalProfileUrl(new URL(raw.trim(), page).href);
  } catch {
    return undefined;
  }
}

/** Distinct valid addresses from raw values (`mailto:` and queries allowed). */
export function emailsFrom(values: readonly (string | undefined)[]): string[] {
  const emails: string[] = [];
  for (const value of values) {
    const email = toEmailAddress(value);
    if (email && !emails.includes(email)) emails.push(email);
  }
  return emails;
}

// schema.org types are written bare ("Person"), prefixed ("schema:Person") or as IRIs.
function isSchemaType(type: string, name: string): boolean {
  const trimmed = type.trim();
  return trimmed === name || trimmed.endsWith(`:${name}`) || trimmed.endsWith(`schema.org/${name}`);
}

function jsonStrings(value: unknown): string[] {
  const values = Array.isArray(value) ? value : [value];
  return values.flatMap((item) => {
    if (typeof item === 'string') return [item];
    const literal = (item as { '@value'?: unknown } | null)?.['@value'];
    return typeof literal === 'string' ? [literal] : [];
  });
}

function jsonPerson(object: Record<string, unknown>, page: URL, mainEntity: boolean): StructuredPerson {
  const given = jsonStrings(object.givenName)[0];
  const family = jsonStrings(object.familyName)[0];
  const name = cleanName(jsonStrings(object.name)[0]) ?? cleanName([given, family].filter(Boolean).join(' '));
  const profileUrl = jsonStrings(object.url).map((raw) => profileUrlFrom(raw, page)).find(Boolean);
  const person: StructuredPerson = { emails: emailsFrom(jsonStrings(object.email)), mainEntity, claimed: [] };
  if (name) person.name = name;
  if (profileUrl) person.profileUrl = profileUrl;
  return person;
}

/**
 * Every schema.org Person in the page's JSON-LD blocks, nested ones included (author, member,
 * @graph...). Malformed blocks are skipped; the walk is bounded in nodes and depth.
 */
export function findJsonLdPeople(doc: Document, page: URL): StructuredPerson[] {
  const people: StructuredPerson[] = [];
  const scripts = [...doc.querySelectorAll('script[type]')]
    .filter((script) => (script.getAttribute('type') ?? '').split(';')[0]?.trim().toLowerCase() === 'application/ld+json')
    .slice(0, MAX_JSON_SCRIPTS);
  for (const script of scripts) {
    const source = script.textContent ?? '';
    if (source.length > MAX_JSON_CHARS) continue;
    let data: unknown;
    try {
      data = JSON.parse(source);
    } catch {
      continue; // Hand-written JSON-LD is often broken; the rest of the page still counts.
    }
    const pending: { value: unknown; depth: number; mainEntity: boolean }[] = [{ value: data, depth: 0, mainEntity: false }];
    let visited = 0;
    while (pending.length > 0 && visited++ < MAX_JSON_NODES && people.length < MAX_ITEMS) {
      const { value, depth, mainEntity } = pending.pop()!;
      if (depth > MAX_JSON_DEPTH || value === null || typeof value !== 'object') continue;
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) pending.push({ value: value[i], depth: depth + 1, mainEntity });
        continue;
      }
      const object = value as Record<string, unknown>;
      if (jsonStrings(object['@type']).some((type) => isSchemaType(type, 'Person'))) {
        people.push(jsonPerson(object, page, mainEntity || 'mainEntityOfPage' in object));
      }
      // Children last-first so Persons come out in document order.
      for (const [key, child] of Object.entries(object).reverse()) {
        pending.push({ value: child, depth: depth + 1, mainEntity: key === 'mainEntity' });
      }
    }
  }
  return people;
}

function tokens(element: Element, attribute: string): string[] {
  return (element.getAttribute(attribute) ?? '').split(/\s+/).filter(Boolean);
}

/** A microdata property's value, by the element that carries it (HTML Living Standard rules). */
function microdataValue(element: Element): string | undefined {
  switch (element.localName) {
    case 'meta':
      return element.getAttribute('content') ?? undefined;
    case 'a': case 'area': case 'link':
      return element.getAttribute('href') ?? undefined;
    case 'img': case 'audio': case 'video': case 'source': case 'iframe': case 'embed': case 'track':
      return element.getAttribute('src') ?? undefined;
    case 'object':
      return element.getAttribute('data') ?? undefined;
    case 'data': case 'meter':
      return element.getAttribute('value') ?? undefined;
    case 'time':
      return element.getAttribute('datetime') ?? readableText(element);
    default:
      return readableText(element);
  }
}

/** Property elements read per page at most. */
const MAX_PROPERTIES = 20_000;

/** Each Person item's properties by name, in page order; a nested item's are its own. */
function microdataProperties(doc: Document, items: Element[]): Map<Element, Map<string, Element[]>> {
  const byItem = new Map<Element, Map<string, Element[]>>(items.map((item) => [item, new Map()]));
  const elements = doc.querySelectorAll('[itemprop]');
  for (let index = 0; index < elements.length && index < MAX_PROPERTIES; index++) {
    const element = elements[index];
    const owner = element?.parentElement?.closest('[itemscope]');
    const byName = owner && byItem.get(owner);
    if (!element || !byName) continue;
    for (const name of tokens(element, 'itemprop')) {
      const named = byName.get(name);
      if (named) named.push(element);
      else byName.set(name, [element]);
    }
  }
  return byItem;
}

/** Every schema.org Person item in the page's microdata, with its name, email and url. */
export function findMicrodataPeople(doc: Document, page: URL): StructuredPerson[] {
  const items = [...doc.querySelectorAll('[itemscope][itemtype]')]
    .filter((item) => tokens(item, 'itemtype').some((type) => isSchemaType(type, 'Person')))
    .slice(0, MAX_ITEMS);
  if (items.length === 0) return [];
  const propertiesByItem = microdataProperties(doc, items);
  return items.map((item) => {
    const properties = propertiesByItem.get(item) ?? new Map<string, Element[]>();
    const text = (name: string) => (properties.get(name) ?? []).map((e) => cleanName(microdataValue(e))).find(Boolean);
    const emailElements = properties.get('email') ?? [];
    const name = text('name') ?? cleanName([text('givenName'), text('familyName')].filter(Boolean).join(' '));
    const profileUrl = (properties.get('url') ?? []).map((e) => profileUrlFrom(microdataValue(e), page)).find(Boolean);
    const person: StructuredPerson = {
      emails: emailsFrom(emailElements.map(microdataValue)),
      mainEntity: tokens(item, 'itemprop').includes('mainEntity'),
      claimed: emailElements,
    };
    if (name) person.name = name;
    if (profileUrl) person.profileUrl = profileUrl;
    return person;
  });
}
