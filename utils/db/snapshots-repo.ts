import type { SnapshotRecord } from '../model/rows';
import { writeTx, type ReadTx, type TendDatabase, type WriteTx } from './schema';

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

/** A saved state by name, read inside a caller's transaction. */
export function getSnapshot(tx: ReadTx, name: string): Promise<SnapshotRecord | undefined> {
  return tx.objectStore('snapshots').get(name);
}

/** Write a saved state inside a caller's transaction (e.g. what an undo needs, with the change it undoes). */
export async function putSnapshot(tx: WriteTx, snapshot: SnapshotRecord): Promise<void> {
  await tx.objectStore('snapshots').put(snapshot);
}

/** Remove a saved state by name (nothing happens when there is none). */
export async function removeSnapshot(tx: WriteTx, name: string): Promise<void> {
  await tx.objectStore('snapshots').delete(name);
}

/** Every saved state whose name starts with `prefix`. */
export function listSnapshotsNamed(tx: ReadTx, prefix: string): Promise<SnapshotRecord[]> {
  return tx.objectStore('snapshots').getAll(IDBKeyRange.bound(prefix, `${prefix}\uffff`));
}
