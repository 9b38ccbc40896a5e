/** The `merges` store (database v3): one record per merge of two people, so it can be undone. */
import type { MergeRecord } from '../model/merge';
import type { ReadTx, WriteTx } from './schema';

/** A merge record by id. */
export function getMerge(tx: ReadTx, id: string): Promise<MergeRecord | undefined> {
  return tx.objectStore('merges').get(id);
}

/** Record a new merge (its id is new: an existing one is an error, never overwritten). */
export async function addMerge(tx: WriteTx, record: MergeRecord): Promise<void> {
  await tx.objectStore('merges').add(record);
}

/** Mark a merge undone at `at`. */
export async function markMergeUndone(tx: WriteTx, record: MergeRecord, at: number): Promise<void> {
  await tx.objectStore('merges').put({ ...record, undoneAt: at });
}

/** Up to `limit` merges not undone, newest first: a reverse walk of the by-at index. */
export async function listOpenMerges(tx: ReadTx, limit: number): Promise<MergeRecord[]> {
  const found: MergeRecord[] = [];
  for (let cursor = await tx.objectStore('merges').index('by-at').openCursor(null, 'prev'); cursor && found.length < limit; cursor = await cursor.continue()) {
    if (cursor.value.undoneAt === undefined) found.push(cursor.value);
  }
  return found;
}
