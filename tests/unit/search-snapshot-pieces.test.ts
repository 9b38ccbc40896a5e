/**
 * Issue 17's save while typing: the search index is saved in pieces, each in a transaction of its
 * own, with its own record naming them written last. A restart after a save stopped part-way
 * loads the previous complete save (never a mix of two); what did not change since the last save
 * (the packed lists until the index packs again, the cuts of ids and recencies no new doc fell in)
 * is named again, not written again, and no piece is over a megabyte.
 */
import { afterEach, expect, test, vi } from 'vitest';
import { logInteraction } from '../../utils/services/capture/log';
import { recordSighting } from '../../utils/services/sightings/sightings';
import { dropSearchIndex, lastLoad, saveSearchIndexNow } from '../../utils/search/live-index';
import { searchEverything } from '../../utils/search/search';
import { loadWithPieces, savePieces, SnapshotPieces, type SavedPieces } from '../../utils/db/snapshot-pieces';
import { SnapshotSaver } from '../../utils/db/snapshot-replay';
import { InvertedIndex } from '../../utils/search/inverted-index';
import { snapshotFromPieces, snapshotPieces } from '../../utils/search/snapshot-layout';
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

test('each piece is its own transaction; after a change only the pieces it touched are written, the packed lists named again', async () => {
  const { db, ada } = await indexedPeople();
  await saveSearchIndexNow(db);
  const first = await pieceRecords(db);
  expect(Object.keys(first)).toEqual([
    'lists/0',
    'lists-offsets/0',
    'lists-counts/0',
    'lists-lastDocs/0',
    'ids/0',
    'recency/0',
    'words/0',
    'kinds/0',
    'sorted',
    'rest',
  ]);
  await logInteraction(db, note([ada], 'Beta pictoris'), 3_000);
  const transaction = vi.spyOn(IDBDatabase.prototype, 'transaction');
  await saveSearchIndexNow(db);
  const writes = transaction.mock.calls.filter(([, mode]) => mode === 'readwrite');
  // The cuts of ids, recencies and words the new doc and words fell in, the kinds, the tails (its postings), the sorted words and the rest, then the index's own record.
  expect(writes).toHaveLength(8);
  const second = await pieceRecords(db);
  for (const piece of ['lists/0', 'lists-offsets/0', 'lists-counts/0', 'lists-lastDocs/0']) expect(second[piece]).toBe(first[piece]);
  for (const piece of ['ids/0', 'recency/0', 'words/0', 'kinds/0', 'sorted', 'rest']) expect(second[piece]).not.toBe(first[piece]);
  expect(second['tails/0']).toBeDefined();
  expect(await storedPieces(db)).toEqual(Object.values(second).sort());
  dropSearchIndex(db);
  expect(await notes(db, 'pictoris')).toEqual(['Beta pictoris']);
  expect(lastLoad).toEqual({ from: 'snapshot', replayed: 0 });
  // After the restart the loaded index names the pieces it was loaded from: saved again, the packed lists stay as they were.
  await logInteraction(db, note([ada], 'Gamma cassiopeiae'), 4_000);
  await saveSearchIndexNow(db);
  const third = await pieceRecords(db);
  for (const piece of ['lists/0', 'lists-offsets/0', 'lists-counts/0', 'lists-lastDocs/0']) expect(third[piece]).toBe(first[piece]);
  expect(third['tails/0']).not.toBe(second['tails/0']);
  dropSearchIndex(db);
  expect([await notes(db, 'gamma'), await notes(db, 'pictoris'), await notes(db, 'alpha')]).toEqual([
    ['Gamma cassiopeiae'],
    ['Beta pictoris'],
    ['Alpha centauri'],
  ]);
  expect(lastLoad).toEqual({ from: 'snapshot', replayed: 0 });
});

/** An index of `count` notes with UUIDs, the n-th at time n. */
function notesIndex(count: number, from = 0) {
  const index = new InvertedIndex();
  const ids: string[] = [];
  addNotes(index, ids, count, from);
  return { index, ids };
}

