/**
 * The search bench's in-page half, bundled by search-bench.mjs and injected into a blank page of
 * headless Chromium on a disk-backed profile: writes the corpus into a real IndexedDB through Tend's own upgrade path,
 * then times Tend against MiniSearch (per-keystroke search) and against Dexie 4 (a person by
 * address plus their 50 newest entries) on the same data, alternating, in the same tab.
 */
import { Dexie } from 'dexie';
import MiniSearch from 'minisearch';
import { getContact } from '../utils/db/contacts-repo';
import { findContactIdByIdentity } from '../utils/db/identities-repo';
import { listTimeline } from '../utils/db/interactions-repo';
import { openTendDb } from '../utils/db/open';
import { readTx, writeTx, type TendDatabase } from '../utils/db/schema';
import type { Contact, Interaction } from '../utils/model/records';
import { entryText, personFields } from '../utils/search/documents';
import { NOTES_COUNT_CAP, type InvertedIndex } from '../utils/search/inverted-index';
import { dropSearchIndex, lastLoad, saveSearchIndexNow, searchIndexOf } from '../utils/search/live-index';
import { searchEverything } from '../utils/search/search';
import { queryTerms, termsOf } from '../utils/search/tokens';
import { median } from './median.mjs';
import { buildSearchCorpus, writeSearchCorpus, type SearchCorpus } from './search-corpus';

const DB = 'tend-search-bench';
/** Rounds over the keystrokes / addresses; every round alternates which side goes first. */
const ROUNDS = 7;
const LIMITS = { people: 8, notes: 20 };

/** A same-run comparison: medians per call and the median of per-call ratios. */
export interface SideBySide {
  subjectMs: number;
  baselineMs: number;
  ratio: number;
  samples: number;
  wrong?: string;
}

interface Prepared {
  corpus: SearchCorpus;
  db: TendDatabase;
  index: InvertedIndex;
  mini: MiniSearch;
  dexie: Dexie;
  /** Dexie with its default result cache, timed for the note only. */
  dexieCached: Dexie;
}
let prepared: Prepared | undefined;

/** MiniSearch over the same records and the same words (Tend's tokenizer), prefix AND search. */
function buildMiniSearch(contacts: Contact[], notes: Interaction[]): MiniSearch {
  const mini = new MiniSearch<{ id: string; name: string; identity: string; org: string; tag: string; text: string }>({
    fields: ['name', 'identity', 'org', 'tag', 'text'],
    tokenize: termsOf,
    processTerm: (term) => term,
    searchOptions: { prefix: true, combineWith: 'AND', boost: { name: 4, identity: 3, org: 2, tag: 2 } },
  });
  const byField = (contact: Contact, field: string) =>
    personFields(contact)
      .filter(([f]) => f === field)
      .map(([, text]) => text)
      .join('\n');
  mini.addAll(
    contacts.map((c) => ({
      id: `p:${c.id}`,
      name: byField(c, 'name'),
      identity: byField(c, 'identity'),
      org: byField(c, 'org'),
      tag: byField(c, 'tag'),
      text: byField(c, 'text'),
    })),
  );
  mini.addAll(notes.map((n) => ({ id: `n:${n.id}`, name: '', identity: '', org: '', tag: '', text: entryText(n) })));
  return mini;
}

/** Build everything once per tab: the database (`people` people, `notes` notes), Tend's index, MiniSearch's, a Dexie connection. */
async function searchSetup(people: number, notes: number) {
  const t0 = performance.now();
  const corpus = buildSearchCorpus(people, notes);
  await new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(DB);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
  const db = await openTendDb(DB);
  await writeSearchCorpus(db, corpus);
  const t1 = performance.now();
  dropSearchIndex(db);
  const index = await searchIndexOf(db);
  const t2 = performance.now();
  const mini = buildMiniSearch(corpus.contacts, corpus.notes);
  const t3 = performance.now();
  // Dexie's result cache is off: it only sees Dexie's own writes, and Tend writes through idb, so
  // a cached answer could be stale. Both sides then read IndexedDB on every call.
  const dexie = new Dexie(DB, { cache: 'disabled' });
  await dexie.open();
  const dexieCached = new Dexie(DB);
  await dexieCached.open();
  prepared = { corpus, db, index, mini, dexie, dexieCached };
  return {
    people: corpus.contacts.length,
    notes: corpus.notes.length,
    keystrokes: corpus.keystrokes.length,
    writeMs: t1 - t0,
    tendBuildMs: t2 - t1,
    miniBuildMs: t3 - t2,
  };
}

