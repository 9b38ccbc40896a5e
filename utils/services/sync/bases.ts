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
import { countSyncBases, getSyncBases, putSyncBases } from '../../db/sync-repo';
import { readTx, writeTx, type ReadTx, type TendDatabase, type WriteTx } from '../../db/schema';
import type { Replica } from './replicas';

/** The base of each document (undefined where none is kept, null where it was deleted). */
export async function readBases(tx: ReadTx, docIds: readonly string[]): Promise<Map<string, unknown>> {
  const found = await getSyncBases(tx, docIds);
  return new Map(docIds.map((docId, i) => [docId, found[i]?.record]));
}

/** Keep these records (undefined: deleted) as the bases of their documents. */
export function writeBases(tx: WriteTx, records: ReadonlyMap<string, unknown>): Promise<void> {
  return putSyncBases(tx, records);
}

const LEGACY_PREFIX = '_local/base:';

/**
 * The bases an earlier Tend (database v6) kept as `_local/base:<docId>` documents of the replica,
 * moved into the `syncBases` store, once, before a pass merges anything: without them every record
 * would look unedited here and an edit would lose to the other side (unit sync-bases-upgrade). Runs
 * only while Tend holds no base and the replica holds documents, so a first sync reads nothing; the
 * old documents are deleted once carried over, so they are never read again. Returns how many.
 */
export async function carryOverReplicaBases(db: TendDatabase, replica: Replica): Promise<number> {
  if ((await countSyncBases(readTx(db, ['syncBases']))) > 0) return 0;
  const { rows } = await replica.allDocs();
  if (rows.length === 0) return 0;
  const found = await Promise.all(
    rows.map(({ id }) =>
      replica.get<{ record: unknown }>(`${LEGACY_PREFIX}${id}`).then(
        (doc) => ({ docId: id, record: doc.record, rev: doc._rev }),
        () => undefined,
      ),
    ),
  );
  const legacy = found.filter((base) => base !== undefined);
  if (legacy.length === 0) return 0;
  const tx = writeTx(db, ['syncBases']);
  await putSyncBases(
    tx,
    legacy.map(({ docId, record }) => [docId, record ?? undefined] as const),
  );
  await tx.done;
  await replica.bulkDocs(legacy.map(({ docId, rev }) => ({ _id: `${LEGACY_PREFIX}${docId}`, _rev: rev, _deleted: true })));
  return legacy.length;
}
