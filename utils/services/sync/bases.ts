/**
 * The last version of each record that Tend's stores and the local replica agreed on (its base).
 * A record that differs from its base was edited in Tend since: a pull leaves it for the next
 * push, which merges it field by field with what came from the server instead of overwriting
 * either side.
 *
 * Bases live in Tend's own `syncBases` store, read and written inside the transaction that applies
 * a pull's batch (they agree with the records and the checkpoint written beside them, whatever
 * stops the worker). They were `_local/` documents of the replica: PouchDB reads those one
 * transaction at a time, and with their bulk writes they took most of a 5,000-record initial
 * sync (measured: 9.8 of 46.7 s at load 9, 36 of 163 s at load 17).
 */
import { getSyncBases, putSyncBases } from '../../db/sync-repo';
import type { ReadTx, WriteTx } from '../../db/schema';

/** The base of each document (undefined where none is kept, null where it was deleted). */
export async function readBases(tx: ReadTx, docIds: readonly string[]): Promise<Map<string, unknown>> {
  const found = await getSyncBases(tx, docIds);
  return new Map(docIds.map((docId, i) => [docId, found[i]?.record]));
}

/** Keep these records (undefined: deleted) as the bases of their documents. */
export function writeBases(tx: WriteTx, records: ReadonlyMap<string, unknown>): Promise<void> {
  return putSyncBases(tx, records);
}
