/**
 * Issue 17's save while typing: the search index is saved in pieces, each in a transaction of its
 * own, with its own record naming them written last. A restart after a save stopped part-way
 * loads the previous complete save (never a mix of two); the packed lists, unchanged until the
 * index packs again, are not written again.
 */
import { afterEach, expect, test, vi } from 'vitest';
import { logInteraction } from '../../utils/services/capture/log';
import { recordSighting } from '../../utils/services/sightings/sightings';
import { dropSearchIndex, lastLoad, saveSearchIndexNow } from '../../utils/search/live-index';
import { searchEverything } from '../../utils/search/search';
import { loadWithPieces, savePieces, SnapshotPieces } from '../../utils/db/snapshot-pieces';
import { ADA, CHARLES, freshDb, rulesWith, threadSighting } from './helpers';

type Db = Awaited<ReturnType<typeof freshDb>>;
const LIMITS = { people: 8, notes: 20 };
const notes = async (db: Db, query: string) => (await searchEverything(db, query, LIMITS)).notes.map((hit) => hit.excerpt.text);
const note = (contactIds: string[], text: string) => ({ contactIds, kind: 'note' as const, text, requestId: crypto.randomUUID() });

async function indexedPeople() {
  const db = await freshDb();
  const { people } = await recordSighting(db, threadSighting('t1', 'Launch window', [ADA, CHARLES]), rulesWith(), 1_000);
  const ada = people[0]!.contactId!;
  await logInteraction(db, note([ada], 'Alpha centauri'), 2_000);
  expect(await notes(db, 'alpha')).toEqual(['Alpha centauri']);
  return { db, ada };
}

/** The piece records of the search index, by piece, as its own record names them. */
async function pieceRecords(db: Db): Promise<Record<string, string>> {
  const saved = await db.get('snapshots', 'search');
  return (saved!.data as { pieceRecords: Record<string, string> }).pieceRecords;
}

const storedPieces = async (db: Db) => (await db.getAllKeys('snapshots', IDBKeyRange.bound('search/', 'search/\uffff'))).sort();

afterEach(() => vi.restoreAllMocks());

test('each piece is its own transaction; the packed lists are named again, not written again, until the index packs', async () => {
  const { db, ada } = await indexedPeople();
  await saveSearchIndexNow(db);
  const first = await pieceRecords(db);
  expect(Object.keys(first)).toEqual(['lists', 'ids', 'docs', 'rest']);
  await logInteraction(db, note([ada], 'Beta pictoris'), 3_000);
  const transaction = vi.spyOn(IDBDatabase.prototype, 'transaction');
  await saveSearchIndexNow(db);
  const writes = transaction.mock.calls.filter(([, mode]) => mode === 'readwrite');
  // ids, docs and rest, then the index's own record (with the removal of the pieces it replaced).
  expect(writes).toHaveLength(4);
  const second = await pieceRecords(db);
  expect(second.lists).toBe(first.lists);
  for (const piece of ['ids', 'docs', 'rest']) expect(second[piece]).not.toBe(first[piece]);
  expect(await storedPieces(db)).toEqual(Object.values(second).sort());
  dropSearchIndex(db);
  expect(await notes(db, 'pictoris')).toEqual(['Beta pictoris']);
  expect(lastLoad).toEqual({ from: 'snapshot', replayed: 0 });
});

test('a save stopped part-way leaves the previous save whole: a restart loads it and replays the changes since', async () => {
  const { db, ada } = await indexedPeople();
  await saveSearchIndexNow(db);
  const complete = await pieceRecords(db);
  await logInteraction(db, note([ada], 'Beta pictoris'), 3_000);
  const put = IDBObjectStore.prototype.put;
  // The disk fills (or the worker stops) after the id table's piece is written: the per-record arrays' piece never is.
  vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
    if (String((value as { name?: unknown }).name).startsWith('search/docs/')) throw new DOMException('full', 'QuotaExceededError');
    return put.call(this, value, key);
  });
  await expect(saveSearchIndexNow(db)).rejects.toThrow('full');
  vi.restoreAllMocks();
  const stored = await storedPieces(db);
  dropSearchIndex(db);
  expect(await notes(db, 'pictoris')).toEqual(['Beta pictoris']);
  expect(await notes(db, 'alpha')).toEqual(['Alpha centauri']);
  expect(lastLoad.from).toBe('snapshot');
  expect(lastLoad.replayed).toBeGreaterThan(0);
  expect(await pieceRecords(db)).toEqual(complete);
  // The id table of the stopped save is stored, but named by nothing.
  expect(stored.length).toBe(Object.keys(complete).length + 1);
  // The next complete save removes what the stopped one left.
  await saveSearchIndexNow(db);
  expect(await storedPieces(db)).toEqual(Object.values(await pieceRecords(db)).sort());
});

test('a piece named again but gone from the store (cleared since) is written anew; a missing piece makes the load fail, not half-load', async () => {
  const db = await freshDb();
  const lists = { postings: Int32Array.of(1, 2, 3) };
  const first = await savePieces(db, 'state', 1, new SnapshotPieces({ lists, rest: 'one' }));
  const second = await savePieces(db, 'state', 2, new SnapshotPieces({ lists, rest: 'two' }), first);
  expect(second.get('lists')!.record).toBe(first.get('lists')!.record);
  // What was saved is held weakly, or not at all: a save's copies are not kept alive by the saver.
  expect(Object.values(second.get('lists')!)).toEqual([expect.any(String), expect.any(WeakRef)]);
  expect(Object.values(second.get('rest')!)).toEqual([expect.any(String)]);
  await db.delete('snapshots', first.get('lists')!.record);
  const third = await savePieces(db, 'state', 3, new SnapshotPieces({ lists, rest: 'three' }), second);
  expect(third.get('lists')!.record).not.toBe(first.get('lists')!.record);
  expect((await loadWithPieces(db, 'state'))?.data).toEqual({ lists, rest: 'three' });
  await db.delete('snapshots', third.get('rest')!.record);
  expect(await loadWithPieces(db, 'state')).toBeUndefined();
});
