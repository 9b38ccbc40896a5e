/**
 * Pull, last step: a replicated document written into Tend's stores through the same repos every
 * other write uses (the identity index and the timeline follow), inside the pull's transaction.
 * A document equal to the record writes nothing (the echo of this device's own push); a record
 * edited in Tend since it last agreed with the replica is left for the next push to merge.
 */
import { addContact, getContact, hasHistory, putContact, removeContact } from '../../db/contacts-repo';
import { getFollowUp, putFollowUp, removeFollowUp } from '../../db/followups-repo';
import { identitiesOf, linkIdentity, moveAllIdentities, ownerOfIdentityKey, unlinkIdentityKey } from '../../db/identities-repo';
import { openMergeOf } from '../../db/merges-repo';
import { addInteraction, findByDedupeKey, getInteraction, removeInteraction, updateInteraction } from '../../db/interactions-repo';
import { identityKey, type WriteTx } from '../../db/schema';
import type { Contact, FollowUp, Interaction } from '../../model/records';
import { sameValue, type ReadDocument, type SyncKind } from './documents';

/** The stores a pull writes (its state record is in `settings`, the bases beside the records in `syncBases`). */
export const APPLY_STORES = ['contacts', 'identities', 'interactions', 'timeline', 'followUps', 'merges', 'settings', 'syncBases'] as const;

/** What applying one document did. */
export type Applied = 'written' | 'unchanged' | 'kept-local';

/** The record of this kind and id as Tend holds it (undefined: none). */
export function recordHere(tx: WriteTx, kind: SyncKind, id: string): Promise<Contact | Interaction | FollowUp | undefined> {
  return kind === 'contact' ? getContact(tx, id) : kind === 'entry' ? getInteraction(tx, id) : getFollowUp(tx, id);
}

/**
 * What a document does to the record here that needs no write: nothing ('unchanged': equal, or a
 * deletion of what is not here) or nothing yet ('kept-local': edited here since the replica last
 * had it, never overwritten; the next push merges both). Undefined: it is to be written.
 */
export function settledHere(local: unknown, incoming: unknown, base: unknown): Exclude<Applied, 'written'> | undefined {
  if (incoming !== undefined && local && sameValue(local, incoming)) return 'unchanged';
  if (!local && incoming === undefined) return 'unchanged';
  if (local && base != null && !sameValue(local, base)) return 'kept-local';
  return undefined;
}

/** Apply one checked document; `base` is the record Tend and the replica last agreed on (undefined: none kept). */
export async function applyDocument(tx: WriteTx, read: Extract<ReadDocument, { ok: true }>, base: unknown): Promise<Applied> {
  const kind: SyncKind = read.deleted ? read.kind : read.synced.kind;
  const id = read.deleted ? read.id : read.synced.record.id;
  const local = await recordHere(tx, kind, id);
  const settled = settledHere(local, read.deleted ? undefined : read.synced.record, base);
  if (settled) return settled;
  if (read.deleted) return deleteRecord(tx, kind, id);
  const { synced } = read;
  if (synced.kind === 'contact') await writeContact(tx, synced.record, local as Contact | undefined);
  else if (synced.kind === 'entry') {
    if (!local && (await dedupeKeyTaken(tx, synced.record))) return 'kept-local';
    await writeEntry(tx, synced.record, local as Interaction | undefined);
  } else await putFollowUp(tx, synced.record);
  return 'written';
}

/** Write a contact and keep the identity index in step: addresses it lost are released, new ones claimed when free. */
export async function writeContact(tx: WriteTx, contact: Contact, local: Contact | undefined): Promise<void> {
  if (local) await putContact(tx, contact);
  else await addContact(tx, contact);
  const keys = new Set(contact.identities.map(identityKey));
  for (const row of await identitiesOf(tx, contact.id)) if (!keys.has(row.key)) await unlinkIdentityKey(tx, row.key, contact.id);
  for (const identity of contact.identities) {
    // An address another person here holds stays theirs: the index is unique (the same person on two devices).
    if ((await ownerOfIdentityKey(tx, identityKey(identity))) === undefined) await linkIdentity(tx, identity, contact.id);
  }
}

/**
 * True when another entry here holds this entry's dedupe key (the same thread seen on two devices
 * the same day): the key is unique, so the second fact is not written (it would fail the pull).
 */
async function dedupeKeyTaken(tx: WriteTx, entry: { dedupeKey?: string; id: string }): Promise<boolean> {
  if (!entry.dedupeKey) return false;
  const holder = await findByDedupeKey(tx, entry.dedupeKey);
  return holder !== undefined && holder.id !== entry.id;
}

/** Write an entry; one that moved in time or changed people gets its timeline links again. */
export async function writeEntry(tx: WriteTx, entry: Interaction, local: Interaction | undefined): Promise<void> {
  const people = (e: Interaction) => [...new Set(e.contactIds)].sort().join();
  if (local && local.at === entry.at && people(local) === people(entry)) return updateInteraction(tx, entry);
  if (local) await removeInteraction(tx, entry.id);
  await addInteraction(tx, entry);
}

/** Delete a record the server deleted; a person who still has history here is kept (nothing is lost). */
async function deleteRecord(tx: WriteTx, kind: SyncKind, id: string): Promise<Applied> {
  if (kind === 'entry') await removeInteraction(tx, id);
  else if (kind === 'followup') await removeFollowUp(tx, id);
  else {
    if (await hasHistory(tx, id)) return 'kept-local';
    // A person merged away on another device: their addresses go to whom they were merged into.
    const merge = await openMergeOf(tx, id);
    if (merge && (await getContact(tx, merge.keptId))) await moveAllIdentities(tx, id, merge.keptId);
    for (const row of await identitiesOf(tx, id)) await unlinkIdentityKey(tx, row.key, id);
    await removeContact(tx, id);
  }
  return 'written';
}
