/**
 * Pull, as replication brings the server's documents into the local replica: conflicts are
 * resolved in the replica (the same merge on every device, so both write the same revision), then
 * the documents are written into Tend's stores, 100 at a time, each batch in one transaction.
 * While the replication runs, each batch it wrote is applied as it comes (arrivals.ts), read back
 * by id; the checkpoint (how far in the replica's changes feed everything is applied) moves to the
 * replica's end once the replication ended and all it wrote was applied. What a pass stopped
 * earlier left unapplied is read from the feed at the start of the next one, each batch with its
 * checkpoint: a worker stopped at any moment skips nothing, and what it applied twice is unchanged.
 */
import { writeTx, type TendDatabase, type WriteTx } from '../../db/schema';
import { getSyncStateRecord, putSyncStateRecord } from '../../db/sync-repo';
import { SyncState } from '../../model/sync';
import { APPLY_STORES, applyDocument, type Applied } from './apply';
import { applyUpserts } from './apply-batch';
import type { Arrivals } from './arrivals';
import { readBases, writeBases } from './bases';
import { documentId, readDocument, sameValue, type ReadDocument, type SyncedRecord } from './documents';
import { keptWhatMattersEntry } from './kept-text';
import { mergeVersions } from './merge';
import { applyMergeFact, isMergeDocumentId, mergeDocument, readMergeDocument, unionMergeVersions } from './merge-facts';
import { redirectToKept } from './redirect';
import { readState } from './state';
import type { Replica } from './replicas';

/** Commits of a pull carry this origin: they are the server's changes, not new local ones to push. */
export const SYNC_ORIGIN = 'sync';
const BATCH = 100;

/** What a pull did. */
export interface Pulled {
  applied: number;
  rejected: number;
  /** What the replica and Tend now agree on, by document id (undefined: deleted): the copy after the pull need not read these again. */
  agreed: Map<string, unknown>;
  /** How many documents the pull itself wrote into the replica (conflicts resolved, records redirected): they are for the server. */
  rewrote: number;
}

type PulledDoc = object & { _id: string; _rev?: string; _deleted?: boolean; _conflicts?: string[] };

/** What applying one batch did, and the documents the pull itself wrote into the replica meanwhile (applied later). */
interface BatchOutcome extends Pulled {
  written: string[];
}

const nothingPulled = (): Pulled => ({ applied: 0, rejected: 0, agreed: new Map(), rewrote: 0 });

function add(total: Pulled, batch: Pulled): void {
  total.applied += batch.applied;
  total.rejected += batch.rejected;
  total.rewrote += batch.rewrote;
  for (const [docId, record] of batch.agreed) total.agreed.set(docId, record);
}

/**
 * Apply the replica's changes since the saved checkpoint to Tend's stores (what an interrupted
 * pass left), each batch with its checkpoint in its transaction, until the feed is read to its end.
 */
export async function applyReplicaChanges(db: TendDatabase, replica: Replica, now: number): Promise<Pulled> {
  const total = nothingPulled();
  // Read once: each batch saves how far it got in its own transaction, and nothing else applies meanwhile (one pass at a time).
  let since = (await readState(db)).pulledSeq ?? 0;
  for (;;) {
    const batch = await replica.changes({ since, limit: BATCH, include_docs: true, conflicts: true });
    if (batch.results.length === 0) return total;
    const docs = batch.results.map((change) => change.doc).filter((doc) => doc !== undefined);
    // What the pull writes into the replica (a conflict resolved, a record redirected) comes later in this feed.
    add(total, await applyBatch(db, replica, docs, now, batch.last_seq));
    since = batch.last_seq;
  }
}

/**
 * Apply each batch a running replication writes into the replica, read back by id (its winning
 * revision and conflicts, whatever the replication wrote), while the replication brings the next.
 * Saves no checkpoint: `settlePull` does once the replication ended well.
 */
