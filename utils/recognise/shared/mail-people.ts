/**
 * What the two webmail recognisers (Gmail, Outlook) share: merging the people one page shows,
 * keeping the user's own addresses apart, reading localised field names ("To", "Cc"...) and
 * finding addresses in attribute text. Plain string and DOM code: bundled into content scripts.
 */
import type { Candidate } from '../../model/records';
import { cleanName, isLowerAsciiEmailAddress, toEmailAddress } from '../../identity/addresses';
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
  const firstWord = beforeColon
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .find(Boolean);
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
 * The elements not inside a `<noscript>` (parsers that run no scripts expand its markup), in
 * the order given. Callers pass few elements (messages, chips, rows), never every person.
 */
export function outsideNoscript<T extends Element>(elements: ArrayLike<T>): T[] {
  return Array.prototype.filter.call(elements, (element: T) => !element.closest('noscript')) as T[];
}

/**
 * `querySelectorAll` from a root, including the root itself when it is an element that matches
 * (an incremental scan starts from each added element), without elements inside `<noscript>`.
 */
export function elementsIn(root: ParentNode, selector: string): Element[] {
  const found = root.querySelectorAll(selector);
  return outsideNoscript((root as Element).matches?.(selector) ? [root as Element, ...found] : found);
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

// Text normaliseEmail leaves as it is: printable ASCII without capitals, `%` (escapes) or `?`
// (a query), not starting `mailto:`. Raw addresses on pages mostly are: they are only checked.
const ALREADY_NORMAL = /^[!-$&->@[-~]+$/;

const isAlreadyNormal = (raw: string): boolean => ALREADY_NORMAL.test(raw) && !raw.startsWith('mailto:');

/** toEmailAddress, without the normalising steps that could change nothing. */
function toAddress(raw: string): string | undefined {
  if (isAlreadyNormal(raw)) return isLowerAsciiEmailAddress(raw) ? raw : undefined;
  return toEmailAddress(raw);
}

const rankOf = (role: MailRole | undefined, labelled: boolean): number =>
  role === 'from' ? RANK_FROM : role ? (labelled ? RANK_LABELLED : RANK_GUESSED) : RANK_NONE;

/**
 * Addresses and names normalised from raw page values ('' marks a value that is no address). Both
 * are functions of the raw value alone, so a recogniser that scans one page again and again may
 * keep them from one scan to the next (calendar/google-memo.ts).
 */
export interface NormalisedText {
  addressByRaw: Map<string, string>;
  nameByRaw: Map<string, string | undefined>;
}

export const normalisedText = (): NormalisedText => ({ addressByRaw: new Map(), nameByRaw: new Map() });

/**
 * The people one page shows, merged as they are found: one entry per address (or per name for
 * people shown without one), page order kept, the user's own addresses reported apart.
 */
export class PeopleOnPage {
  // `#` members: the content-script build shortens their names, and this class is in every mail script.
  readonly #entries: Entry[] = [];
  readonly #byEmail = new Map<string, Entry>();
  readonly #byName = new Map<string, Entry>();
  readonly #selfAddresses = new Set<string>();
  readonly #userShownAs = new Set<string>();
  readonly #selfNames = new Set<string>();

  // Memos: a page repeats each person's markup many times, and normalising is most of the work.
  // The normalised text may outlive the collector (see the constructor); an address's entry is
  // this collector's and never changes once made, so a raw value can point straight at it.
  readonly #addressByRaw: Map<string, string>;
  readonly #entryByRaw = new Map<string, Entry>();
  readonly #nameByRaw: Map<string, string | undefined>;

  /** With `normalised`, the raw values' addresses and names are kept there, for the next collector of the same page too. */
  constructor(normalised: NormalisedText = normalisedText()) {
    this.#addressByRaw = normalised.addressByRaw;
    this.#nameByRaw = normalised.nameByRaw;
  }

  // The sender of the newest message: mail lists a thread oldest first, so the last sender read
  // (not the last to appear for the first time: A writes, B replies, A writes again).
  #newest: Entry | undefined;
  /** False while a caller reads a message older than one already read (Gmail's incremental scan). */
  readingNewer = true;

  /**
   * Note a person. `labelled` says the role came from a field label rather than a guess. A raw
   * address that is not one leaves a name-only person when `nameOnlyAllowed`, else nothing.
   */
  add(raw: { email?: string | null; name?: string | null }, role?: MailRole, labelled = false, nameOnlyAllowed = false): void {
    const rank = rankOf(role, labelled);
    const seen = raw.email ? this.#entryOfRaw(raw.email) : undefined;
    // Most sightings repeat someone already named with as strong a role: nothing to learn.
    if (seen?.person.name && rank <= seen.rank) return this.#noteSender(seen, role);
    const email = this.#addressOf(raw.email);
    let name = this.#nameOf(raw.name);
    // Only a name with an @, or a %-escape that may decode to one, can be the address itself.
    if (name && /[@%]/.test(name) && (name.toLowerCase() === email || this.#addressOf(name))) name = undefined;
    if (!email && !(nameOnlyAllowed && name)) return;
    const known = this.#knownAs(email, name);
    if (!known) {
      const person: Candidate = {};
      if (email) person.email = email;
      if (name) person.name = name;
      if (role) person.role = role;
      this.#noteSender(this.#addEntry({ person, rank }), role);
    } else {
      // A name-only entry learns its address when the same name shows up with one.
      if (email && !known.person.email) {
        known.person.email = email;
        this.#byEmail.set(email, known);
      }
      if (name && !known.person.name) {
        known.person.name = name;
        this.#indexName(known);
      }
      if (role && rank > known.rank) {
        known.person.role = role;
        known.rank = rank;
      }
      this.#noteSender(known, role);
    }
    if (email) this.#entryByRaw.set(raw.email!, this.#byEmail.get(email)!);
  }

  /**
   * False when a label naming To, Cc or Bcc could not change what `add` keeps for this raw
   * address (it is no address, or its person already has a labelled role or better), so callers
   * whose labels name no other field, and that keep no name-only people, can skip looking it up.
   */
  roleMatters(rawEmail: string | null | undefined): boolean {
    if (!rawEmail) return false;
    const seen = this.#entryOfRaw(rawEmail) ?? this.#byEmail.get(this.#addressOf(rawEmail) ?? '');
    return seen ? seen.rank < RANK_LABELLED : this.#addressOf(rawEmail) !== undefined;
  }

  /** A collector that starts from earlier findings, so an incremental scan only adds to them. */
  static from(previous: PageFindings): PeopleOnPage {
    const people = new PeopleOnPage();
    // Earlier findings are a collector's own output, already normalised and merged: they are
    // taken as they are, so an incremental scan pays only for what was added.
    for (const own of previous.self) people.#selfAddresses.add(own);
    // Earlier roles came from a full scan: treat them as labelled, so only a sender outranks them.
    for (const { newest, ...person } of previous.people) {
      const entry = people.#addEntry({ person, rank: rankOf(person.role, true) });
      if (newest) people.#newest = entry;
    }
    return people;
  }

  /**
   * Note one of the user's own addresses, read from the site's account area (never from mail):
   * reported as the user's, so the worker learns it, and never reported as a person.
   */
  addSelf(raw: string | null | undefined): void {
    const address = this.#addressOf(raw);
    if (address) this.#selfAddresses.add(address);
  }

  /**
   * Note an address the page shows as the user's in a mail header (Gmail's `name="me"`, a
   * chosen sender): not a person on this page, but not learned as the user's own either.
   */
  addUserShownAs(raw: string | null | undefined): void {
    const address = this.#addressOf(raw);
    if (address) this.#userShownAs.add(address);
  }

  /** Note the user's display name, so that a name-only mention of them is not a person. */
  addSelfName(raw: string | null | undefined): void {
    const name = cleanName(raw)?.toLowerCase();
    if (name) this.#selfNames.add(name);
  }

  /** Was one of the user's own addresses added as a person (a calendar guest: the user takes part)? */
  showsSelf(): boolean {
    return this.#entries.some(({ person }) => this.#selfAddresses.has(person.email ?? ''));
  }

  /** The findings: people who are not the user, the user's addresses, and the thread if any. */
  findings(thread?: ThreadRef): PageFindings {
    const people = this.#entries
      .filter(({ person }) =>
        person.email ? !this.#selfAddresses.has(person.email) && !this.#userShownAs.has(person.email) : !this.#selfNames.has(person.name?.toLowerCase() ?? ''),
      )
      // In a thread, the sender of its newest message says so (the side panel marks them).
      .map((entry) => (thread && entry === this.#newest ? { ...entry.person, newest: true as const } : { ...entry.person }));
    const findings: PageFindings = { people, self: [...this.#selfAddresses] };
    if (thread) findings.thread = thread;
    return findings;
  }

  /**
   * The entry a sighting adds to: by address when it has one (or a name-only entry of the same
   * name, which it completes), by name when it has none. Two addresses never merge by name.
   */
  #knownAs(email: string | undefined, name: string | undefined): Entry | undefined {
    const byName = name ? this.#byName.get(name.toLowerCase()) : undefined;
    if (!email) return byName;
    return this.#byEmail.get(email) ?? (byName && !byName.person.email ? byName : undefined);
  }

  /**
   * The entry a raw address is known to belong to: one seen before in this scan, or a value
   * that is itself the normalised address of an entry (one from earlier findings) and that
   * normalising would not change. Undefined when not known yet.
   */
  #entryOfRaw(raw: string): Entry | undefined {
    let entry = this.#entryByRaw.get(raw);
    if (!entry) {
      entry = this.#byEmail.get(raw);
      if (!entry || !isAlreadyNormal(raw)) return undefined;
      this.#entryByRaw.set(raw, entry);
    }
    return entry;
  }

  /** The normalised address of a raw value, or undefined; each distinct value is normalised once. */
  #addressOf(raw: string | null | undefined): string | undefined {
    if (!raw) return undefined;
    let address = this.#addressByRaw.get(raw);
    if (address === undefined) {
      // An address already known (from earlier findings) that normalising would not change.
      const known = (this.#byEmail.has(raw) || this.#selfAddresses.has(raw)) && isAlreadyNormal(raw);
      address = known ? raw : (toAddress(raw) ?? '');
      this.#addressByRaw.set(raw, address);
    }
    return address || undefined;
  }

  /** cleanName, once per raw value. */
  #nameOf(raw: string | null | undefined): string | undefined {
    if (raw && !this.#nameByRaw.has(raw)) this.#nameByRaw.set(raw, cleanName(raw));
    return raw ? this.#nameByRaw.get(raw) : undefined;
  }

  /** A new entry, last in page order. */
  #addEntry(entry: Entry): Entry {
    this.#entries.push(entry);
    if (entry.person.email) this.#byEmail.set(entry.person.email, entry);
    this.#indexName(entry);
    return entry;
  }

  /** A sender read now wrote the newest message so far, unless the message is an older one or the user's own. */
  #noteSender(entry: Entry, role: MailRole | undefined): void {
    if (role === 'from' && this.readingNewer && !this.#selfAddresses.has(entry.person.email ?? '')) this.#newest = entry;
  }

  #indexName(entry: Entry): void {
    const nameKey = entry.person.name?.toLowerCase();
    // The first entry of a name keeps it: later namesakes with other addresses stay apart.
    if (nameKey && !this.#byName.has(nameKey)) this.#byName.set(nameKey, entry);
  }
}
