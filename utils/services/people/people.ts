import { getContact, putContact } from '../../db/contacts-repo';
import { findContactIdByIdentity, linkIdentity } from '../../db/identities-repo';
import { listTimeline } from '../../db/interactions-repo';
import { readTx, writeTx, type TendDatabase } from '../../db/schema';
import { TendError } from '../../errors';
import { t } from '../../i18n';
import { newId } from '../../ids';
import type { Contact, Interaction } from '../../model/records';
import { cleanName, toEmailAddress } from '../../identity/addresses';
import { searchPeople } from '../../search/search';

/** Contacts by id, in the order asked, skipping any that are gone. */
export async function getContacts(db: TendDatabase, ids: string[]): Promise<Contact[]> {
  const tx = readTx(db, ['contacts']);
  const found = await Promise.all(ids.map((id) => getContact(tx, id)));
  return found.filter((contact): contact is Contact => contact !== undefined);
}

/** People whose name, addresses, organisation or tags have words starting with the query's words; best first. */
export function findPeople(db: TendDatabase, query: string, limit: number): Promise<Contact[]> {
  return searchPeople(db, query, limit);
}

/** Add a person by hand. An address someone already has returns that person instead of a twin. */
export async function createContact(db: TendDatabase, input: { displayName?: string; email?: string }, now: number): Promise<Contact> {
  const email = input.email ? toEmailAddress(input.email) : undefined;
  if (input.email && !email) throw new TendError('invalid', t('errorNotAnEmail', input.email));
  const name = cleanName(input.displayName);
  if (!name && !email) throw new TendError('invalid', t('errorNameOrEmail'));
  const tx = writeTx(db, ['contacts', 'identities']);
  const identity = email ? { kind: 'email' as const, value: email } : undefined;
  const ownerId = identity && (await findContactIdByIdentity(tx, identity));
  const owner = ownerId && (await getContact(tx, ownerId));
  if (owner) {
    await tx.done;
    return owner;
  }
  const contact: Contact = {
    id: newId(now),
    displayName: name ?? email!,
    identities: identity ? [identity] : [],
    tags: [],
    createdAt: now,
    updatedAt: now,
  };
  await putContact(tx, contact);
  if (identity) await linkIdentity(tx, identity, contact.id);
  await tx.done;
  return contact;
}

/** The newest notes and logged interactions (not sightings) of these people, newest first. */
export async function recentEntries(db: TendDatabase, contactIds: string[], limit: number): Promise<Interaction[]> {
  const tx = readTx(db, ['timeline', 'interactions']);
  const byId = new Map<string, Interaction>();
  for (const contactId of contactIds) {
    for (const entry of await listTimeline(tx, contactId, 50)) if (entry.kind !== 'sighting') byId.set(entry.id, entry);
  }
  return [...byId.values()].sort((a, b) => b.at - a.at || b.id.localeCompare(a.id)).slice(0, limit);
}
