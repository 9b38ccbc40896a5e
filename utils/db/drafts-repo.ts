/** The `drafts` store (v5): text typed and not yet saved, one row per thing it is about. */
import type { DraftRecord } from '../model/drafts';
import type { ReadTx, WriteTx } from './schema';

/** The draft stored under a key, if any. */
export function getDraftRecord(tx: ReadTx, key: string): Promise<DraftRecord | undefined> {
  return tx.objectStore('drafts').get(key);
}

/** Keep a draft, replacing the one about the same thing. */
export async function putDraftRecord(tx: WriteTx, record: DraftRecord): Promise<void> {
  await tx.objectStore('drafts').put(record);
}

/** Forget the draft under a key (nothing happens when there is none). */
export async function deleteDraftRecord(tx: WriteTx, key: string): Promise<void> {
  await tx.objectStore('drafts').delete(key);
}

/** Every draft, oldest change first. */
export async function listDraftRecords(tx: ReadTx): Promise<DraftRecord[]> {
  return tx.objectStore('drafts').index('by-updated').getAll();
}
