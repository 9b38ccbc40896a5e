/**
 * One pass with the team database (after the private pass): what the team may see copied into
 * the team replica and pushed, the teammates' changes pulled and applied. A server that refuses
 * the team database (the user is not, or no longer, a member) fails the pass with `team-forbidden`;
 * nothing local is touched by that, and the private space syncs on.
 */
import type { TendDatabase } from '../../db/schema';
import { SyncError, syncErrorOf } from './errors';
import type { Replica } from './replicas';
import { readState, updateState } from './state';
import { copyToTeam } from './team-push';
import { applyTeamChanges } from './team-pull';

const REPLICATION = { batch_size: 100 } as const;

/** What a team pass did. */
export interface TeamPassOutcome {
  pushed: number;
  applied: number;
  rejected: number;
}

/** Run one pass between Tend's database, the team replica and the team database; `member` is this user. */
export async function runTeamPass(db: TendDatabase, local: Replica, remote: Replica, member: string, now: () => number): Promise<TeamPassOutcome> {
  const pushed = await pushToTeam(db, local, remote, member, now);
  await teamReplication(local.replicate.from(remote, REPLICATION));
  const pulled = await applyTeamChanges(db, local, member, now());
  return { pushed, ...pulled };
}

/**
 * Copy what the team may see of the changes since the last team push and push it; returns the
 * documents written. Run again after the private pass: what that pass pulled from the user's
 * other devices reaches the team in the same pass (echoes of the team's own write nothing).
 */
export async function pushToTeam(db: TendDatabase, local: Replica, remote: Replica, member: string, now: () => number): Promise<number> {
  const copied = await copyToTeam(db, local, member, (await readState(db)).teamPushedSeq);
  if (copied.written > 0) await teamReplication(local.replicate.to(remote, REPLICATION));
  await updateState(db, (state) => ({ ...state, teamPushedSeq: copied.seq }), now());
  return copied.written;
}

/** A replication with the team database; its refusal (401, 403, or a database the user may not see) said as no access to the team. */
async function teamReplication(replication: PromiseLike<unknown>): Promise<void> {
  try {
    await replication;
  } catch (error) {
    const failure = syncErrorOf(error);
    if (failure.code === 'unauthorized' || failure.code === 'forbidden' || (error as { status?: number }).status === 404)
      throw new SyncError('team-forbidden', failure.message);
    throw failure;
  }
}
