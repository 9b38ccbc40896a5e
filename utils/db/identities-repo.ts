import type { Identity } from '../model/records';
import { identityKey, type IdentityRecord, type ReadTx, type WriteTx } from './schema';

/** The contact an identity belongs to, if any: one index read. */
export async function findContactIdByIdentity(tx: ReadTx, identity: Identity): Promise<string | undefined> {
  return (await tx.objectStore('identities').get(identityKey(identity)))?.contactId;
}

/** Claim an identity for a contact (the identity index is unique: it moves, never duplicates). */
export async function linkIdentity(tx: WriteTx, identity: Identity, contactId: string): Promise<void> {
  await tx.objectStore('identities').put({ key: identityKey(identity), ...identity, contactId });
}

/** The contact holding an identity index key, if any. */
export async function ownerOfIdentityKey(tx: ReadTx, key: string): Promise<string | undefined> {
  return (await tx.objectStore('identities').get(key))?.contactId;
}

/** Identity key -> the contact holding it, for every identity in Tend. */
export async function identityOwners(tx: ReadTx): Promise<Map<string, string>> {
  return new Map((await tx.objectStore('identities').getAll()).map((row) => [row.key, row.contactId]));
}

/** Claim an identity that must be free: one someone else holds fails the transaction (it never moves). */
export async function addIdentity(tx: WriteTx, identity: Identity, contactId: string): Promise<void> {
  await addIdentityRow(tx, { key: identityKey(identity), ...identity, contactId });
}

/** Add an identity row as given (a restore); a key already held fails the transaction. */
export async function addIdentityRow(tx: WriteTx, row: IdentityRecord): Promise<void> {
  await tx.objectStore('identities').add(row);
}

/** Release an identity if this contact holds it (one claimed by someone else since is left alone); true when released. */
export function unlinkIdentity(tx: WriteTx, identity: Identity, contactId: string): Promise<boolean> {
  return unlinkIdentityKey(tx, identityKey(identity), contactId);
}

/** Release an identity, by index key, if this contact holds it; true when released. */
export async function unlinkIdentityKey(tx: WriteTx, key: string, contactId: string): Promise<boolean> {
  const row = await tx.objectStore('identities').get(key);
  if (row?.contactId !== contactId) return false;
  await tx.objectStore('identities').delete(key);
  return true;
}

/** Release an identity, by index key, that the caller knows its contact holds (read in this transaction): one request, no read. */
export async function releaseIdentityKey(tx: WriteTx, key: string): Promise<void> {
  await tx.objectStore('identities').delete(key);
}

/** The identity rows a contact holds. */
export function identitiesOf(tx: ReadTx, contactId: string): Promise<IdentityRecord[]> {
  return tx.objectStore('identities').index('by-contact').getAll(contactId);
}

/** Move every identity of `from` to `to` (a merge); returns their index keys. */
export async function moveAllIdentities(tx: WriteTx, from: string, to: string): Promise<string[]> {
  const rows = await identitiesOf(tx, from);
  await Promise.all(rows.map((row) => tx.objectStore('identities').put({ ...row, contactId: to })));
  return rows.map((row) => row.key);
}

/** Move one identity (by index key) from `from` to `to` if `from` still holds it; true when moved. */
export async function moveIdentity(tx: WriteTx, key: string, from: string, to: string): Promise<boolean> {
  const row = await tx.objectStore('identities').get(key);
  if (row?.contactId !== from) return false;
  await tx.objectStore('identities').put({ ...row, contactId: to });
  return true;
}

/** How many identity rows point at a person (a key count of the `by-contact` index). */
export function countIdentitiesOf(tx: ReadTx, contactId: string): Promise<number> {
  return tx.objectStore('identities').index('by-contact').count(contactId);
}
