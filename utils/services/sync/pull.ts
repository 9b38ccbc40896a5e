/**
 * Pull, as replication brings the server's documents into the local replica (each batch applied
 * while the next is on its way, arrivals.ts): conflicts are resolved in the replica (the same
 * merge on every device, so both write the same revision), then the replica's changes after the last applied one are written into Tend's stores, 100 at a
 * time, each batch in one transaction that also saves how far it got: a worker stopped at any
 * moment applies nothing twice and skips nothing.
 */
import { writeTx, type TendDatabase } from '../../db/schema';
import { getSyncStateRecord, putSyncStateRecord } from '../../db/sync-repo';
import { SyncState } from '../../model/sync';
import { APPLY_STORES, applyDocument } from './apply';
import { NOTHING_ARRIVING, type Arrivals } from './arrivals';
import { readBases, writeBases } from './bases';
import { documentId, readDocument, sameValue, type SyncedRecord } from './documents';
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
}

/**
 * Apply the replica's changes since the saved checkpoint to Tend's stores; while `arrivals` (a
 * replication into the replica) runs, what it writes meanwhile too, until it ended and the feed
 * is read to its end.
 */
export async function applyReplicaChanges(db: TendDatabase, replica: Replica, now: number, arrivals: Arrivals = NOTHING_ARRIVING): Promise<Pulled> {
  const total: Pulled = { applied: 0, rejected: 0, agreed: new Map() };
  // Read once: each batch saves how far it got in its own transaction, and nothing else applies meanwhile (one pass at a time).
  let since = (await readState(db)).pulledSeq ?? 0;
  for (;;) {
    // Taken before the read: a batch written after it is waited for, never missed.
    const [seen, ended] = [arrivals.written(), arrivals.ended()];
    const batch = await replica.changes({ since, limit: BATCH, include_docs: true, conflicts: true });
    if (batch.results.length === 0) {
      if (ended) return total;
      await arrivals.after(seen);
      continue;
    }
    const docs = batch.results.map((change) => change.doc as (object & { _id: string; _conflicts?: string[] }) | undefined).filter((doc) => doc !== undefined);
    // A conflicted document is resolved into a new revision, applied when the feed reaches it.
    const conflicted = docs.filter((doc) => doc._conflicts?.length);
    for (const doc of conflicted) await resolveConflict(replica, doc);
    // Merge facts first, people deleted last in a batch, after the entries and follow-ups that went with them.
    const order = (doc: { _id: string; _deleted?: boolean }) =>
      isMergeDocumentId(doc._id) ? -1 : Number(doc._deleted === true && doc._id.startsWith('contact:'));
    const unresolved = docs.filter((doc) => !doc._conflicts?.length).sort((a, b) => order(a) - order(b));
    // Late records of a merged person are rewritten in the replica: their new versions come later in the feed.
    const redirected = await redirectToKept(db, replica, unresolved);
    const settled = unresolved.filter((doc) => !redirected.has(doc._id));
    const agreed = new Map<string, unknown>();
    const tx = writeTx(db, [...APPLY_STORES], { origin: SYNC_ORIGIN });
    const bases = await readBases(
      tx,
      settled.map((doc) => doc._id),
    );
    let rejected = 0;
    for (const doc of settled) {
      if (isMergeDocumentId(doc._id)) {
        const fact = readMergeDocument(doc);
        if (!fact.ok) rejected++;
        else if ((await applyMergeFact(tx, fact.record)) === 'written') total.applied++;
        continue;
      }
      const read = readDocument(doc);
      if (!read.ok) {
        rejected++;
        continue;
      }
      const applied = await applyDocument(tx, read, bases.get(doc._id));
      if (applied === 'written') total.applied++;
      if (applied !== 'kept-local') agreed.set(doc._id, read.deleted ? undefined : read.synced.record);
    }
    const state = SyncState.parse((await getSyncStateRecord(tx)) ?? {});
    await writeBases(tx, agreed);
    await putSyncStateRecord(tx, { ...state, pulledSeq: batch.last_seq, rejected: state.rejected + rejected }, now);
    await tx.done;
    since = batch.last_seq;
    total.rejected += rejected;
    for (const [docId, record] of agreed) total.agreed.set(docId, record);
  }
}

/**
 * Resolve a conflicted document: every valid version merged (in revision order, so each device
 * merges the same way), written on the winning branch, the other branches closed. Versions that
 * fail the schemas lose.
 */
async function resolveConflict(replica: Replica, winner: object & { _id: string; _rev?: string; _conflicts?: string[] }): Promise<void> {
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
}

/** A conflicted merge document: every valid version's union on the winning branch, the other branches closed. */
async function resolveMergeConflict(replica: Replica, winner: object & { _id: string; _rev?: string }, losers: object[]): Promise<void> {
  const byRev = [winner, ...losers].sort((a, b) => ((a as { _rev: string })._rev < (b as { _rev: string })._rev ? -1 : 1));
  const union = unionMergeVersions(byRev);
  const writes: object[] = losers.map((doc) => ({ _id: winner._id, _rev: (doc as { _rev: string })._rev, _deleted: true }));
  const held = readMergeDocument(winner);
  if (union && !(held.ok && sameValue(held.record, union))) writes.push(mergeDocument(union, winner._rev));
  await replica.bulkDocs(writes);
}
