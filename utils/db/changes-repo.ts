import type { ChangeRecord } from '../model/rows';
import type { TendDatabase } from './schema';

/** The number of the newest logged change (0 when the log is empty). */
export async function latestChangeSeq(db: TendDatabase): Promise<number> {
  const cursor = await db.transaction('changes').store.openKeyCursor(null, 'prev');
  return typeof cursor?.key === 'number' ? cursor.key : 0;
}

/** Every change logged after `seq`, oldest first. */
export function changesSince(db: TendDatabase, seq: number): Promise<ChangeRecord[]> {
  return db.getAll('changes', IDBKeyRange.lowerBound(seq, true));
}

/** True while the change numbered `seq` is in the log (a log cleared since has lost it). */
export async function hasChange(db: TendDatabase, seq: number): Promise<boolean> {
  return (await db.getKey('changes', seq)) !== undefined;
}
