/**
 * One sync pass, push then pull: Tend's outbox copied into the local replica and replicated to the
 * server; the server's changes replicated back and applied to Tend's stores; then whatever that
 * produced (a merge, a conflict resolved) copied and pushed again. One-shot replications in
 * batches of 100, each checkpointed, so a pass stopped anywhere resumes where it stopped.
 */
import type { TendDatabase } from '../../db/schema';
import { readState, updateState } from './state';
import { arrivalsOf } from './arrivals';
import { applyArrivals, applyReplicaChanges, settlePull } from './pull';
import { carryOverReplicaBases } from './bases';
import { copyOutbox } from './push';
import type { Replica } from './replicas';

const REPLICATION = { batch_size: 100 } as const;
/**
 * The push after a pull walks every document the pull brought (PouchDB asks the server about each,
 * and sends nothing it already has) besides the few the pull produced: batches of 500 make 10
 * round trips and checkpoints of 5,000 pulled documents instead of 50 (measured: 30 s of a 5,000-record
 * initial sync at batches of 100). When the pull wrote nothing into the replica itself, it starts
 * after the pull's end instead (`since`), and walks only what the copy after the pull wrote.
 */
const AFTER_PULL = { batch_size: 500 } as const;

/** What a pass did. */
export interface PassOutcome {
  pushed: number;
  applied: number;
  rejected: number;
}

/** Run one pass between Tend's database, its local replica and the server's database. */
export async function runPass(db: TendDatabase, local: Replica, remote: Replica, now: () => number, hold: () => boolean = () => false): Promise<PassOutcome> {
  await carryOverReplicaBases(db, local);
  const first = await copyOutbox(db, local, (await readState(db)).pushedSeq, now());
  await local.replicate.to(remote, REPLICATION);
  await updateState(db, (state) => ({ ...state, pushedSeq: first.seq }), now());
  // What a pass stopped in its pull left unapplied in the replica (nothing after a pass that ended).
  const leftOver = await applyReplicaChanges(db, local, now());
  // Applied while the replication brings more: each batch it wrote is applied as it comes.
  const replication = local.replicate.from(remote, REPLICATION);
  const applying = applyArrivals(db, local, now(), arrivalsOf(replication));
  // Awaited even when the replication fails: no pass ends while its pull still writes.
  applying.catch(() => undefined);
  const replicated = await replication.then(
    () => undefined,
    (error: unknown) => ({ error }),
  );
  const pulled = await applying;
  // A failed replication keeps the checkpoint: the next pass reads what it wrote from the feed.
  if (replicated) throw replicated.error;
  const end = await settlePull(db, local, pulled, now());
  if (hold()) {
    // A restore or import began meanwhile and may yet be taken back: nothing written since the first
    // copy leaves now. The next pass copies it (what the pull wrote reads back as equal) and pushes it.
    await updateState(db, (state) => ({ ...state, lastSyncedAt: now(), lastError: undefined }), now());
    return { pushed: first.written, applied: pulled.applied, rejected: pulled.rejected };
  }
  // What the pull wrote into Tend comes back through the outbox (equal: nothing is written) with any local edit made meanwhile.
  const second = await copyOutbox(db, local, first.seq, now(), pulled.agreed);
  // Up to the pull's end the replica holds what the first push sent and what came from the server,
  // unless the pull wrote documents of its own there: then the push walks it all from its checkpoint.
  const fromServerOnly = leftOver.rewrote === 0 && pulled.rewrote === 0;
  await local.replicate.to(remote, fromServerOnly ? { ...AFTER_PULL, since: end } : AFTER_PULL);
  await updateState(db, (state) => ({ ...state, pushedSeq: second.seq, lastSyncedAt: now(), lastError: undefined }), now());
  return { pushed: first.written + second.written, applied: pulled.applied, rejected: pulled.rejected };
}
