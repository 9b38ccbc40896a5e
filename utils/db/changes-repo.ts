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