function addNotes(index: InvertedIndex, ids: string[], count: number, from: number) {
  for (let n = from; n < from + count; n++) {
    ids.push(crypto.randomUUID());
    index.add({ kind: 'note', id: ids.at(-1)!, recency: n, fields: [['text', `orbit${n % 3} launch ${n % 997}`]] });
  }
}

test('ids and recencies are cut by doc number, tails by entry: a save writes the cuts that grew, and every cut again once the index packs', async () => {
  const db = await freshDb();
  const cuts = { docs: 4, listBytes: 16, tailEntries: 4, words: 2 };
  const { index, ids } = notesIndex(10);
  index.trim();
  const save = (previous?: SavedPieces) => savePieces(db, 'state', 1, snapshotPieces(index.toSnapshot(), cuts), previous);
  const written = (before: SavedPieces, after: SavedPieces) => [...after].filter(([key, { record }]) => before.get(key)?.record !== record).map(([key]) => key);
  const first = (await save())!;
  expect([...first.keys()].filter((key) => key.startsWith('ids/'))).toEqual(['ids/0', 'ids/1', 'ids/2']);
  expect([...first.keys()].filter((key) => key.startsWith('lists/')).length).toBeGreaterThan(1);
  // One note more: it is doc 10, in the third cut (docs 8 to 11); its three postings are the tails' first.
  addNotes(index, ids, 1, 10);
  const second = (await save(first))!;
  expect(written(first, second)).toEqual(['ids/2', 'recency/2', 'words/7', 'kinds/0', 'tails/0', 'sorted', 'rest']);
  // A note removed (the kinds say so) and two more: docs 11 and 12 (third and fourth cuts), postings 4 to 9 of the tails.
  index.remove('note', ids[0]!);
  addNotes(index, ids, 2, 11);
  const third = (await save(second))!;
  expect(written(second, third)).toEqual([
    'ids/2',
    'ids/3',
    'recency/2',
    'recency/3',
    'words/7',
    'words/8',
    'kinds/0',
    'tails/0',
    'tails/1',
    'tails/2',
    'sorted',
    'rest',
  ]);
  const loaded = InvertedIndex.fromSnapshot(snapshotFromPieces((await loadWithPieces(db, 'state'))!.data))!;
  const query = (of: InvertedIndex) => of.search(['launch'], { people: 0, notes: 20 });
  expect(query(loaded)).toEqual(query(index));
  expect(query(loaded).notes.map((hit) => hit.id)).toEqual(ids.slice(1).reverse());
  expect(loaded.has('note', ids[0]!)).toBe(false);
  // A note older than the others: the tails it joined are put back in recency order in place, so every cut of the tails is written again.
  ids.push(crypto.randomUUID());
  index.add({ kind: 'note', id: ids.at(-1)!, recency: 0.5, fields: [['text', 'orbit1 launch']] });
  const fourth = (await save(third))!;
  expect(written(third, fourth)).toEqual(['ids/3', 'recency/3', 'kinds/0', 'tails/0', 'tails/1', 'tails/2', 'sorted', 'rest']);
  expect(query(InvertedIndex.fromSnapshot(snapshotFromPieces((await loadWithPieces(db, 'state'))!.data))!)).toEqual(query(index));
  // Packing numbers the docs anew: every piece is written.
  index.trim();
  const fifth = (await save(fourth))!;
  expect(written(fourth, fifth)).toEqual([...fifth.keys()]);
  expect(query(InvertedIndex.fromSnapshot(snapshotFromPieces((await loadWithPieces(db, 'state'))!.data))!)).toEqual(query(index));
});

test("at a heavy user's scale a save after a thousand notes writes about a megabyte or two, never one piece over a megabyte", async () => {
  const db = await freshDb();
  const { index, ids } = notesIndex(70_000);
  index.trim();
  const first = (await savePieces(db, 'state', 1, snapshotPieces(index.toSnapshot())))!;
  const put = vi.spyOn(IDBObjectStore.prototype, 'put');
  addNotes(index, ids, 1_000, 70_000);
  await savePieces(db, 'state', 2, snapshotPieces(index.toSnapshot()), first);
  const sizes = put.mock.calls.map(([record]) => ({ name: (record as { name: string }).name, bytes: byteSize((record as { data: unknown }).data) }));
  expect(sizes.map(({ name }) => name.split('/').slice(1, -1).join('/'))).toEqual(['ids/1', 'recency/1', 'kinds/0', 'tails/0', 'sorted', 'rest', '']);
  for (const { bytes } of sizes) expect(bytes).toBeLessThanOrEqual(1 << 20);
  const all = byteSize(Object.fromEntries(Object.entries(snapshotPieces(index.toSnapshot()).pieces).map(([key, piece]) => [key, piece.value()])));
  const total = sizes.reduce((sum, { bytes }) => sum + bytes, 0);
  expect(total).toBeLessThan(all / 4);
});