/** The same answer from both sides: the same number of people and notes (up to Tend's cap) match every keystroke. */
function disagreement(p: Prepared): string | undefined {
  for (const query of p.corpus.keystrokes) {
    const ours = p.index.search(queryTerms(query), LIMITS);
    const theirs = p.mini.search(query);
    const theirPeople = theirs.filter((r) => String(r.id).startsWith('p:')).length;
    // Tend counts notes up to a cap, and none for a one-letter query (issue 17).
    const theirNotes = ours.notesSearched ? Math.min(theirs.length - theirPeople, NOTES_COUNT_CAP) : 0;
    if (ours.peopleTotal !== theirPeople || ours.notesTotal !== theirNotes) {
      return `"${query}": Tend ${ours.peopleTotal} people / ${ours.notesTotal} notes, MiniSearch ${theirPeople} / ${theirNotes}`;
    }
  }
  return undefined;
}

/** Time one call in ms; a thenable is awaited (Dexie's promises are not native), a plain value is not. */
async function timed(run: () => unknown): Promise<number> {
  const start = performance.now();
  const result = run();
  if (typeof (result as PromiseLike<unknown> | undefined)?.then === 'function') await result;
  return performance.now() - start;
}

/** Alternate subject and baseline over the inputs for ROUNDS rounds; medians of per-call times and ratios. */
async function alternate<T>(inputs: T[], subject: (input: T) => unknown, baseline: (input: T) => unknown): Promise<SideBySide> {
  // Warm-up: one round of each, uncounted, so the JIT and IndexedDB caches settle.
  for (const input of inputs) {
    await timed(() => subject(input));
    await timed(() => baseline(input));
  }
  const subjectTimes: number[] = [];
  const baselineTimes: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const input of inputs) {
      // Who goes first flips every round, so neither side always runs on a warmer cache.
      let subjectMs: number;
      let baselineMs: number;
      if (round % 2 === 0) {
        subjectMs = await timed(() => subject(input));
        baselineMs = await timed(() => baseline(input));
      } else {
        baselineMs = await timed(() => baseline(input));
        subjectMs = await timed(() => subject(input));
      }
      subjectTimes.push(subjectMs);
      baselineTimes.push(baselineMs);
      ratios.push(subjectMs / Math.max(baselineMs, 0.005));
    }
  }
  return { subjectMs: median(subjectTimes), baselineMs: median(baselineTimes), ratio: median(ratios), samples: subjectTimes.length };
}

/** Per keystroke: Tend's index query against MiniSearch's search, same queries, same tab. */
async function searchKeystrokes(): Promise<SideBySide> {
  const p = prepared!;
  const wrong = disagreement(p);
  const timing = await alternate(
    p.corpus.keystrokes,
    (query) => p.index.search(queryTerms(query), LIMITS),
    (query) => p.mini.search(query).slice(0, LIMITS.people + LIMITS.notes),
  );
  return { ...timing, wrong };
}

/** Per keystroke, the whole answer the side panel gets: index query, records read back, highlights. */
async function searchEndToEnd(): Promise<{ medianMs: number; p95Ms: number; samples: number }> {
  const p = prepared!;
  const times: number[] = [];
  for (const query of p.corpus.keystrokes) await searchEverything(p.db, query, LIMITS);
  for (let round = 0; round < ROUNDS; round++) {
    for (const query of p.corpus.keystrokes) times.push(await timed(() => searchEverything(p.db, query, LIMITS)));
  }
  times.sort((x, y) => x - y);
  return { medianMs: median(times), p95Ms: times[Math.floor(times.length * 0.95)]!, samples: times.length };
}

/** Changes written between saving the index and the restart: a day's worth of edits to replay. */
const CHANGES_AFTER_SAVE = 200;

/**
 * The first search after a worker restart: the saved index loaded and the changes since replayed,
 * against a full rebuild from the stores (no snapshot), alternating, on the same database.
 */
async function restartLoad(): Promise<SideBySide & { replayed: number }> {
  const p = prepared!;
  const query = p.corpus.keystrokes.at(-1)!;
  const rebuild = async () => {
    await p.db.delete('snapshots', 'search');
    dropSearchIndex(p.db);
    await searchEverything(p.db, query, LIMITS);
    if (lastLoad.from !== 'rebuild') throw new Error('bench: expected a rebuild');
  };
  const reload = async () => {
    dropSearchIndex(p.db);
    await searchEverything(p.db, query, LIMITS);
    if (lastLoad.from !== 'snapshot') throw new Error('bench: expected the snapshot to be used');
  };
  const subject: number[] = [];
  const baseline: number[] = [];
  let replayed = 0;
  for (let round = 0; round < 3; round++) {
    baseline.push(await timed(rebuild));
    await saveSearchIndexNow(p.db);
    // Edits after the save, through the commit path as the worker writes them.
    const tx = writeTx(p.db, ['contacts']);
    for (const contact of p.corpus.contacts.slice(round * CHANGES_AFTER_SAVE, (round + 1) * CHANGES_AFTER_SAVE)) {
      void tx.objectStore('contacts').put({ ...contact, org: `Moved ${round}` });
    }
    await tx.done;
    subject.push(await timed(reload));
    replayed = lastLoad.replayed;
  }
  const subjectMs = median(subject);
  const baselineMs = median(baseline);
  return { subjectMs, baselineMs, ratio: subjectMs / baselineMs, samples: subject.length, replayed };
}

