/**
 * Pull, the common batch: records that came written or replaced (no deletion among them) applied
 * with every read they need asked at once, before the first write, and their writes made without
 * waiting for each other. A 5,000-record initial sync waited on each record's requests one after
 * another (the record here, its addresses, each address's owner, then each write): its worker sat
 * idle 17.7 of 30.8 s. IndexedDB runs a transaction's requests in the order they are made, so what
 * one record of the batch decides from another's write (an address claimed or released, a dedupe
 * key taken) is read from what the batch itself wrote, as the one-at-a-time path (apply.ts) reads
 * it from the store: both end in the same state (unit sync-apply-batch).
 */
import { addContact, putContact } from '../../db/contacts-repo';
import { putFollowUp } from '../../db/followups-repo';
import { identitiesOf, linkIdentity, ownerOfIdentityKey, releaseIdentityKey } from '../../db/identities-repo';
import { findByDedupeKey } from '../../db/interactions-repo';
import { identityKey, type IdentityRecord, type WriteTx } from '../../db/schema';
import type { Contact, FollowUp, Interaction } from '../../model/records';
import { recordHere, settledHere, writeEntry, type Applied } from './apply';
import type { SyncedRecord } from './documents';

/** What the batch's records find here, read at once, then kept as the batch's own writes change it. */
interface Ahead {
  held: (Contact | Interaction | FollowUp | undefined)[];
  /** The identity rows each contact of the batch holds, by contact id. */
  rows: Map<string, IdentityRecord[]>;
  /** Who holds each address of the batch's contacts (undefined: free). */
  owners: Map<string, string | undefined>;
  /** Which entry holds each dedupe key of the batch's entries (undefined: none). */
  dedupe: Map<string, string | undefined>;
}

async function readAhead(tx: WriteTx, batch: readonly SyncedRecord[]): Promise<Ahead> {
  const contacts = batch.flatMap((synced) => (synced.kind === 'contact' ? [synced.record] : []));
  const keys = [...new Set(contacts.flatMap((contact) => contact.identities.map(identityKey)))];
  const dedupeKeys = [...new Set(batch.flatMap((synced) => (synced.kind === 'entry' && synced.record.dedupeKey ? [synced.record.dedupeKey] : [])))];
  const [held, rows, owners, holders] = await Promise.all([
    Promise.all(batch.map((synced) => recordHere(tx, synced.kind, synced.record.id))),
    Promise.all(contacts.map((contact) => identitiesOf(tx, contact.id))),
    Promise.all(keys.map((key) => ownerOfIdentityKey(tx, key))),
    Promise.all(dedupeKeys.map((key) => findByDedupeKey(tx, key))),
  ]);
  const ahead: Ahead = {
    held,
    rows: new Map(contacts.map((contact, i) => [contact.id, rows[i]!])),
    owners: new Map(keys.map((key, i) => [key, owners[i]])),
    dedupe: new Map(dedupeKeys.map((key, i) => [key, holders[i]?.id])),
  };
  for (const row of rows.flat()) ahead.owners.set(row.key, row.contactId);
  return ahead;
}

/**
 * Apply these records (none deleted; merge facts already applied in this transaction), each with
 * its base, in order; returns what each did. The same rules as `applyDocument`, read ahead.
 */
export async function applyUpserts(tx: WriteTx, batch: readonly { synced: SyncedRecord; base: unknown }[]): Promise<Applied[]> {
  const ahead = await readAhead(
    tx,
    batch.map(({ synced }) => synced),
  );
  const writes: Promise<unknown>[] = [];
  const applied = batch.map(({ synced, base }, i): Applied => {
    const local = ahead.held[i];
    const settled = settledHere(local, synced.record, base);
    if (settled) return settled;
    if (synced.kind === 'contact') writes.push(...writeContactAhead(tx, synced.record, local !== undefined, ahead));
    else if (synced.kind === 'entry') {
      const { id, dedupeKey } = synced.record;
      // The key is unique: a second fact of the same thread and day is not written (it would fail the pull).
      if (!local && dedupeKey && (ahead.dedupe.get(dedupeKey) ?? id) !== id) return 'kept-local';
      // Kept as taken (never released here): entries keep their dedupe key.
      if (dedupeKey) ahead.dedupe.set(dedupeKey, id);
      writes.push(writeEntry(tx, synced.record, local as Interaction | undefined));
    } else writes.push(putFollowUp(tx, synced.record));
    return 'written';
  });
  await Promise.all(writes);
  return applied;
}

/** `writeContact`'s writes, decided from what was read ahead: addresses it lost released, new ones claimed when free. */
function writeContactAhead(tx: WriteTx, contact: Contact, isHere: boolean, ahead: Ahead): Promise<unknown>[] {
  const writes: Promise<unknown>[] = [isHere ? putContact(tx, contact) : addContact(tx, contact)];
  const keys = new Set(contact.identities.map(identityKey));
  for (const row of ahead.rows.get(contact.id) ?? []) {
    if (keys.has(row.key) || ahead.owners.get(row.key) !== contact.id) continue;
    ahead.owners.set(row.key, undefined);
    writes.push(releaseIdentityKey(tx, row.key));
  }
  for (const identity of contact.identities) {
    const key = identityKey(identity);
    // An address another person here holds stays theirs: the index is unique (the same person on two devices).
    if (ahead.owners.get(key) !== undefined) continue;
    ahead.owners.set(key, contact.id);
    writes.push(linkIdentity(tx, identity, contact.id));
  }
  return writes;
}
