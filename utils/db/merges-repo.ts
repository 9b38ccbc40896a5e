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

/** Every merge record (merges are few: one per merge the user made, on any of their devices). */
export function listAllMerges(tx: ReadTx): Promise<MergeRecord[]> {
  return tx.objectStore('merges').getAll();
}

/** Write a merge record as sync received or grew it (replacing the one with its id). */
export async function putMerge(tx: WriteTx, record: MergeRecord): Promise<void> {
  await tx.objectStore('merges').put(record);
}

/** The merge not undone that took `mergedId` away, if any. */
export async function openMergeOf(tx: ReadTx, mergedId: string): Promise<MergeRecord | undefined> {
  return (await listAllMerges(tx)).find((record) => record.mergedId === mergedId && record.undoneAt === undefined);
}
