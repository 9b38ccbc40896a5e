/**
 * Builds a database exactly as Tend's schema v4 left it: v3's stores and records, plus the change
 * log and a saved search index (never edit this file: it is what users' databases look like). The
 * story continues v3's: the change log holds the last edit of Charles and his follow-up, and the
 * search index was saved after them.
 */
import { buildFrozenDatabase } from './released-steps';
import { V3_RECORDS } from './v3';

const CHARLES = V3_RECORDS.contacts[0].id;
const FOLLOW_UP = V3_RECORDS.followUps[0].id;

/** Every record of the v4 database, by store, in key order. */
export const V4_RECORDS = {
  ...V3_RECORDS,
  changes: [
    { seq: 1, store: 'contacts', id: CHARLES, op: 'put', at: 1_720_000_400_000 },
    { seq: 2, store: 'followUps', id: FOLLOW_UP, op: 'put', at: 1_720_000_400_001 },
  ],
  snapshots: [{ name: 'search', seq: 2, savedAt: 1_720_000_500_000, data: { format: 1, people: 1 } }],
} as const;

/** Create the v4 database `name` with V4_RECORDS in it. */
export const buildV4Database = (name: string): Promise<void> => buildFrozenDatabase(name, 4, V4_RECORDS);
