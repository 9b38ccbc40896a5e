import type { Contact } from '../model/records';
import { getInteraction, timelineRange } from './interactions-repo';
import type { ReadTx, WriteTx } from './schema';

/** A contact by id. */
export function getContact(tx: ReadTx, id: string): Promise<Contact | undefined> {
  return tx.objectStore('contacts').get(id);
}

/** Write a contact as given (callers set updatedAt). */
export async function putContact(tx: WriteTx, contact: Contact): Promise<void> {
  await tx.objectStore('contacts').put(contact);
}

/** Add a new contact; one with the same id already there fails the transaction (nothing is overwritten). */
export async function addContact(tx: WriteTx, contact: Contact): Promise<void> {
  await tx.objectStore('contacts').add(contact);
}

/** True when a contact with this id is in Tend (a key read: the record is not loaded). */
export async function contactExists(tx: ReadTx, id: string): Promise<boolean> {
  return (await tx.objectStore('contacts').getKey(id)) !== undefined;
}

/** Every contact, in id order. */
export function listAllContacts(tx: ReadTx): Promise<Contact[]> {
  return tx.objectStore('contacts').getAll();
}

/** The id of every contact. */
export function listAllContactIds(tx: ReadTx): Promise<string[]> {
  return tx.objectStore('contacts').getAllKeys();
}

/**
 * Which of these ids are people in Tend: one key lookup per distinct id, never a read of every
 * person (at 10,000 people `getAllKeys` kept the database busy 0.4-0.8 s at each worker start).
 */
export async function existingContactIds(tx: ReadTx, ids: Iterable<string>): Promise<Set<string>> {
  const store = tx.objectStore('contacts');
  const distinct = [...new Set(ids)];
  const found = await Promise.all(distinct.map((id) => store.getKey(id)));
  return new Set(distinct.filter((_, i) => found[i] !== undefined));
}

/** True when a contact has any timeline link or follow-up (counts only: nothing is loaded). */
export async function hasHistory(tx: ReadTx, contactId: string): Promise<boolean> {
  const [links, followUps] = await Promise.all([
    tx.objectStore('timeline').count(timelineRange(contactId)),
    tx.objectStore('followUps').index('by-contact').count(contactId),
  ]);
  return links + followUps > 0;
}

/**
 * Remove a contact that nothing points at any more: their identities and follow-ups, and every
 * entry listing them, must have been moved or removed first (in this transaction); otherwise the
 * whole transaction is aborted and nothing is written, so no history is left without its person.
 * Timeline links still under their id are stale (their entry is gone or no longer lists them) and
 * go with them.
 */
export async function removeContact(tx: WriteTx, id: string): Promise<void> {
  const [identities, followUps, links] = await Promise.all([
    tx.objectStore('identities').index('by-contact').count(id),
    tx.objectStore('followUps').index('by-contact').count(id),
    tx.objectStore('timeline').getAllKeys(timelineRange(id)),
  ]);
  const entries = await Promise.all(links.map(([, , entryId]) => getInteraction(tx, entryId)));
  const listing = entries.filter((entry) => entry?.contactIds.includes(id)).length;
  if (identities + followUps + listing > 0) {
    tx.abort();
    await tx.done.catch(() => undefined);
    // A bug in the caller, not something the user can act on: a plain Error, not a TendError.
    throw new Error(`Tend: contact ${id} still has ${identities} identities, ${listing} entries and ${followUps} follow-ups`);
  }
  if (links.length > 0) await tx.objectStore('timeline').delete(timelineRange(id));
  await tx.objectStore('contacts').delete(id);
}
