import { FollowUp } from '../model/records';
import type { ReadTx, WriteTx } from './schema';

/** A follow-up by id. */
export function getFollowUp(tx: ReadTx, id: string): Promise<FollowUp | undefined> {
  return tx.objectStore('followUps').get(id);
}

/** Write a follow-up; the schema checks it first, so an invalid date never reaches the store. */
export async function putFollowUp(tx: WriteTx, followUp: FollowUp): Promise<void> {
  await tx.objectStore('followUps').put(FollowUp.parse(followUp));
}

/**
 * Add a follow-up as stored (a restore: the backup reader checked it); one with the same id
 * already there fails the transaction.
 */
export async function addFollowUp(tx: WriteTx, followUp: FollowUp): Promise<void> {
  await tx.objectStore('followUps').add(followUp);
}

/** Every follow-up, oldest due first (the by-due index). */
export function listAllFollowUps(tx: ReadTx): Promise<FollowUp[]> {
  return tx.objectStore('followUps').index('by-due').getAll();
}

/** One person's follow-ups, in no particular order. */
export function listFollowUpsOf(tx: ReadTx, contactId: string): Promise<FollowUp[]> {
  return tx.objectStore('followUps').index('by-contact').getAll(contactId);
}

/**
 * Move every follow-up of `from` to `to` (a merge); returns their ids. They are written as stored:
 * a merge must not fail on an older follow-up the schema has since grown stricter about.
 */
export async function moveAllFollowUps(tx: WriteTx, from: string, to: string): Promise<string[]> {
  const followUps = await listFollowUpsOf(tx, from);
  await Promise.all(followUps.map((followUp) => tx.objectStore('followUps').put({ ...followUp, contactId: to })));
  return followUps.map((followUp) => followUp.id);
}

/** Move one follow-up from `from` to `to` if it is still `from`'s (written as stored, like moveAllFollowUps); true when moved. */
export async function moveFollowUp(tx: WriteTx, id: string, from: string, to: string): Promise<boolean> {
  const followUp = await getFollowUp(tx, id);
  if (followUp?.contactId !== from) return false;
  await tx.objectStore('followUps').put({ ...followUp, contactId: to });
  return true;
}

/** Remove a follow-up; returns it as it was, or undefined when it was not there. */
export async function removeFollowUp(tx: WriteTx, id: string): Promise<FollowUp | undefined> {
  const followUp = await getFollowUp(tx, id);
  if (followUp) await tx.objectStore('followUps').delete(id);
  return followUp;
}
