/**
 * What deleting a person leaves behind so it can be undone: kept in the `snapshots` store (under
 * `undo-delete:<contactId>`), written in the transaction that deletes, read back on undo.
 */
import { z } from 'zod';
import { DraftRecordSchema } from './drafts';
import { TabPerson, type Contact, type FollowUp, type Interaction } from './records';
import type { IdentityRecord } from './rows';

/** The name prefix of undo records in the snapshots store. */
export const UNDO_DELETE_PREFIX = 'undo-delete:';
/** How long a deleted person can be brought back: after that, what undo needs is dropped. */
export const UNDO_DELETE_KEEP_MS = 30 * 60 * 1000;

/** The snapshot name of a person's undo record. */
export const undoDeleteName = (contactId: string): string => `${UNDO_DELETE_PREFIX}${contactId}`;

// The records are kept exactly as they were stored: undo writes them back unchanged, so they are
// checked for shape only (an older record the schema has since grown stricter about still comes back).
const stored = <T>() => z.custom<T>((value) => typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string');
const identityRow = z.custom<IdentityRecord>((value) => typeof value === 'object' && value !== null && typeof (value as { key?: unknown }).key === 'string');

/** A row of a person's tab list removed with them (put back on undo while the tab shows the same page). */
export const RemovedTabRow = z.object({ tabId: z.number().int().nonnegative(), url: z.string(), index: z.number().int().nonnegative(), row: TabPerson });
export type RemovedTabRow = z.infer<typeof RemovedTabRow>;

/** Everything a delete removed or changed, as it was before. */
export const DeletionRecord = z.object({
  deletedAt: z.number(),
  contact: stored<Contact>(),
  identities: z.array(identityRow),
  followUps: z.array(stored<FollowUp>()),
  /** Entries only this person had: removed with them. */
  removedEntries: z.array(stored<Interaction>()),
  /** Entries shared with others, with their people before (only this person was taken off). */
  sharedEntries: z.array(z.object({ id: z.string(), contactIds: z.array(z.string()) })),
  /** Addresses and profile URLs this delete added to the never-record list. */
  neverRecorded: z.array(z.string()),
  tabRows: z.array(RemovedTabRow).default([]),
  /** Unsaved drafts about the person, their follow-ups or their own entries, removed with them. */
  drafts: z.array(DraftRecordSchema).default([]),
});
export type DeletionRecord = z.infer<typeof DeletionRecord>;
