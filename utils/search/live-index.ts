/**
 * The search index of one open database, kept in memory by whoever searches (the service worker).
 * - It follows every commit: the commit path (utils/db/commit.ts) tells it which people and entries
 *   were written or deleted, with the records themselves, and the next search applies them.
 * - It is saved (utils/db/snapshots-repo.ts) with the number of the last change it includes. After a
 *   worker restart the first search loads that snapshot and replays only the changes logged since,
 *   instead of reading every record again; with no usable snapshot it is rebuilt from the stores.
 */
import { onCommit, type Change } from '../db/commit';
import type { TendDatabase } from '../db/schema';
import { latestChangeSeq } from '../db/changes-repo';
import { readAllRecords, readRecords } from '../db/records-repo';
import { loadSnapshotWithChanges, SnapshotSaver } from '../db/snapshot-replay';
import { noteDoc, personDoc } from './documents';
import { InvertedIndex } from './inverted-index';
import { snapshotFromPieces, snapshotPieces } from './snapshot-layout';
import { keptCurrent } from '../db/kept-current';

/** Records read per IndexedDB request while building: bounds memory and lets writes interleave. */
const BUILD_PAGE = 20_000;
/** Save the index again once 1,000 changes were applied since it was last saved, 2 s after it settles. */
const SAVE_RULE = { afterChanges: 1_000, delayMs: 2_000 };
const SNAPSHOT_NAME = 'search';

interface LiveIndex {
  index: InvertedIndex;
  built: boolean;
  /** The last logged change the index includes. */
  seq: number;
  /** Changes committed since they were last applied, in commit order. */
  pending: Change[];
  /** Records to re-read before the next search (ones a search found gone). */
  reread: { contacts: Set<string>; interactions: Set<string> };
  /** A store was emptied (delete everything): read them all again. */
  rebuildNeeded: boolean;
  saver: SnapshotSaver;
  stopListening: () => void;
  /** Maintenance in progress (load, build, changes); searches wait for it. */
  work?: Promise<void>;
}

const indexes = new WeakMap<TendDatabase, LiveIndex>();

/** Records to re-read before the next search. */
export interface ReindexRequest {
  contactIds?: Iterable<string>;
  interactionIds?: Iterable<string>;
}

/**
 * Re-read these records before the next search (a search that met a record gone from the store
 * asks this). Writes need not call it: the commit path tells the index what they changed.
 */
export function queueReindex(db: TendDatabase, change: ReindexRequest): void {
  const live = indexes.get(db);
  if (!live) return;
  for (const id of change.contactIds ?? []) live.reread.contacts.add(id);
  for (const id of change.interactionIds ?? []) live.reread.interactions.add(id);
}

/** Drop the in-memory index of a database, as a worker restart does; the next search loads it again. */
export function dropSearchIndex(db: TendDatabase): void {
  const live = indexes.get(db);
  if (!live) return;
  live.stopListening();
  live.saver.cancel();
  indexes.delete(db);
}

/** True when an index is held for this database (tests and diagnostics). */
export function hasSearchIndex(db: TendDatabase): boolean {
  return indexes.get(db)?.built === true;
}

/** How the last load went, for tests and the bench: from a snapshot plus N changes, or a full rebuild. */
export const lastLoad = { from: 'none' as 'none' | 'snapshot' | 'rebuild', replayed: 0 };

/** The current search index of a database: loaded or built if missing, committed changes applied. */
export async function searchIndexOf(db: TendDatabase): Promise<InvertedIndex> {
  let live = indexes.get(db);
  if (!live) {
    const fresh: LiveIndex = {
      index: new InvertedIndex(),
      built: false,
      seq: 0,
      pending: [],
      reread: { contacts: new Set(), interactions: new Set() },
      rebuildNeeded: false,
      saver: new SnapshotSaver(db, SNAPSHOT_NAME, SAVE_RULE),
      // Listening starts before anything is read, so no commit falls between the read and the log.
      stopListening: onCommit(db, ({ changes }) => {
        for (const change of changes) if (change.store === 'contacts' || change.store === 'interactions') fresh.pending.push(change);
      }),
    };
    live = fresh;
    indexes.set(db, live);
  }
  const current = await keptCurrent(
    live,
    (state) => state.built && !state.rebuildNeeded && state.pending.length === 0 && state.reread.contacts.size + state.reread.interactions.size === 0,
    (state) => maintain(db, state),
  );
  return current.index;
}