/** The bytes of the typed arrays and strings in a value (what its clone mostly costs). */
function byteSize(value: unknown): number {
  if (ArrayBuffer.isView(value)) return value.byteLength;
  if (typeof value === 'string') return value.length * 2;
  if (typeof value === 'object' && value !== null) return Object.values(value).reduce((sum: number, part) => sum + byteSize(part), 0);
  return 8;
}

test('a save stopped part-way leaves the previous save whole: a restart loads it and replays the changes since', async () => {
  const { db, ada } = await indexedPeople();
  await saveSearchIndexNow(db);
  const complete = await pieceRecords(db);
  await logInteraction(db, note([ada], 'Beta pictoris'), 3_000);
  const put = IDBObjectStore.prototype.put;
  // The disk fills (or the worker stops) after the ids' piece is written: the kinds' piece never is.
  vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
    if (String((value as { name?: unknown }).name).startsWith('search/kinds/')) throw new DOMException('full', 'QuotaExceededError');
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
  // The cuts of ids, recencies and words the stopped save wrote are stored, but named by nothing.
  expect(stored.length).toBe(Object.keys(complete).length + 3);
  // The next complete save removes what the stopped one left.
  await saveSearchIndexNow(db);
  expect(await storedPieces(db)).toEqual(Object.values(await pieceRecords(db)).sort());
});

test('a piece named again but gone from the store (cleared since) fails the save, and the saver saves every piece anew; a missing piece makes the load fail, not half-load', async () => {
  const db = await freshDb();
  const pieces = (rest: string) =>
    new SnapshotPieces({ lists: { version: 'v1', value: () => ({ postings: Int32Array.of(1, 2, 3) }) }, rest: { value: () => rest } });
  const first = (await savePieces(db, 'state', 1, pieces('one')))!;
  const second = (await savePieces(db, 'state', 2, pieces('two'), first))!;
  expect(second.get('lists')).toEqual(first.get('lists'));
  expect(second.get('rest')).not.toEqual(first.get('rest'));
  await db.delete('snapshots', first.get('lists')!.record);
  expect(await savePieces(db, 'state', 3, pieces('three'), second)).toBeUndefined();
  // The saver, told so, saves again writing every piece.
  const saver = new SnapshotSaver(db, 'state', { afterChanges: 1, delayMs: 0 });
  saver.reset(0, second);
  await saver.saveNow(() => ({ seq: 3, data: pieces('three') }));
  expect((await loadWithPieces(db, 'state'))?.data).toEqual({ lists: { postings: Int32Array.of(1, 2, 3) }, rest: 'three' });
  const third = (await loadWithPieces(db, 'state'))!.pieces!;
  expect(third.get('lists')!.record).not.toBe(first.get('lists')!.record);
  expect(third.get('lists')!.version).toBe('v1');
  await db.delete('snapshots', third.get('rest')!.record);
  expect(await loadWithPieces(db, 'state')).toBeUndefined();
});

/** Every piece of an index's snapshot as a load gives them (each value cloned). */
const allPieces = (index: InvertedIndex, cuts = { docs: 4, listBytes: 16, tailEntries: 4, words: 2 }) =>
  structuredClone(Object.fromEntries(Object.entries(snapshotPieces(index.toSnapshot(), cuts).pieces).map(([key, piece]) => [key, piece.value()])));

