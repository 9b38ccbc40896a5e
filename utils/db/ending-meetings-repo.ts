/**
 * The calendar events waiting to be logged when they end (issue 16), one record of the name-keyed
 * `settings` store: worker-only state, never in a backup (which keeps the user's settings record
 * only) and gone with delete everything (which clears every store).
 */
import type { ReadTx, WriteTx } from './schema';

/** The key of the waiting events' record. */
export const ENDING_MEETINGS = 'ending-meetings';

/** The stored waiting events, unchecked (the auto-log service parses them), if any. */
export async function getEndingMeetingsRecord(tx: ReadTx): Promise<unknown> {
  return (await tx.objectStore('settings').get(ENDING_MEETINGS))?.settings;
}

/** Store the waiting events, replacing the record. */
export async function putEndingMeetingsRecord(tx: WriteTx, meetings: unknown, now: number): Promise<void> {
  await tx.objectStore('settings').put({ name: ENDING_MEETINGS, settings: meetings, updatedAt: now });
}

/** Remove the record (nothing waits). */
export async function removeEndingMeetingsRecord(tx: WriteTx): Promise<void> {
  await tx.objectStore('settings').delete(ENDING_MEETINGS);
}
