/**
 * What follows every bulk write the worker makes for the options page (import, undo, restore,
 * delete everything): the search index, the follow-up alarms and the open pages learn of it here,
 * so no page has to announce a change it made.
 */
import type { TendDatabase } from '../../db/schema';
import { broadcast } from '../../messaging/client';
import { dropSearchIndex, queueReindex } from '../../search/live-index';
import { syncFollowUps } from '../followups/alarms-sync';

/** What a bulk write changed: some records, or everything (restore, delete everything). */
export type BulkChange =
  | { kind: 'records'; contactIds: string[]; interactionIds: string[] }
  | { kind: 'everything'; contactIds: string[] };

/** After a bulk write committed: update the search index, rebuild alarms, tell open pages which people changed. */
export async function afterBulkWrite(db: TendDatabase, change: BulkChange, clock: () => number = Date.now): Promise<void> {
  if (change.kind === 'records') queueReindex(db, { contactIds: change.contactIds, interactionIds: change.interactionIds });
  // Too many records to re-read one by one: the next search rebuilds the index.
  else dropSearchIndex(db);
  // A failed alarm sync is logged by syncFollowUps; the write itself succeeded and is reported so.
  await syncFollowUps(db, clock).catch(() => undefined);
  await broadcast({ type: 'changed', contactIds: [...new Set(change.contactIds)] });
}
