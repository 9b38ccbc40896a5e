/**
 * What the two webmail recognisers (Gmail, Outlook) share: merging the people one page shows,
 * keeping the user's own addresses apart, reading localised field names ("To", "Cc"...) and
 * finding addresses in attribute text. Plain string and DOM code: bundled into content scripts.
 */
import type { Candidate } from '../model';
import { cleanName, toEmailAddress } from './addresses';
import type { PageFindings, ThreadRef } from './types';

export type MailRole = NonNullable<Candidate['role']>;

// Field names as webmail shows them in a few languages, lower-case. A name not listed here gives
// no role (or the caller's guess); add locales as users meet them.
const ROLE_BY_FIELD_NAME = new Map<string, MailRole>([
  ...['from', 'sender', 'von', 'de', 'da', 'van', 'från', 'fra', 'od'].map((name) => [name, 'from'] as const),
  ...['to', 'an', 'à', 'a', 'para', 'aan', 'till', 'til', 'do', 'per'].map((name) => [name, 'to'] as const),
  ...['cc'].map((name) => [name, 'cc'] as const),
  ...['bcc', 'cci', 'cco', 'ccn', 'bkopie'].map((name) => [name, 'bcc'] as const),
]);

/**
 * The role a field label names: its first word before any colon ("Bcc recipients", "cc:",
 * "Von: Ada"), or undefined when the label names no mail field Tend knows.
 */
export function roleFromFieldLabel(label: string | null | undefined): MailRole | undefined {
  if (!label) return undefined;
  const beforeColon = label.slice(0, 64).split(':')[0] ?? '';
  const firstWord = beforeColon.toLowerCase().split(/[^\p{L}]+/u).find(Boolean);
  return firstWord ? ROLE_BY_FIELD_NAME.get(firstWord) : undefined;
}

/** Longer "ids" than this are not ids Tend can key a thread on (the sighting caps keys at 2048). */
export const MAX_THREAD_ID = 512;

// Characters that cannot be part of an address written in running text or an attribute.
const ADDRESS_DELIMITERS = /[\s<>()[\]"',;:]+/;
/** Attribute text longer than this is not a label; only its start is read. */
const MAX_ATTRIBUTE_TEXT = 2000;

/** Every address in a short text such as a `title` or `aria-label` ("Ada <ada@x.example>"). */
export function addressesInText(text: string | null | undefined): string[] {
  if (!text || !text.includes('@')) return [];
  const found: string[] = [];
  for (const token of text.slice(0, MAX_ATTRIBUTE_TEXT).split(ADDRESS_DELIMITERS)) {
    const address = token.includes('@') ? toEmailAddress(token) : undefined;
    if (address && !found.includes(address)) found.push(address);
  }
  return found;
}

/**
 * `querySelectorAll` from a root, including the root itself when it is an element that matches
 * (an incremental scan starts from each added element), without elements inside `<noscript>`,
 * whose markup parsers may expand.
 */
export function elementsIn(root: ParentNode, selector: string): Element[] {
  const self = root instanceof Element && root.matches(selector) ? [root] : [];
  return [...self, ...root.querySelectorAll(selector)].filter((element) => !element.closest('noscript'));
}

// How much a role is worth when one person is seen several times: being the sender says most,
// a labelled field (cc:, Bcc) more than a guess, a guess more than nothing.
const RANK_FROM = 3;
const RANK_LABELLED = 2;
const RANK_GUESSED = 1;
const RANK_NONE = 0;

interface Entry {
  person: Candidate;
  rank: number;
}

/**
 * The people one page shows, merged as they are found: one entry per address (or per name for
 * people shown without one), page order kept, the user's own addresses reported apart.
 */
export class PeopleOnPage {
  private readonly entries: Entry[] = [];
  private readonly byEmail = new Map<string, Entry>();
  private readonly byName = new Map<string, Entry>();
  private readonly selfAddresses = new Set<string>();
  private readonly selfNames = new Set<string>();

  /**
   * Note a person. `labelled` says the role came from a field label rather than a guess. A raw
   * address that is not one leaves a name-only person when `nameOnlyAllowed`, else nothing.
   */
  add(raw: { email?: string | null; name?: string | null }, role?: MailRole, labelled = false, nameOnlyAllowed = false): void {
    const email = toEmailAddress(raw.email);
    let name = cleanName(raw.name);
    if (name && (name.toLowerCase() === email || toEmailAddress(name))) name = undefined;
    if (!email && !(nameOnlyAllowed && name)) return;
    const rank = role === 'from' ? RANK_FROM : role ? (labelled ? RANK_LABELLED : RANK_GUESSED) : RANK_NONE;
    const known = this.knownAs(email, name);
    if (!known) {
      const person: Candidate = {};
      if (email) person.email = email;
      if (name) person.name = name;
      if (role) person.role = role;
      const entry = { person, rank };
      this.entries.push(entry);
      this.index(entry);
      return;
    }
    // A name-only entry learns its address when the same name shows up with one.
    if (email && !known.person.email) known.person.email = email;
    if (name && !known.person.name) known.person.name = name;
    if (role && rank > known.rank) {
      known.person.role = role;
      known.rank = rank;
    }
    this.index(known);
  }

  /** A collector that starts from earlier findings, so an incremental scan only adds to them. */
  static from(previous: PageFindings): PeopleOnPage {
    const people = new PeopleOnPage();
    for (const own of previous.self) people.addSelf(own);
    // Earlier roles came from a full scan: treat them as labelled, so only a sender outranks them.
    for (const person of previous.people) people.add(person, person.role, true, true);
    return people;
  }

  /** Note one of the user's own addresses: never reported as a person. */
  addSelf(raw: string | null | undefined): void {
    const address = toEmailAddress(raw);
    if (address) this.selfAddresses.add(address);
  }

  /** Note the user's display name, so that a name-only mention of them is not a person. */
  addSelfName(raw: string | null | undefined): void {
    const name = cleanName(raw)?.toLowerCase();
    if (name) this.selfNames.add(name);
  }

  /** The findings: people who are not the user, the user's addresses, and the thread if any. */
  findings(thread?: ThreadRef): PageFindings {
    const people = this.entries
      .filter(({ person }) => (person.email ? !this.selfAddresses.has(person.email) : !this.selfNames.has(person.name?.toLowerCase() ?? '')))
      .map(({ person }) => ({ ...person }));
    const findings: PageFindings = { people, self: [...this.selfAddresses] };
    if (thread) findings.thread = thread;
    return findings;
  }

  /**
   * The entry a sighting adds to: by address when it has one (or a name-only entry of the same
   * name, which it completes), by name when it has none. Two addresses never merge by name.
   */
  private knownAs(email: string | undefined, name: string | undefined): Entry | undefined {
    const byName = name ? this.byName.get(name.toLowerCase()) : undefined;
    if (!email) return byName;
    return this.byEmail.get(email) ?? (byName && !byName.person.email ? byName : undefined);
  }

  private index(entry: Entry): void {
    if (entry.person.email) this.byEmail.set(entry.person.email, entry);
    const nameKey = entry.person.name?.toLowerCase();
    // The first entry of a name keeps it: later namesakes with other addresses stay apart.
    if (nameKey && !this.byName.has(nameKey)) this.byName.set(nameKey, entry);
  }
}
