/**
 * Sharing with the team (issue 18): a note or follow-up of the user's own becomes `shared`, and
 * the next team pass copies it into the team database with the user as its author. Sightings and
 * stage changes are Tend's own records and never shared; a teammate's entry is already theirs.
 */
import { getFollowUp, putFollowUp } from '../../db/followups-repo';
import { getInteraction, updateInteraction } from '../../db/interactions-repo';
import { writeTx, type TendDatabase, type WriteTx } from '../../db/schema';
import { TendError } from '../../errors';
import { t } from '../../i18n';
import type { FollowUp, Interaction } from '../../model/records';

/** Share one of the user's entries with the team; sharing a shared one changes nothing. */
export function shareEntry(db: TendDatabase, interactionId: string): Promise<Interaction> {
  return markShared(db, 'interactions', {
    read: (tx) => getInteraction(tx, interactionId),
    refusal: (entry) =>
      !entry
        ? new TendError('not-found', t('errorEntryGoneShort'))
        : entry.kind === 'sighting' || entry.kind === 'stage'
          ? new TendError('forbidden', t('errorAutomaticNotShared'))
          : teammatesRefusal(entry),
    write: updateInteraction,
  });
}

/** Share one of the user's follow-ups with the team; sharing a shared one changes nothing. */
export function shareFollowUp(db: TendDatabase, followUpId: string): Promise<FollowUp> {
  return markShared(db, 'followUps', {
    read: (tx) => getFollowUp(tx, followUpId),
    refusal: (followUp) => (!followUp ? new TendError('not-found', t('errorFollowUpGone')) : teammatesRefusal(followUp)),
    write: putFollowUp,
  });
}

/** A teammate's record is theirs: it cannot be shared again as this user's. */
const teammatesRefusal = (record: { author?: string | undefined }) =>
  record.author === undefined ? undefined : new TendError('forbidden', t('errorTeammateEntryNotEditable', record.author));

interface Sharing<T> {
  read(tx: WriteTx): Promise<T | undefined>;
  /** Why it cannot be shared (undefined: it can). */
  refusal(record: T | undefined): TendError | undefined;
  write(tx: WriteTx, record: T): Promise<void>;
}

/** Read, check and mark a record shared in one transaction; a refusal writes nothing. */
async function markShared<T extends { shared?: true | undefined }>(db: TendDatabase, store: 'interactions' | 'followUps', sharing: Sharing<T>): Promise<T> {
  const tx = writeTx(db, [store]);
  const record = await sharing.read(tx);
  const refusal = sharing.refusal(record);
  if (refusal || !record) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw refusal;
  }
  if (record.shared) {
    await tx.done;
    return record;
  }
  const shared: T = { ...record, shared: true };
  await sharing.write(tx, shared);
  await tx.done;
  return shared;
}
