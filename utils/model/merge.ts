/** What a merge of two people leaves behind (the `merges` store, database v3), so it can be undone. */
import { z } from 'zod';
import { Contact } from './records';

const epochMs = z.number().int().nonnegative();

/** One merge as recorded: both people before it, the kept person after it, and what moved. */
export const MergeRecord = z.object({
  id: z.uuid(),
  at: epochMs,
  keptId: z.uuid(),
  mergedId: z.uuid(),
  /** Both people exactly as they were before the merge. */
  keptBefore: Contact,
  mergedBefore: Contact,
  /** The kept person as the merge wrote them: a field still equal to this was not edited since. */
  keptAfter: Contact,
  /** Identity index keys that belonged to the merged person and moved to the kept one. */
  movedIdentityKeys: z.array(z.string()),
  /** The merged person's timeline entries, with the people each was linked to before. */
  entries: z.array(z.object({ id: z.uuid(), at: epochMs, contactIds: z.array(z.uuid()) })),
  followUpIds: z.array(z.uuid()),
  undoneAt: epochMs.optional(),
});
export type MergeRecord = z.infer<typeof MergeRecord>;

/**
 * A merge as sync replicates it (`merge:<id>` documents, issue 18): the whole record, so every
 * device can apply it to what it still holds of the merged person, and undo it.
 */
export const MergeDocument = z.object({ kind: z.literal('merge'), record: MergeRecord });
export type MergeDocument = z.infer<typeof MergeDocument>;
