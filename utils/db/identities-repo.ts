import type { Identity } from '../model/records';
import { identityKey, type ReadTx, type WriteTx } from './schema';

/** The contact an identity belongs to, if any: one index read. */
export async function findContactIdByIdentity(tx: ReadTx, identity: Identity): Promise<string | undefined> {
  return (await tx.objectStore('identities').get(identityKey(identity)))?.contactId;
}

/** Claim an identity for a contact (the identity index is unique: it moves, never duplicates). */
export async function linkIdentity(tx: WriteTx, identity: Identity, contactId: string): Promise<void> {
  await tx.objectStore('identities').put({ key: identityKey(identity), ...identity, contactId });
}
