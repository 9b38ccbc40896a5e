import type { SnapshotRecord } from '../model/rows';
import { writeTx, type TendDatabase } from './schema';

/** A saved index state by name, if any. */
export function loadSnapshot(db: TendDatabase, name: string): Promise<SnapshotRecord | undefined> {
  return db.get('snapshots', name);
}

/** Save an index state, replacing the one of the same name. */
export async function saveSnapshot(db: TendDatabase, snapshot: SnapshotRecord): Promise<void> {
  const tx = writeTx(db, ['snapshots']);
  await tx.objectStore('snapshots').put(snapshot);
  await tx.done;
}
