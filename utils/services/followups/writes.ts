/** Creating, completing and snoozing follow-ups: the writes, each in one transaction. */
import { getContact } from '../../db/contacts-repo';
import { getFollowUp, putFollowUp } from '../../db/followups-repo';
import { getInteraction } from '../../db/interactions-repo';
import { writeTx, type TendDatabase, type WriteTx } from '../../db/schema';
import { TendError } from '../../errors';
import { t } from '../../i18n';
import { isInThePast, snoozeUntil, type Snooze } from '../../time/followup-times';
import { FollowUp } from '../../model/records';
import { FOLLOW_UP_BOOKKEEPING, wakesAt } from './schedule';

/** What the page asks for when it adds a follow-up. */
export interface NewFollowUp {
  /** Chosen by the page, so a retry after a lost answer creates one follow-up, not two. */
  id: string;
  contactId: string;
  text: string;
  due: number;
  entryId?: string;
  /** The user confirmed a due time in the past (it is due at once). */
  confirmPast: boolean;
}

/** Abort a write transaction (nothing it did is kept) and throw the error the user is told. */
export async function abortWith(tx: WriteTx, error: TendError): Promise<never> {
  tx.abort();
  await tx.done.catch(() => undefined);
  throw error;
}

/**
 * Add a follow-up to a person. A due time in the past needs the user's confirmation; one they
 * confirmed is not announced again by a notification (they know it is due).
 */
export async function createFollowUp(db: TendDatabase, input: NewFollowUp, now: number): Promise<FollowUp> {
  if (isInThePast(input.due, now) && !input.confirmPast) {
    throw new TendError('invalid', t('errorFollowUpPast'));
  }
  const followUp = FollowUp.parse({
    id: input.id,
    contactId: input.contactId,
    due: input.due,
    text: input.text,
    done: false,
    createdAt: now,
    ...(input.entryId && { entryId: input.entryId }),
    ...(input.due <= now && { notifiedFor: input.due }),
  });
  const tx = writeTx(db, ['contacts', 'interactions', 'followUps']);
  const earlier = await getFollowUp(tx, input.id);
  if (earlier) {
    await tx.done;
    if (earlier.contactId !== input.contactId) throw new TendError('invalid', t('errorFollowUpOtherPerson'));
    return earlier;
  }
  if (!(await getContact(tx, input.contactId))) return abortWith(tx, new TendError('not-found', t('errorPersonGone')));
  if (input.entryId) {
    const entry = await getInteraction(tx, input.entryId);
    if (!entry?.contactIds.includes(input.contactId)) return abortWith(tx, new TendError('not-found', t('errorEntryGone')));
  }
  await putFollowUp(tx, followUp);
  await tx.done;
  return followUp;
}

/** Apply a change to one follow-up; a missing one is a not-found error. */
async function changeFollowUp(db: TendDatabase, id: string, change: (current: FollowUp) => FollowUp): Promise<FollowUp> {
  const tx = writeTx(db, ['followUps']);
  const current = await getFollowUp(tx, id);
  if (!current) return abortWith(tx, new TendError('not-found', t('errorFollowUpGone')));
  const next = change(current);
  await putFollowUp(tx, next);
  await tx.done;
  return next;
}

/** Mark a follow-up done, or not done again (undo). */
export function setFollowUpDone(db: TendDatabase, id: string, done: boolean, now: number): Promise<FollowUp> {
  return changeFollowUp(db, id, ({ doneAt: _was, ...rest }) => ({ ...rest, done, ...(done && { doneAt: now }) }));
}

/**
 * Put a follow-up off for an hour or until tomorrow morning; it is open again and notifies then.
 * A snooze only ever puts off: one not yet due keeps its later time.
 */
export function snoozeFollowUp(db: TendDatabase, id: string, snooze: Snooze, now: number): Promise<FollowUp> {
  return changeFollowUp(db, id, ({ doneAt: _was, ...rest }) => ({
    ...rest,
    done: false,
    snoozedUntil: Math.max(snoozeUntil(snooze, now), wakesAt(rest as FollowUp)),
  }));
}

/** Remember that the user was notified about this wake time, so a restart does not repeat it. */
export async function markNotified(db: TendDatabase, ids: Map<string, number>): Promise<void> {
  if (ids.size === 0) return;
  // Runs inside a resync of the reminders: a resync after it would wait for itself.
  const tx = writeTx(db, ['followUps'], { origin: FOLLOW_UP_BOOKKEEPING });
  for (const [id, wake] of ids) {
    const current = await getFollowUp(tx, id);
    if (current) await putFollowUp(tx, { ...current, notifiedFor: wake });
  }
  await tx.done;
}
