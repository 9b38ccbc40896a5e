/** Editing and deleting follow-ups, and bringing a deleted one back (undo). Each is one transaction. */
import { getContact } from '../../db/contacts-repo';
import { addFollowUp, getFollowUp, putFollowUp, removeFollowUp } from '../../db/followups-repo';
import { getInteraction } from '../../db/interactions-repo';
import { writeTx, type TendDatabase } from '../../db/schema';
import { TendError } from '../../errors';
import { t } from '../../i18n';
import type { FollowUp } from '../../model/records';
import { isInThePast } from '../../time/followup-times';
import { abortWith } from './writes';

/** A follow-up's new text and due time, as the editor sends them. */
export interface FollowUpEdit {
  text: string;
  due: number;
  /** The user confirmed a due time in the past (it is due at once). */
  confirmPast: boolean;
}

/**
 * Change what a follow-up says and when it is due. A new due time starts it over: a snooze and
 * the note of a notification already shown no longer apply (it reminds again at the new time);
 * one in the past needs the user's confirmation, like a new follow-up.
 */
export async function editFollowUp(db: TendDatabase, id: string, edit: FollowUpEdit, now: number): Promise<FollowUp> {
  const tx = writeTx(db, ['followUps']);
  const current = await getFollowUp(tx, id);
  if (!current) return abortWith(tx, new TendError('not-found', t('errorFollowUpGone')));
  const moved = edit.due !== current.due;
  if (moved && isInThePast(edit.due, now) && !edit.confirmPast) return abortWith(tx, new TendError('invalid', t('errorFollowUpPast')));
  let next: FollowUp = { ...current, text: edit.text };
  if (moved) {
    const { snoozedUntil: _snooze, notifiedFor: _notified, ...rest } = next;
    // A confirmed time in the past: the user knows it is due, no notification repeats it.
    next = { ...rest, due: edit.due, ...(edit.due <= now && { notifiedFor: edit.due }) };
  }
  await putFollowUp(tx, next);
  await tx.done;
  return next;
}

/** Delete a follow-up; returns it as it was (the page keeps it for undo), or null when already gone. */
export async function deleteFollowUp(db: TendDatabase, id: string): Promise<FollowUp | null> {
  const tx = writeTx(db, ['followUps']);
  const removed = await removeFollowUp(tx, id);
  await tx.done;
  return removed ?? null;
}

/**
 * Put a deleted follow-up back as it was (undo). Its person must still be in Tend; the entry it
 * followed up on may be gone since (then it no longer points at it). Already back: unchanged.
 */
export async function restoreFollowUp(db: TendDatabase, followUp: FollowUp): Promise<FollowUp> {
  const tx = writeTx(db, ['contacts', 'interactions', 'followUps']);
  const existing = await getFollowUp(tx, followUp.id);
  if (existing) {
    await tx.done;
    if (existing.contactId !== followUp.contactId) throw new TendError('invalid', t('errorFollowUpOtherPerson'));
    return existing;
  }
  if (!(await getContact(tx, followUp.contactId))) return abortWith(tx, new TendError('not-found', t('errorPersonGone')));
  const entry = followUp.entryId ? await getInteraction(tx, followUp.entryId) : undefined;
  const { entryId: _entry, ...withoutEntry } = followUp;
  const restored = followUp.entryId && !entry?.contactIds.includes(followUp.contactId) ? withoutEntry : followUp;
  await addFollowUp(tx, restored);
  await tx.done;
  return restored;
}
