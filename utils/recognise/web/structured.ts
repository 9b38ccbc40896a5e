/**
 * schema.org Person in JSON-LD (microdata: microdata.ts). Person markup of every kind yields
 * StructuredPerson: one item's name, addresses and profile URL together, so the recogniser can
 * merge them onto one candidate.
 */
import { cleanName, toEmailAddress } from '../../identity/addresses';
import { canonicalProfileUrl } from '../../identity/profile-url';
import type { Slices } from './slices';

/** A person one markup item describes. */
export interface StructuredPerson {
  name?: string;
  emails: string[];
  /** Canonical profile URLs (see profile-url.ts), distinct, in page order: a homepage, GitHub, LinkedIn... */
  profileUrls: string[];
  /** The page is about this person (schema.org mainEntity): the page is their profile. */
  mainEntity: boolean;
  /** Elements whose text this reading used as addresses; other passes leave them alone. */
  claimed: Element[];
  /** The card or item element (h-card, microdata): mail links inside it are this person's. */
  element?: Element;
}

/** Items read per page at most, of each kind. */
export const MAX_ITEMS = 500;
/** Values of one property read per item at most: a person has a name or an address or two, not thousands. */
export const MAX_VALUES = 64;
const MAX_JSON_CHARS = 1_000_000;
const MAX_JSON_SCRIPTS = 100;
const MAX_JSON_NODES = 20_000;
const MAX_JSON_DEPTH = 64;

/**
 * The attribute each element that points at something points with: what a `u-*` h-card property
 * (mf2 parsing rules) and a microdata property (which reads a few more, microdata.ts) take as its
 * value. No prototype: an element named `constructor` points with nothing.
 */
export const URL_ATTRIBUTE: Readonly<Record<string, string>> = Object.setPrototypeOf(
  {
    a: 'href',
    area: 'href',
    link: 'href',
    img: 'src',
    audio: 'src',
    video: 'src',
    source: 'src',
    object: 'data',
  },
  null,
);

/** A URL as written on the page (possibly relative), canonicalised, or undefined. */
export function profileUrlFrom(raw: string | undefined, page: URL): string | undefined {
  if (!raw || raw.length > 2048) return undefined;
  try {
    return canonicalProfileUrl(new URL(raw.trim(), page).href);
  } catch {
    return undefined;
  }
}

/** The first value among `elements` that `read` makes something of; later ones are not read. */
export function firstValue(elements: Element[], read: (element: Element) => string | undefined): string | undefined {
  for (const element of elements.slice(0, MAX_VALUES)) {
    const value = read(element);
    if (value) return value;
  }
  return undefined;
}

/** The distinct values `read` makes of the first MAX_VALUES raw values, in order. */
function distinctValues(values: readonly (string | undefined)[], read: (raw: string | undefined) => string | undefined): string[] {
  const found: string[] = [];
  for (const raw of values.slice(0, MAX_VALUES)) {
    const value = read(raw);
    if (value && !found.includes(value)) found.push(value);
  }
  return found;
}

/** Distinct valid addresses from the first MAX_VALUES raw values (`mailto:` and queries allowed). */
export const emailsFrom = (values: readonly (string | undefined)[]): string[] => distinctValues(values, toEmailAddress);

/** Distinct canonical profile URLs from the first MAX_VALUES raw values (relative to the page). */
export const profileUrlsFrom = (values: readonly (string | undefined)[], page: URL): string[] => distinctValues(values, (raw) => profileUrlFrom(raw, page));

/**
 * schema.org `sameAs` values that can be another profile of the person: absolute http(s) URLs only
 * (words such as "see my blog" would otherwise resolve against the page to a URL of the page's site).
 */
export const sameAsValues = (values: readonly (string | undefined)[]) => values.filter((value) => /^\s*https?:/i.test(value ?? ''));

/** True when a schema.org type is `name`: written bare ("Person"), prefixed ("schema:Person") or as an IRI. */
export function isSchemaType(type: string, name: string): boolean {
  const trimmed = type.trim();
  return trimmed === name || trimmed.endsWith(`:${name}`) || trimmed.endsWith(`schema.org/${name}`);
}

/**
 * JSON-LD strings: plain, or the `key` of an object: `@value` for a literal, `@id` for a node reference
 * (`{"@id": "https://..."}`, as expanded JSON-LD writes `sameAs`).
 */
function jsonStrings(value: unknown, key = '@value'): string[] {
  const values = Array.isArray(value) ? value : [value];
  return values.flatMap((item) => {
    const text = typeof item === 'string' ? item : (item as Record<string, unknown> | null)?.[key];
    return typeof text === 'string' ? [text] : [];
  });
}

function jsonPerson(object: Record<string, unknown>, page: URL, mainEntity: boolean): StructuredPerson {
  const given = jsonStrings(object.givenName)[0];
  const family = jsonStrings(object.familyName)[0];
  const name = cleanName(jsonStrings(object.name)[0]) ?? cleanName([given, family].filter(Boolean).join(' '));
  const person: StructuredPerson = {
    emails: emailsFrom(jsonStrings(object.email)),
    // `sameAs`: the person's other profiles (LinkedIn, GitHub...), the same person as `url`.
    profileUrls: profileUrlsFrom([...jsonStrings(object.url), ...sameAsValues(jsonStrings(object.sameAs, '@id'))], page),
    mainEntity,
    claimed: [],
  };
  if (name) person.name = name;
  return person;
}

/**
 * Every schema.org Person in the page's JSON-LD blocks, nested ones included (author, member,
 * @graph...), one block per slice: a block is parsed whole, up to a megabyte. Malformed blocks
 * are skipped; the walk is bounded in nodes and depth.
 */
export function* jsonLdPeopleInSlices(doc: Document, page: URL): Slices<StructuredPerson[]> {
  const people: StructuredPerson[] = [];
  const scripts = [...doc.querySelectorAll('script[type]')]
    .filter((script) => (script.getAttribute('type') ?? '').split(';')[0]?.trim().toLowerCase() === 'application/ld+json')
    .slice(0, MAX_JSON_SCRIPTS);
  for (const [index, script] of scripts.entries()) {
    if (index > 0) yield;
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
