/**
 * Push, first half: copy what Tend changed since the last push (its change log, the outbox) into
 * the local replica as documents. Deterministic ids make a second copy of the same change write
 * nothing. A record edited in Tend while the replica received another version from the server is
 * merged field by field with it (bases.ts), never copied over it.
 */
import { changesSince, latestChangeSeq } from '../../db/changes-repo';
import { readTx, writeTx, type TendDatabase } from '../../db/schema';
import { syncedRecordIds, syncedRecords } from '../../db/sync-repo';
import type { Contact, FollowUp, Interaction } from '../../model/records';
import type { LoggedStore } from '../../model/rows';
import { readBases, writeBases } from './bases';
import { documentId, KIND_OF_STORE, readDocument, sameValue, stampedFields, toDocument, type SyncedRecord } from './documents';
import { keptWhatMattersEntry } from './kept-text';
import { mergeVersions } from './merge';
import { copyMerges } from './merge-facts';
import { SYNC_ORIGIN } from './pull';
import type { Replica } from './replicas';

type TendRecord = Contact | Interaction | FollowUp;
// A person's follow-ups and entries reach the replica before the person: a pull that meets a
// person's deletion has already removed the history that went with them.
const STORES: readonly LoggedStore[] = ['followUps', 'interactions', 'contacts'];

/** What a copy did: the change-log row it copied up to and how many documents it wrote. */
export interface Copied {
  seq: number;
  written: number;
}

/**
 * Copy Tend's changes after `pushedSeq` (every record when undefined: the first push) into the
 * replica. `pulled`: what the pull of this pass wrote (document id -> record, undefined: deleted),
 * which the replica and its bases already hold: a record the log shows changed only by the pull
 * since is not read at all, one changed here too is read, and skipped only if still equal to it.
 */
export async function copyOutbox(
  db: TendDatabase,
  replica: Replica,
  pushedSeq: number | undefined,
  now: number,
  pulled: ReadonlyMap<string, unknown> = new Map(),
): Promise<Copied> {
  const seq = await latestChangeSeq(db);
  const { touched, byPullOnly } = await touchedSince(db, replica, pushedSeq, seq, now);
  // Merge facts first: a device reading the feed learns of a merge before the records it moved.
  // A merge and its undo always write people: with no person changed, no merge changed here.
  const peopleChanged = [...touched].some(([store, ids]) => store === 'contacts' && ids.size > 0);
  let written = pushedSeq === undefined || peopleChanged ? await copyMerges(db, replica) : 0;
  for (const store of STORES) {
    // Written since only by the pull (one pass at a time: no other sync writer meanwhile), as it
    // agreed with the replica: Tend holds what the replica holds (a first sync of 5,000 records
    // read each back, in 50 transactions one after another, for nothing: 1.3-2.6 s).
    const pullOnly = (id: string) => byPullOnly.get(store)!.has(id) && pulled.has(documentId(KIND_OF_STORE[store], id));
    const ids = [...(touched.get(store)?.keys() ?? [])].filter((id) => !pullOnly(id));
    for (let i = 0; i < ids.length; i += 100) written += await copyRecords(db, replica, store, ids.slice(i, i + 100), touched.get(store)!, pulled);
  }
  return { seq, written };
}

/**
 * Per store, the ids changed after `from` up to `to`, with the time of their last change, and
 * those of them every logged change of which was a pull's own (origin SYNC_ORIGIN).
 */
async function touchedSince(
  db: TendDatabase,
  replica: Replica,
  from: number | undefined,
  to: number,
  now: number,
): Promise<{ touched: Map<LoggedStore, Map<string, number>>; byPullOnly: Map<LoggedStore, Set<string>> }> {
  const touched = new Map<LoggedStore, Map<string, number>>(STORES.map((store) => [store, new Map()]));
  const byPullOnly = new Map<LoggedStore, Set<string>>(STORES.map((store) => [store, new Set()]));
  const heldHere = new Map<LoggedStore, Set<string>>(STORES.map((store) => [store, new Set()]));
  const everything = async (store: LoggedStore, at: number) => {
    const ids = await syncedRecordIds(readTx(db, [store]), store);
    // Documents whose record is gone from Tend (a store cleared by a restore) become tombstones.
    const kind = KIND_OF_STORE[store];
    const docs = await replica.allDocs({ startkey: `${kind}:`, endkey: `${kind}:\uffff` });
    for (const row of docs.rows) touched.get(store)!.set(row.id.slice(kind.length + 1), at);
    for (const id of ids) touched.get(store)!.set(id, at);
    // Every record counts as changed here: none is left out as the pull's.
    for (const id of touched.get(store)!.keys()) heldHere.get(store)!.add(id);
  };
  if (from === undefined) {
    for (const store of STORES) await everything(store, now);
    return { touched, byPullOnly };
  }
  for (const change of await changesSince(db, from)) {
    if ((change.seq ?? 0) > to) break;
    if (change.op === 'clear') await everything(change.store, change.at);
    else if (change.id !== undefined) {
      touched.get(change.store)!.set(change.id, change.at);
      if (change.origin !== SYNC_ORIGIN) heldHere.get(change.store)!.add(change.id);
    }
  }
  for (const store of STORES) for (const id of touched.get(store)!.keys()) if (!heldHere.get(store)!.has(id)) byPullOnly.get(store)!.add(id);
  return { touched, byPullOnly };
}