async function maintain(db: TendDatabase, live: LiveIndex): Promise<void> {
  if (!live.built) await load(db, live);
  applyPending(live);
  if (live.rebuildNeeded) {
    await rebuild(db, live);
    applyPending(live);
  }
  await reread(db, live);
  // Packing is a long task (issue 17): only once the changes since the last one are many, never per save.
  live.index.compactIfDue();
  scheduleSave(db, live);
}

/** The saved index and the changes logged after it; a rebuild when there is none or it cannot be used. */
async function load(db: TendDatabase, live: LiveIndex): Promise<void> {
  const saved = await loadSnapshotWithChanges(db, SNAPSHOT_NAME, ['contacts', 'interactions']);
  const index = saved && InvertedIndex.fromSnapshot(snapshotFromPieces(saved.data));
  if (!saved || !index) return rebuild(db, live);
  for (const [id, contact] of saved.contacts) contact ? index.add(personDoc(contact)) : index.remove('person', id);
  for (const [id, entry] of saved.interactions) entry ? index.add(noteDoc(entry)) : index.remove('note', id);
  live.index = index;
  live.seq = saved.seq;
  live.built = true;
  live.saver.reset(saved.logged, saved.pieces);
  Object.assign(lastLoad, { from: 'snapshot', replayed: saved.logged });
}

/** Read every person and entry into a fresh index, then swap it in. */
async function rebuild(db: TendDatabase, live: LiveIndex): Promise<void> {
  live.rebuildNeeded = false;
  // Changes heard from here on are applied after the swap; the ones before are in what is read.
  live.pending = [];
  const seq = await latestChangeSeq(db);
  const index = new InvertedIndex();
  for await (const contact of readAllRecords(db, 'contacts', BUILD_PAGE)) index.add(personDoc(contact));
  for await (const entry of readAllRecords(db, 'interactions', BUILD_PAGE)) index.add(noteDoc(entry));
  index.trim();
  live.index = index;
  live.seq = seq;
  live.built = true;
  live.saver.reset(-1);
  Object.assign(lastLoad, { from: 'rebuild', replayed: 0 });
}

/** Apply the committed changes heard since the last search, in order, from the records they carry. */
function applyPending(live: LiveIndex): void {
  const changes = live.pending;
  live.pending = [];
  for (const { store, op, key, value, seq } of changes) {
    if (op === 'clear') live.rebuildNeeded = true;
    else if (store === 'contacts') op === 'put' ? live.index.add(personDoc(value as never)) : live.index.remove('person', String(key));
    else if (store === 'interactions') op === 'put' ? live.index.add(noteDoc(value as never)) : live.index.remove('note', String(key));
    if (seq !== undefined) live.seq = Math.max(live.seq, seq);
  }
  live.saver.applied(changes.length);
}

/** Re-read the records a search asked about. */
async function reread(db: TendDatabase, live: LiveIndex): Promise<void> {
  const { contacts: contactIds, interactions: entryIds } = live.reread;
  if (contactIds.size + entryIds.size === 0) return;
  live.reread = { contacts: new Set(), interactions: new Set() };
  const { contacts, interactions } = await readRecords(db, [...contactIds], [...entryIds]);
  for (const [id, contact] of contacts) contact ? live.index.add(personDoc(contact)) : live.index.remove('person', id);
  for (const [id, entry] of interactions) entry ? live.index.add(noteDoc(entry)) : live.index.remove('note', id);
}

/** Save the index a little later when it was never saved or has drifted far from its snapshot. */
function scheduleSave(db: TendDatabase, live: LiveIndex): void {
  live.saver.schedule(() => (indexes.get(db) !== live || live.work || !live.built ? undefined : saveState(live)));
}

/** The index to save, in pieces (snapshot-layout.ts). */
const saveState = (live: LiveIndex) => ({ seq: live.seq, data: snapshotPieces(live.index.toSnapshot()) });

/** Save the index now (tests and the bench; the worker saves on its own a little after changes). */
export async function saveSearchIndexNow(db: TendDatabase): Promise<void> {
  await searchIndexOf(db);
  const live = indexes.get(db)!;
  await live.saver.saveNow(() => saveState(live));
}
