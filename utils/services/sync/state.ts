/** Sync's saved state (how far each direction got, the last outcome), read and changed in the settings store. */
import { readTx, writeTx, type TendDatabase } from '../../db/schema';
import { getSyncStateRecord, putSyncStateRecord } from '../../db/sync-repo';
import { SyncState } from '../../model/sync';

/** Sync's saved state (defaults when none). */
export async function readState(db: TendDatabase): Promise<SyncState> {
  const parsed = SyncState.safeParse((await getSyncStateRecord(readTx(db, ['settings']))) ?? {});
  return parsed.success ? parsed.data : SyncState.parse({});
}

/** Change sync's saved state, read and written in one transaction. */
export async function updateState(db: TendDatabase, change: (state: SyncState) => SyncState, now: number): Promise<void> {
  const tx = writeTx(db, ['settings']);
  const parsed = SyncState.safeParse((await getSyncStateRecord(tx)) ?? {});
  await putSyncStateRecord(tx, change(parsed.success ? parsed.data : SyncState.parse({})), now);
  await tx.done;
}