test('pieces that do not hold together are refused, never half-read nor allocated for: the index is rebuilt', () => {
  const { index } = notesIndex(10);
  index.trim();
  addNotes(index, [], 3, 10);
  const pieces = allPieces(index);
  const query = (of: InvertedIndex | undefined) => of?.search(['launch'], { people: 0, notes: 20 }).notes.map((hit) => hit.id);
  expect(query(InvertedIndex.fromSnapshot(snapshotFromPieces(pieces)))).toEqual(query(index));
  const rest = pieces['rest'] as { sizes: Record<string, number> };
  const broken: Record<string, unknown>[] = [
    { ...pieces, 'ids/1': undefined },
    { ...pieces, 'recency/0': new Float32Array(4) },
    { ...pieces, 'recency/3': new Float64Array(2) },
    { ...pieces, 'tails/0': { lists: new Int32Array(4) } },
    { ...pieces, 'words/0': 7 },
    // A cut past the last the sizes say.
    { ...pieces, [`lists-offsets/${Object.keys(pieces).filter((key) => key.startsWith('lists-offsets/')).length}`]: new Int32Array(1) },
    { ...pieces, rest: null },
    { ...pieces, rest: 'rest' },
    // Sizes no piece has: refused before anything of that size is made.
    { ...pieces, rest: { ...rest, sizes: { ...rest.sizes, docs: 1e12 } } },
    { ...pieces, rest: { ...rest, sizes: { ...rest.sizes, tailEntries: -1 } } },
    { ...pieces, rest: { ...rest, cuts: { docs: 0, listBytes: 16, tailEntries: 4, words: 2 } } },
  ];
  broken.forEach((data, i) => expect([i, snapshotFromPieces(data)]).toEqual([i, undefined]));
  expect(snapshotFromPieces(null)).toBeUndefined();
  // Put together, but naming what is not there: a sorted word, a tail's doc or a packed list's last doc past the end.
  const whole = snapshotFromPieces(pieces) as ReturnType<InvertedIndex['toSnapshot']>;
  const { lists, tails, sortedIds } = whole;
  expect(InvertedIndex.fromSnapshot({ ...whole, sortedIds: Int32Array.from([...sortedIds, sortedIds.length + 99]) })).toBeUndefined();
  expect(InvertedIndex.fromSnapshot({ ...whole, tails: { ...tails, postings: tails.postings.map(() => 99 << 5) } })).toBeUndefined();
  expect(InvertedIndex.fromSnapshot({ ...whole, lists: { ...lists, lastDocs: lists.lastDocs.map(() => 13) } })).toBeUndefined();
});

test('a stored manifest of another shape is refused: the live index rebuilds and answers', async () => {
  const { db } = await indexedPeople();
  await saveSearchIndexNow(db);
  const saved = (await db.get('snapshots', 'search'))!;
  for (const data of [{ ...(saved.data as object), pieceVersions: null }, { ...(saved.data as object), pieceRecords: { rest: 7 } }, { pieceRecords: null }]) {
    await db.put('snapshots', { ...saved, data });
    expect(await loadWithPieces(db, 'search')).toBeUndefined();
    dropSearchIndex(db);
    expect(await notes(db, 'alpha')).toEqual(['Alpha centauri']);
    expect(lastLoad.from).toBe('rebuild');
  }
});

test('a scheduled save waits behind the one in progress, and more changes meanwhile do not queue another', async () => {
  const db = await freshDb();
  const saver = new SnapshotSaver(db, 'state', { afterChanges: 1, delayMs: 0 });
  // A save of 500 pieces, a transaction each: still running while the rounds below schedule.
  const many = new SnapshotPieces(Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`piece/${i}`, { value: () => i }])));
  const running = saver.saveNow(() => ({ seq: 1, data: many }));
  const asked: number[] = [];
  const current = () => {
    asked.push(asked.length);
    return { seq: 2, data: new SnapshotPieces({ rest: { value: () => 'later' } }) };
  };
  for (let round = 0; round < 3; round++) {
    saver.applied(5);
    saver.schedule(current);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  // Nothing was asked yet: the first save still runs, and the scheduled one waits behind it.
  expect(asked).toEqual([]);
  await running;
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(asked).toEqual([0]);
  expect((await loadWithPieces(db, 'state'))?.data).toEqual({ rest: 'later' });
});
