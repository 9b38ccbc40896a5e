/**
 * Sharing with the team (issue 18): a note or follow-up of the user's own becomes `shared`, and
 * the next team pass copies it into the team database with the user as its author. Sightings and
 * stage changes are Tend's own records and never shared; a teammate's entry is already theirs.
 */
import { getFollowUp, putFollowUp } from '../../db/followups-repo';
import { getInteraction, updateInteraction } from '../../db/interactions-repo';
import { writeTx, type TendDatabase } from '../../db/schema';
import { TendError } from '../../errors';
import { t } from '../../i18n';
import type { FollowUp, Interaction } from '../../model/records';

/** Share one of the user's entries with the team; sharing a shared one changes nothing. */
export async function shareEntry(db: TendDatabase, interactionId: string): Promise<Interaction> {
  const tx = writeTx(db, ['interactions']);
  const entry = await getInteraction(tx, interactionId);
  const refusal = !entry
    ? new TendError('not-found', t('errorEntryGoneShort'))
    : entry.kind === 'sighting' || entry.kind === 'stage'
      ? new TendError('forbidden', t('errorAutomaticNotShared'))
      : entry.author !== undefined
        ? new TendError('forbidden', t('errorTeammateEntryNotEditable', entry.author))
        : undefined;
  if (refusal || !entry) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw refusal;
  }
  if (entry.shared) {
    await tx.done;
    return entry;
  }
  const shared: Interaction = { ...entry, shared: true };
  await updateInteraction(tx, shared);
  await tx.done;
  return shared;
}

/** Share one of the user's follow-ups with the team; sharing a shared one changes nothing. */
export async function shareFollowUp(db: TendDatabase, followUpId: string): Promise<FollowUp> {
  const tx = writeTx(db, ['followUps']);
  const followUp = await getFollowUp(tx, followUpId);
  const refusal = !followUp
    ? new TendError('not-found', t('errorFollowUpGone'))
    : followUp.author !== undefined
      ? new TendError('forbidden', t('errorTeammateEntryNotEditable', followUp.author))
      : undefined;
  if (refusal || !followUp) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw refusal;
  }
  if (followUp.shared) {
    await tx.done;
    return followUp;
  }
  const shared: FollowUp = { ...followUp, shared: true };
  await putFollowUp(tx, shared);
  await tx.done;
  return shared;
}