/** Copy some records of one store (ids with the time of their last change); returns the documents written. */
async function copyRecords(
  db: TendDatabase,
  replica: Replica,
  store: LoggedStore,
  batch: string[],
  changedAt: Map<string, number>,
  pulled: ReadonlyMap<string, unknown>,
): Promise<number> {
  const kind = KIND_OF_STORE[store];
  const read = await syncedRecords(readTx(db, [store]), store, batch);
  // What the pull just wrote, unchanged since: Tend, the replica and the base agree (a first sync
  // of 5,000 records read each of them back from the replica for nothing).
  const pending = batch.flatMap((id, i) => {
    const docId = documentId(kind, id);
    return pulled.has(docId) && sameValue(pulled.get(docId) ?? null, read[i] ?? null) ? [] : [i];
  });
  if (pending.length === 0) return 0;
  const ids = pending.map((i) => batch[i]!);
  const records = pending.map((i) => read[i]);
  const docIds = ids.map((id) => documentId(kind, id));
  const existing = await replica.allDocs({ keys: docIds, include_docs: true });
  const bases = await readBases(readTx(db, ['syncBases']), docIds);
  const writes: object[] = [];
  const agreed = new Map<string, unknown>();
  ids.forEach((id, i) => {
    const docId = docIds[i]!;
    const record = records[i];
    const row = existing.rows[i] as { doc?: { _rev: string } & object; value?: { rev: string; deleted?: boolean } } | undefined;
    const current = row?.doc ? readDocument(row.doc) : undefined;
    const previous = current?.ok && !current.deleted ? current.synced : undefined;
    const rev = row?.doc?._rev ?? row?.value?.rev;
    agreed.set(docId, record);
    if (!record) {
      // Deleted in Tend: a tombstone with no body, so the record's data does not live on in it.
      if (row?.doc) writes.push({ _id: docId, _rev: rev, _deleted: true });
      return;
    }
    const at = changedAt.get(id)!;
    const base = bases.get(docId);
    const behind = previous !== undefined && base !== undefined && base !== null && !sameValue(base, previous.record);
    const copied = behind ? undefined : toDocument(kind, record, previous, at);
    const next = behind ? mergedWithReplica(record, base, previous, at) : copied && { synced: copied };
    if (!next) return;
    writes.push({ _id: docId, ...(rev && { _rev: rev }), ...next.synced });
    if (next.kept) writes.push({ _id: documentId('entry', next.kept.id), kind: 'entry', record: next.kept });
  });
  if (writes.length > 0) await replica.bulkDocs(writes);
  const tx = writeTx(db, ['syncBases']);
  await writeBases(tx, agreed);
  await tx.done;
  return writes.length;
}

/**
 * A record edited in Tend (it differs from its base) while the replica got another version: the
 * fields Tend changed carry the time of that change, the others lose to the replica's.
 */
function mergedWithReplica(record: TendRecord, base: unknown, replica: SyncedRecord, at: number): { synced: SyncedRecord; kept?: Interaction } {
  const before = base as Record<string, unknown>;
  const after = record as Record<string, unknown>;
  // Fields Tend did not change since the base carry time 0: the replica's version of them stands.
  const untouched = Object.fromEntries([...Object.keys(before), ...Object.keys(after)].map((field) => [field, 0]));
  const local = { ...replica, record, ...('fieldsAt' in replica && { fieldsAt: stampedFields(before, after, untouched, at) }) } as SyncedRecord;
  const merged = mergeVersions(local, replica);
  // Written even when the replica's version wins whole: as a new change it reaches Tend's stores at the next pull.
  const kept =
    merged.lostWhatMatters && merged.synced.kind === 'contact'
      ? keptWhatMattersEntry(record.id, merged.lostWhatMatters, merged.synced.fieldsAt.whatMatters ?? at)
      : undefined;
  return { synced: merged.synced, ...(kept && { kept }) };
}
