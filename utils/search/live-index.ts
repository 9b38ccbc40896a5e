/**
 * The search index of one open database, kept in memory by whoever searches (the service
 * worker). It is built lazily from IndexedDB on the first search (again after the worker was
 * stopped), and kept current two ways:
 * - the services that write call `queueReindex` with the people and entries they touched, and
 *   the next search re-reads exactly those records first;
 * - writers outside the worker (the options page's imports, restore, delete everything) are
 *   caught by a cheap check at the start of each burst of searches (record counts and the
 *   newest contact edit), and the index is then rebuilt.
 */
import type { TendDatabase } from '../db/schema';
import { noteDoc, personDoc } from './documents';
import { InvertedIndex } from './inverted-index';

/** Searches closer together than this are one burst (typing): no outside-change check between them. */
export const FRESHNESS_CHECK_MS = 2000;
/** Records read per IndexedDB request while building: bounds memory and lets writes interleave. */
const BUILD_PAGE = 20_000;

interface LiveIndex {
  index: InvertedIndex;
  built: boolean;
  /** Newest contact `updatedAt` the index has read: a newer one means someone else wrote. */
  newestEdit: number;
  dirtyContacts: Set<string>;
  dirtyEntries: Set<string>;
  /** When the outside-change check last ran (ms, Date.now()). */
  checkedAt: number;
  /** Maintenance in progress (build, re-reads, check); searches wait for it. */
  work?: Promise<void>;
}

const indexes = new WeakMap<TendDatabase, LiveIndex>();

/** Records a service changed: their search entries are re-read before the next search. */
export interface ReindexRequest {
  /** People whose fields changed, or who gained timeline entries the caller does not name. */
  contactIds?: Iterable<string>;
  /** Timeline entries added, edited or deleted. */
  interactionIds?: Iterable<string>;
}

/**
 * Tell the search index these records changed (call after the write committed). Cheap and
 * synchronous: with no index built yet there is nothing to keep current.
 */
export function queueReindex(db: TendDatabase, change: ReindexRequest): void {
  const live = indexes.get(db);
  if (!live) return;
  for (const id of change.contactIds ?? []) live.dirtyContacts.add(id);
  for (const id of change.interactionIds ?? []) live.dirtyEntries.add(id);
}

/** Drop the index of a database (as a worker restart does); the next search rebuilds it. */
export function dropSearchIndex(db: TendDatabase): void {
  indexes.delete(db);
}

/** True when an index is held for this database (tests and diagnostics). */
export function hasSearchIndex(db: TendDatabase): boolean {
  return indexes.get(db)?.built === true;
}

/** The current search index of a database: built if missing, pending changes applied. */
export async function searchIndexOf(db: TendDatabase, now = Date.now()): Promise<InvertedIndex> {
  let live = indexes.get(db);
  if (!live) {
    live = { index: new InvertedIndex(), built: false, newestEdit: 0, dirtyContacts: new Set(), dirtyEntries: new Set(), checkedAt: now };
    indexes.set(db, live);
  }
  for (;;) {
    if (live.work) {
      await live.work;
      continue;
    }
    const checkDue = now - live.checkedAt >= FRESHNESS_CHECK_MS;
    if (live.built && !checkDue && live.dirtyContacts.size === 0 && live.dirtyEntries.size === 0) return live.index;
    const state = live;
    state.work = maintain(db, state, checkDue, now).finally(() => (state.work = undefined));
  }
}

/** Build if needed, re-read changed records, and rebuild when someone outside changed the data. */
async function maintain(db: TendDatabase, live: LiveIndex, checkDue: boolean, now: number): Promise<void> {
  if (!live.built) {
    await rebuild(db, live);
    live.checkedAt = now;
  }
  await applyChanges(db, live);
  if (checkDue) {
    live.checkedAt = now;
    if (await changedElsewhere(db, live)) {
      await rebuild(db, live);
      await applyChanges(db, live);
    }
  }
}

/** Read every person and entry into a fresh index, then swap it in. */
async function rebuild(db: TendDatabase, live: LiveIndex): Promise<void> {
  const index = new InvertedIndex();
  let newestEdit = 0;
  for await (const contact of readAll(db, 'contacts')) {
    index.add(personDoc(contact));
    newestEdit = Math.max(newestEdit, contact.updatedAt);
  }
  for await (const entry of readAll(db, 'interactions')) index.add(noteDoc(entry));
  live.index = index;
  live.newestEdit = newestEdit;
  live.built = true;
}

/** Every record of a store, a page per request, in key order. */
async function* readAll<S extends 'contacts' | 'interactions'>(db: TendDatabase, store: S) {
  let after: string | undefined;
  for (;;) {
    const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
    const page = await db.getAll(store, range, BUILD_PAGE);
    yield* page;
    if (page.length < BUILD_PAGE) return;
    after = page.at(-1)!.id;
  }
}

/** Re-read the records services reported, and the timeline entries of reported people the index lacks. */
async function applyChanges(db: TendDatabase, live: LiveIndex): Promise<void> {
  while (live.dirtyContacts.size > 0 || live.dirtyEntries.size > 0) {
    const contactIds = [...live.dirtyContacts];
    const entryIds = new Set(live.dirtyEntries);
    live.dirtyContacts.clear();
    live.dirtyEntries.clear();
    const tx = db.transaction(['contacts', 'timeline', 'interactions'], 'readonly');
    const contacts = await Promise.all(contactIds.map((id) => tx.objectStore('contacts').get(id)));
    const timelines = await Promise.all(
      contactIds.map((id) => tx.objectStore('timeline').getAllKeys(IDBKeyRange.bound([id, -Infinity, ''], [id, Infinity, '\uffff']))),
    );
    contacts.forEach((contact, i) => {
      if (!contact) return live.index.remove('person', contactIds[i]!);
      live.index.add(personDoc(contact));
      live.newestEdit = Math.max(live.newestEdit, contact.updatedAt);
    });
    for (const keys of timelines) for (const [, , entryId] of keys) if (!live.index.has('note', entryId)) entryIds.add(entryId);
    const ids = [...entryIds];
    const entries = await Promise.all(ids.map((id) => tx.objectStore('interactions').get(id)));
    entries.forEach((entry, i) => (entry ? live.index.add(noteDoc(entry)) : live.index.remove('note', ids[i]!)));
  }
}

/** True when the stores hold records the index did not see written (another page wrote them). */
async function changedElsewhere(db: TendDatabase, live: LiveIndex): Promise<boolean> {
  const tx = db.transaction(['contacts', 'interactions'], 'readonly');
  const [people, entries, newest] = await Promise.all([
    tx.objectStore('contacts').count(),
    tx.objectStore('interactions').count(),
    tx.objectStore('contacts').index('by-updated').openKeyCursor(null, 'prev'),
  ]);
  const newestEdit = typeof newest?.key === 'number' ? newest.key : 0;
  return people !== live.index.count('person') || entries !== live.index.count('note') || newestEdit > live.newestEdit;
}
