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

/** Every follow-up, oldest due first (the by-due index). */
export function listAllFollowUps(tx: ReadTx): Promise<FollowUp[]> {
  return tx.objectStore('followUps').index('by-due').getAll();
}

/** One person's follow-ups, in no particular order. */
export function listFollowUpsOf(tx: ReadTx, contactId: string): Promise<FollowUp[]> {
  return tx.objectStore('followUps').index('by-contact').getAll(contactId);
}