export async function applyArrivals(db: TendDatabase, replica: Replica, now: number, arrivals: Arrivals): Promise<Pulled> {
  const total = nothingPulled();
  for (let ids = await arrivals.next(); ids; ids = await arrivals.next()) {
    // What the pull writes into the replica is read back and applied in turn (a resolved conflict can redirect).
    for (let round = ids; round.length > 0;) {
      const outcome = await applyBatch(db, replica, await currentDocs(replica, round), now);
      add(total, outcome);
      round = [...new Set(outcome.written)];
    }
  }
  return total;
}

/**
 * After the replication ended and `applyArrivals` applied all it wrote: the checkpoint moves to the
 * replica's end (nothing else writes the replica during a pass), with the documents it rejected.
 * Returns that end.
 */
export async function settlePull(db: TendDatabase, replica: Replica, pulled: Pulled, now: number): Promise<number | string> {
  const { update_seq: end } = await replica.info();
  const tx = writeTx(db, ['settings'], { origin: SYNC_ORIGIN });
  const state = SyncState.parse((await getSyncStateRecord(tx)) ?? {});
  await putSyncStateRecord(tx, { ...state, pulledSeq: end, rejected: state.rejected + pulled.rejected }, now);
  await tx.done;
  return end;
}

/** The replica's current revision of each document (deleted ones as tombstones), with its conflicts. */
async function currentDocs(replica: Replica, ids: string[]): Promise<PulledDoc[]> {
  const { rows } = await replica.allDocs({ keys: ids, include_docs: true, conflicts: true });
  return rows.flatMap((row): PulledDoc[] => {
    if (row.doc) return [row.doc];
    return row.value?.deleted ? [{ _id: row.id, _rev: row.value.rev, _deleted: true }] : [];
  });
}

/**
 * Apply one batch of the replica's documents in one transaction (with the checkpoint `seq` when
 * read from the feed). Conflicted documents are resolved in the replica and records of a merged
 * person redirected there instead: their new versions are `written`, to be applied after.
 */
async function applyBatch(db: TendDatabase, replica: Replica, docs: PulledDoc[], now: number, seq?: number | string): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { ...nothingPulled(), written: [] };
  const conflicted = docs.filter((doc) => doc._conflicts?.length);
  for (const doc of conflicted) outcome.written.push(...(await resolveConflict(replica, doc)));
  // Merge facts first, people deleted last in a batch, after the entries and follow-ups that went with them.
  const order = (doc: PulledDoc) => (isMergeDocumentId(doc._id) ? -1 : Number(doc._deleted === true && doc._id.startsWith('contact:')));
  const unresolved = docs.filter((doc) => !doc._conflicts?.length).sort((a, b) => order(a) - order(b));
  // Late records of a merged person are rewritten in the replica, and applied as rewritten.
  const redirected = await redirectToKept(db, replica, unresolved);
  outcome.written.push(...redirected.written);
  const settled = unresolved.filter((doc) => !redirected.rewritten.has(doc._id));
  const tx = writeTx(db, [...APPLY_STORES], { origin: SYNC_ORIGIN });
  const bases = await readBases(
    tx,
    settled.map((doc) => doc._id),
  );
  // Merge facts (sorted first) are applied before the records read what they moved.
  for (const doc of settled.filter((doc) => isMergeDocumentId(doc._id))) {
    const fact = readMergeDocument(doc);
    if (!fact.ok) outcome.rejected++;
    else if ((await applyMergeFact(tx, fact.record)) === 'written') outcome.applied++;
  }
  const checked = settled.flatMap((doc) => {
    if (isMergeDocumentId(doc._id)) return [];
    const read = readDocument(doc);
    if (read.ok) return [{ docId: doc._id, read, base: bases.get(doc._id) }];
    outcome.rejected++;
    return [];
  });
  for (const [i, applied] of (await applyRecords(tx, checked)).entries()) {
    const { docId, read } = checked[i]!;
    if (applied === 'written') outcome.applied++;
    if (applied !== 'kept-local') outcome.agreed.set(docId, read.deleted ? undefined : read.synced.record);
  }
  await writeBases(tx, outcome.agreed);
  if (seq !== undefined) {
    const state = SyncState.parse((await getSyncStateRecord(tx)) ?? {});
    await putSyncStateRecord(tx, { ...state, pulledSeq: seq, rejected: state.rejected + outcome.rejected }, now);
  }
  outcome.rewrote = outcome.written.length;
  await tx.done;
  return outcome;
}

