/**
 * A person's card reads their newest entries (issue 17's "person + 50 newest entries" row): one
 * request for the newest links where IndexedDB 3 is there, as Dexie 4 reads them, not a cursor
 * walk that costs a round trip per link on disk; the same pages either way.
 */
import { afterEach, expect, test, vi } from 'vitest';
import { addInteraction, listTimeline } from '../../utils/db/interactions-repo';
import { readTx, writeTx } from '../../utils/db/schema';
import type { Interaction } from '../../utils/model/records';
import { freshDb } from './helpers';

const ADA = '00000000-0000-7000-8000-00000000000a';
const GRACE = '00000000-0000-7000-8000-00000000000b';
const entryId = (n: number) => `00000000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;

/** Ada's 120 notes at times 1..120 (ids in another order than times), and a few of Grace's around them. */
async function seeded() {
  const db = await freshDb();
  const tx = writeTx(db, ['interactions', 'timeline']);
  const entry = (n: number, contactIds: string[], at: number): Interaction => ({
    id: entryId(n),
    contactIds,
    kind: 'note',
    at,
    summary: `note ${at}`,
    createdAt: at,
  });
  for (let at = 1; at <= 120; at++) void addInteraction(tx, entry((at * 37) % 1000, [ADA], at));
  for (let n = 0; n < 5; n++) void addInteraction(tx, entry(2000 + n, [GRACE], n * 50));
  await tx.done;
  return db;
}

const summaries = (entries: Interaction[]) => entries.map((entry) => entry.summary);
const expected = (from: number, count: number) => Array.from({ length: count }, (_, i) => `note ${from - i}`);

afterEach(() => vi.restoreAllMocks());

test('the newest 50 links are read in one request, with no cursor', async () => {
  const db = await seeded();
  const getAllKeys = vi.spyOn(IDBObjectStore.prototype, 'getAllKeys');
  const openCursor = vi.spyOn(IDBObjectStore.prototype, 'openCursor');
  const openKeyCursor = vi.spyOn(IDBObjectStore.prototype, 'openKeyCursor');
  const newest = await listTimeline(readTx(db, ['timeline', 'interactions']), ADA, 50);
  expect(summaries(newest)).toEqual(expected(120, 50));
  expect(getAllKeys).toHaveBeenCalledTimes(1);
  expect(openCursor).not.toHaveBeenCalled();
  expect(openKeyCursor).not.toHaveBeenCalled();
});

test('pages follow one another to the oldest entry, and a limit of 0 reads nothing', async () => {
  const db = await seeded();
  const read = (limit: number, before?: { at: number; id: string }) => listTimeline(readTx(db, ['timeline', 'interactions']), ADA, limit, before);
  const first = await read(50);
  const second = await read(50, { at: first.at(-1)!.at, id: first.at(-1)!.id });
  const third = await read(50, { at: second.at(-1)!.at, id: second.at(-1)!.id });
  expect(summaries([...first, ...second, ...third])).toEqual(expected(120, 120));
  expect(await read(0)).toEqual([]);
});

test('without IndexedDB 3 the same pages come from a key cursor', async () => {
  const db = await seeded();
  const prototype = IDBObjectStore.prototype as unknown as { getAllRecords?: unknown };
  const getAllRecords = Object.getOwnPropertyDescriptor(prototype, 'getAllRecords');
  expect(getAllRecords).toBeDefined();
  delete prototype.getAllRecords;
  try {
    const openKeyCursor = vi.spyOn(IDBObjectStore.prototype, 'openKeyCursor');
    const first = await listTimeline(readTx(db, ['timeline', 'interactions']), ADA, 50);
    const second = await listTimeline(readTx(db, ['timeline', 'interactions']), ADA, 100, { at: first.at(-1)!.at, id: first.at(-1)!.id });
    expect(summaries([...first, ...second])).toEqual(expected(120, 120));
    expect(openKeyCursor).toHaveBeenCalledTimes(2);
  } finally {
    Object.defineProperty(prototype, 'getAllRecords', getAllRecords!);
  }
});
