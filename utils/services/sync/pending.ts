/**
 * "What is pending": the records changed here since the last push, not counting what a pull
 * applied (it came from the server). Counted as the log grows: each status reads only the rows
 * logged since the one before it. Reading every row after the push each time (the options page
 * asks after each change of sync's state, the bench once a second) cost 4.3 s of the worker during
 * a 5,000-record initial sync (load 5-8), as the pull's own rows piled up behind the checkpoint.
 */
import { changesSince, hasChange } from '../../db/changes-repo';
import type { TendDatabase } from '../../db/schema';
import { SYNC_ORIGIN } from './pull';

/** The ids seen after a push checkpoint, up to the last row read. */
interface Counted {
  pushed: number;
  readTo: number;
  ids: Set<string>;
}

/** How many records changed here after `pushed` (one counter per database: it keeps what it read). */
export type PendingCounter = (db: TendDatabase, pushed: number) => Promise<number>;

/** A counter that reads each row of the log once while the push checkpoint stays where it is. */
export function pendingCounter(): PendingCounter {
  let counted: Counted | undefined;
  return async (db, pushed) => {
    // Another checkpoint, or a log cleared since (its rows are gone): count again from the checkpoint.
    if (counted?.pushed !== pushed || (counted.readTo > pushed && !(await hasChange(db, counted.readTo)))) {
      counted = { pushed, readTo: pushed, ids: new Set() };
    }
    const kept = counted;
    const rows = await changesSince(db, kept.readTo);
    for (const change of rows) if (change.origin !== SYNC_ORIGIN) kept.ids.add(`${change.store}/${change.id ?? '*'}`);
    // Two statuses asked at once read the same rows: the set is the same, and the mark never goes back.
    kept.readTo = Math.max(kept.readTo, rows.at(-1)?.seq ?? kept.readTo);
    return kept.ids.size;
  };
}
