/** A bulk writer learns which of a batch's keys a store holds in one read, and reads only those. */
import { expect, test } from 'vitest';
import { presentDedupeKeys, presentKeys } from '../../utils/db/present-keys';
import { readTx, writeTx } from '../../utils/db/schema';
import { freshDb } from './helpers';

const entry = (id: string, dedupeKey?: string) => ({
  id,
  contactIds: ['c'],
  kind: 'note' as const,
  at: 1,
  summary: id,
  createdAt: 1,
  ...(dedupeKey && { dedupeKey }),
});

test('the keys of a batch a store holds, in one range read; undefined when the range holds too many others', async () => {
  const db = await freshDb();
  const tx = writeTx(db, ['interactions']);
  for (const id of ['a1', 'a3', 'b1', 'b2', 'b3', 'b4', 'b5', 'c1']) await tx.objectStore('interactions').add(entry(id, `k:${id}`));
  await tx.done;
  const read = readTx(db, ['interactions']);
  expect(await presentKeys(read, 'interactions', ['a1', 'a2', 'a3'])).toEqual(new Set(['a1', 'a3']));
  expect(await presentKeys(read, 'interactions', ['d1', 'd2'])).toEqual(new Set());
  expect(await presentKeys(read, 'interactions', [])).toEqual(new Set());
  // a1..c1 holds 8 keys: more than a limit of 7, so each must be read on its own.
  expect(await presentKeys(read, 'interactions', ['c1', 'a1'], 7)).toBeUndefined();
  expect(await presentKeys(read, 'interactions', ['c1', 'a1'], 8)).toEqual(new Set(['a1', 'c1']));
  expect(await presentDedupeKeys(read, ['k:x1', 'k:x2'])).toEqual(new Set());
  expect(await presentDedupeKeys(read, ['k:a2', 'k:a25'])).toEqual(new Set());
  expect(await presentDedupeKeys(read, ['k:a2', 'k:b9'])).toBeUndefined();
});
