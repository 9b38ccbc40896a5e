/**
 * Rows of the stores that Tend derives or keeps for itself, next to the records they serve:
 * the identity index, the per-person timeline, and the change log (database v4).
 */
import type { Identity } from './records';

/** One row of the identity index: a normalised identity belongs to exactly one contact. */
export interface IdentityRecord {
  /** `${kind}:${value}`, e.g. `email:ada@example.com`: unique across all contacts. */
  key: string;
  kind: Identity['kind'];
  value: string;
  contactId: string;
}

/** One row of a contact's timeline: ordered by time, so the newest N are one reverse range read. */
export interface TimelineLink {
  contactId: string;
  at: number;
  interactionId: string;
}

/** The stores whose records are the user's data: the ones the change log records. */
export const LOGGED_STORES = ['contacts', 'interactions', 'followUps'] as const;
export type LoggedStore = (typeof LOGGED_STORES)[number];

/** How a record changed: written (added or replaced), deleted, or its whole store emptied. */
export type ChangeOp = 'put' | 'delete' | 'clear';

/**
 * One entry of the append-only `changes` store (v4), written in the same transaction as the change
 * it records. `seq` orders every change on this device: the search index catches up from it after
 * a worker restart, and sync (next) reads its outbox from it. The record itself is not copied: the
 * store holds its current version.
 */
export interface ChangeRecord {
  seq?: number;
  store: LoggedStore;
  /** The record's id; absent for `clear`. */
  id?: string;
  op: ChangeOp;
  at: number;
  /** The writer's origin when it named one (a sync pull's own writes are not pending changes). */
  origin?: string;
}

/** A saved state of an in-memory index (v4 `snapshots` store): what it holds up to change `seq`. */
export interface SnapshotRecord {
  name: string;
  /** The last change (ChangeRecord.seq) the saved state includes; 0 when the log was empty. */
  seq: number;
  savedAt: number;
  /** The index's own format, checked by the index that reads it. */
  data: unknown;
}
