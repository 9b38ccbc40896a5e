/**
 * Drafts of a deleted person: they go with the person, in the delete's transaction, and come back
 * with an undo (text the user typed about someone is theirs as much as the person's history).
 */
import { deleteDraftRecord, getDraftRecord, listDraftRecords, putDraftRecord } from '../../db/drafts-repo';
import type { WriteTx } from '../../db/schema';
import { draftPerson, type DraftAbout, type DraftRecord } from '../../model/drafts';

/** What a draft may be about besides a person: their follow-ups and the entries deleted with them. */
export interface DraftOwners {
  contactId: string;
  followUpIds: ReadonlySet<string>;
  entryIds: ReadonlySet<string>;
}

const ownedBy = (about: DraftAbout, owners: DraftOwners): boolean =>
  draftPerson(about) === owners.contactId ||
  (about.kind === 'followUp' && owners.followUpIds.has(about.followUpId)) ||
  (about.kind === 'entry' && owners.entryIds.has(about.interactionId));

/** Remove, inside a person's delete, every draft about them, their follow-ups or their own entries; returns them (for undo). */
export async function takeDraftsOfPersonIn(tx: WriteTx, owners: DraftOwners): Promise<DraftRecord[]> {
  const theirs = (await listDraftRecords(tx)).filter((record) => ownedBy(record.about, owners));
  await Promise.all(theirs.map((record) => deleteDraftRecord(tx, record.key)));
  return theirs;
}

/** Put drafts back as they were (undoing a person's delete); a draft written since under the same key is kept. */
export async function putBackDraftsIn(tx: WriteTx, records: readonly DraftRecord[]): Promise<void> {
  await Promise.all(
    records.map(async (record) => {
      if (!(await getDraftRecord(tx, record.key))) await putDraftRecord(tx, record);
    }),
  );
}