/**
 * Apply a batch's checked records in order. Without a deletion among them (an initial sync's every
 * batch) every read is asked at once (apply-batch.ts); a deletion reads what the records before it
 * wrote (a person deleted after their entries), so such a batch goes one record at a time.
 */
async function applyRecords(tx: WriteTx, checked: { read: Extract<ReadDocument, { ok: true }>; base: unknown }[]): Promise<Applied[]> {
  const upserts = checked.flatMap(({ read, base }) => (read.deleted ? [] : [{ synced: read.synced, base }]));
  if (upserts.length === checked.length) return applyUpserts(tx, upserts);
  const applied: Applied[] = [];
  for (const { read, base } of checked) applied.push(await applyDocument(tx, read, base));
  return applied;
}

/**
 * Resolve a conflicted document: every valid version merged (in revision order, so each device
 * merges the same way), written on the winning branch, the other branches closed. Versions that
 * fail the schemas lose.
 */
async function resolveConflict(replica: Replica, winner: PulledDoc): Promise<string[]> {
  const losers = await Promise.all((winner._conflicts ?? []).map((rev) => replica.get<object>(winner._id, { rev })));
  if (isMergeDocumentId(winner._id)) return resolveMergeConflict(replica, winner, losers);
  const versions = [winner, ...losers]
    .sort((a, b) => ((a as { _rev: string })._rev < (b as { _rev: string })._rev ? -1 : 1))
    .map((doc) => readDocument(doc))
    .flatMap((read) => (read.ok && !read.deleted ? [read.synced] : []));
  const writes: object[] = losers.map((doc) => ({ _id: winner._id, _rev: (doc as { _rev: string })._rev, _deleted: true }));
  let merged: SyncedRecord | undefined = versions[0];
  let kept: string[] = [];
  for (const version of versions.slice(1)) {
    const next = mergeVersions(merged!, version);
    merged = next.synced;
    if (next.lostWhatMatters) kept.push(next.lostWhatMatters);
  }
  const winning = readDocument(winner);
  const unchanged = winning.ok && !winning.deleted && merged !== undefined && sameValue(merged, winning.synced);
  if (merged && !unchanged) writes.push({ _id: winner._id, _rev: winner._rev, ...merged });
  if (merged?.kind === 'contact') {
    kept = kept.filter((text) => text !== merged.record.whatMatters);
    for (const text of new Set(kept)) {
      const entry = keptWhatMattersEntry(merged.record.id, text, merged.fieldsAt.whatMatters ?? merged.record.updatedAt);
      writes.push({ _id: documentId('entry', entry.id), kind: 'entry', record: entry });
    }
  }
  await replica.bulkDocs(writes);
  return writes.map((doc) => (doc as { _id: string })._id);
}

/** A conflicted merge document: every valid version's union on the winning branch, the other branches closed. */
async function resolveMergeConflict(replica: Replica, winner: PulledDoc, losers: object[]): Promise<string[]> {
  const byRev = [winner, ...losers].sort((a, b) => ((a as { _rev: string })._rev < (b as { _rev: string })._rev ? -1 : 1));
  const union = unionMergeVersions(byRev);
  const writes: object[] = losers.map((doc) => ({ _id: winner._id, _rev: (doc as { _rev: string })._rev, _deleted: true }));
  const held = readMergeDocument(winner);
  if (union && !(held.ok && sameValue(held.record, union))) writes.push(mergeDocument(union, winner._rev));
  await replica.bulkDocs(writes);
  return [winner._id];
}
