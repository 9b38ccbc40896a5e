/**
 * What follows every commit of the database, whoever wrote it: reminders are rescheduled when a
 * follow-up (or a person holding some) changed, then every open page hears which people changed,
 * and whether the settings did (cadences, lists: pages that show what depends on them read again).
 * The search index follows commits on its own (utils/search/live-index.ts).
 */
import { onCommit, peopleTouched, type Change, type Commit } from '../db/commit';
import { ENDING_MEETINGS } from '../db/ending-meetings-repo';
import { SYNC_RECORDS } from '../db/sync-repo';
import type { TendDatabase } from '../db/schema';
import { broadcast } from '../messaging/client';
import { changedPeople } from '../messaging/changed';
import { FOLLOW_UP_BOOKKEEPING, syncFollowUps } from './followups/alarms-sync';

const watched = new WeakSet<TendDatabase>();

/** True when a commit may change which reminders are due (and it is not the reminders' own note-keeping). */
const movesReminders = (commit: Commit) =>
  commit.origin !== FOLLOW_UP_BOOKKEEPING &&
  commit.changes.some((change) => change.store === 'followUps' || (change.store === 'contacts' && change.op !== 'put'));

/** Start the effects of commits for this database (once per database, however often it is asked). */
export function watchCommits(db: TendDatabase, clock: () => number = Date.now): void {
  if (watched.has(db)) return;
  watched.add(db);
  onCommit(db, async (commit) => {
    if (movesReminders(commit)) await syncFollowUps(db, clock);
    const contactIds = peopleTouched(commit);
    // Sync keeps its own records in the settings store: their changes are sync's status, not the settings.
    const isSync = (change: Change) => typeof change.key === 'string' && SYNC_RECORDS.includes(change.key);
    // The meetings waiting for their end are the worker's own bookkeeping: no page shows them.
    const isOwn = (change: Change) => change.key === ENDING_MEETINGS;
    const settings = commit.changes.some((change) => change.store === 'settings' && !isSync(change) && !isOwn(change));
    const sync = commit.changes.some((change) => change.store === 'settings' && isSync(change));
    if (contactIds.length > 0 || settings || sync)
      await broadcast({ type: 'changed', ...changedPeople(contactIds), ...(settings && { settings }), ...(sync && { sync }) });
  });
}