/** Tend's way: the identity index, the contact, the timeline's newest 50, in one transaction. */
async function tendContactWithTimeline(db: TendDatabase, address: string): Promise<{ contact?: Contact; entries: Interaction[] }> {
  const tx = readTx(db, ['identities', 'contacts', 'timeline', 'interactions']);
  const contactId = await findContactIdByIdentity(tx, { kind: 'email', value: address });
  if (!contactId) return { entries: [] };
  const [contact, entries] = await Promise.all([getContact(tx, contactId), listTimeline(tx, contactId, 50)]);
  return { contact, entries };
}

/**
 * Not Tend's code: what the same lookup costs when the newest 50 links come from one
 * `getAll({query, count, direction: 'prev'})` (IndexedDB 3, Chrome 141+, what Dexie 4 uses)
 * instead of a cursor walk. Measured for the note, as a suggestion for listTimeline.
 */
async function idb3ContactWithTimeline(db: TendDatabase, address: string): Promise<{ contact?: Contact; entries: Interaction[] }> {
  const tx = readTx(db, ['identities', 'contacts', 'timeline', 'interactions']);
  const contactId = await findContactIdByIdentity(tx, { kind: 'email', value: address });
  if (!contactId) return { entries: [] };
  const range = IDBKeyRange.bound([contactId, -Infinity, ''], [contactId, Infinity, '\uffff']);
  const timeline = tx.objectStore('timeline') as unknown as { getAll(options: object): Promise<{ interactionId: string }[]> };
  const [contact, links] = await Promise.all([getContact(tx, contactId), timeline.getAll({ query: range, count: 50, direction: 'prev' })]);
  const entries = await Promise.all(links.map((link) => tx.objectStore('interactions').get(link.interactionId)));
  return { contact, entries: entries.filter((entry): entry is Interaction => entry !== undefined) };
}

/** The same with Dexie 4 on the same database. */
function dexieContactWithTimeline(dexie: Dexie, address: string): Promise<{ contact?: Contact; entries: Interaction[] }> {
  return dexie.transaction('r', ['identities', 'contacts', 'timeline', 'interactions'], async () => {
    const row = await dexie.table('identities').get(`email:${address}`);
    if (!row) return { entries: [] };
    const contactId = row.contactId as string;
    const [contact, links] = await Promise.all([
      dexie.table('contacts').get(contactId) as Promise<Contact | undefined>,
      dexie
        .table('timeline')
        .where(':id')
        .between([contactId, Dexie.minKey, Dexie.minKey], [contactId, Dexie.maxKey, Dexie.maxKey])
        .reverse()
        .limit(50)
        .toArray(),
    ]);
    const entries = (await dexie.table('interactions').bulkGet(links.map((link: { interactionId: string }) => link.interactionId))) as Interaction[];
    return { contact, entries: entries.filter(Boolean) };
  });
}

/** A person by address plus their 50 newest entries: Tend's repos against Dexie 4. */
async function timelineLookups(): Promise<SideBySide & { dexieCachedMs: number; idb3Ms: number; idb3Ratio: number }> {
  const p = prepared!;
  let wrong: string | undefined;
  for (const address of p.corpus.lookupAddresses) {
    const [ours, theirs] = [await tendContactWithTimeline(p.db, address), await dexieContactWithTimeline(p.dexie, address)];
    if (!ours.contact || ours.contact.id !== theirs.contact?.id) wrong ??= `${address}: contact differs`;
    if (ours.entries.map((e) => e.id).join() !== theirs.entries.map((e) => e.id).join()) wrong ??= `${address}: entries differ`;
  }
  const timing = await alternate(
    p.corpus.lookupAddresses,
    (address) => tendContactWithTimeline(p.db, address),
    (address) => dexieContactWithTimeline(p.dexie, address),
  );
  const idb3 = await alternate(
    p.corpus.lookupAddresses,
    (address) => idb3ContactWithTimeline(p.db, address),
    (address) => dexieContactWithTimeline(p.dexie, address),
  );
  const cached = await alternate(
    p.corpus.lookupAddresses,
    (address) => tendContactWithTimeline(p.db, address),
    (address) => dexieContactWithTimeline(p.dexieCached, address),
  );
  return { ...timing, wrong, dexieCachedMs: cached.baselineMs, idb3Ms: idb3.subjectMs, idb3Ratio: idb3.ratio };
}

const scenarios = { searchSetup, searchKeystrokes, searchEndToEnd, timelineLookups, restartLoad };
(globalThis as unknown as { tendSearchBench: typeof scenarios }).tendSearchBench = scenarios;
/** Shape of the global the search bench injects, for search-bench.mjs's JSDoc. */
export type SearchBenchScenarios = typeof scenarios;
