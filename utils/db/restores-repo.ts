/**
 * The `restores` store (database v8): one row per batch a restore or an import under way has
 * written, naming what it added. One that ends well deletes its rows with its last write; rows found
 * at any other time belong to one that was cancelled, failed or was cut short, and are taken back
 * (utils/portability/take-back.ts).
 */
import type { ImportChanges } from '../model/import';
import type { ReadTx, WriteTx } from './schema';

/** What one batch of a restore added to one store. */
export interface RestoreStoreBatch {
  /** The restore's id (an import's id for an import's batches). */
  restoreId: string;
  /** The batch's place in the restore, from 0: they are taken back last first. */
  batch: number;
  store: 'contacts' | 'identities' | 'interactions' | 'followUps';
  /** Ids (identity keys for `identities`) of the records the batch added. */
  ids: string[];
  /** For `identities`: the person each added row was linked to. */
  owners?: string[];
  /** For `contacts`: each added person's `updatedAt` as written (a later edit keeps the person). */
  stamps?: number[];
}

/** What one batch of an import wrote: its share of the import's record (taken back as Undo would). */
export interface ImportBatch {
  restoreId: string;
  batch: number;
  store: 'import';
  changes: ImportChanges;
}

export type RestoreBatchRecord = RestoreStoreBatch | ImportBatch;

/** Every row of a restore, from its first batch to its last. */
const rowsOf = (restoreId: string) => IDBKeyRange.bound([restoreId, -Infinity], [restoreId, Infinity]);

/** Note what a batch added (in the batch's own transaction: the note and the records commit together). */
export async function addRestoreBatch(tx: WriteTx, row: RestoreBatchRecord): Promise<void> {
  await tx.objectStore('restores').add(row);
}

/** The keys of a restore's rows, first batch first. */
export function restoreBatchKeys(tx: ReadTx, restoreId: string): Promise<[string, number][]> {
  return tx.objectStore('restores').getAllKeys(rowsOf(restoreId));
}

/** One row of a restore. */
export function getRestoreBatch(tx: ReadTx, key: [string, number]): Promise<RestoreBatchRecord | undefined> {
  return tx.objectStore('restores').get(key);
}

/** Forget one row (once what it names has been taken back). */
export async function removeRestoreBatch(tx: WriteTx, key: [string, number]): Promise<void> {
  await tx.objectStore('restores').delete(key);
}

/** Forget every row of a restore: it ended well, and what it added stays. */
export async function endRestore(tx: WriteTx, restoreId: string): Promise<void> {
  await tx.objectStore('restores').delete(rowsOf(restoreId));
}

/** The restores that have rows: each was cancelled, failed or cut short, unless it is running now. */
export async function restoresWithRows(tx: ReadTx): Promise<string[]> {
  const keys = await tx.objectStore('restores').getAllKeys();
  return [...new Set(keys.map(([restoreId]) => restoreId))];
}
