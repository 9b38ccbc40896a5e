import type { Contact } from '../model/records';
import type { ReadTx, WriteTx } from './schema';

/** A contact by id. */
export function getContact(tx: ReadTx, id: string): Promise<Contact | undefined> {
  return tx.objectStore('contacts').get(id);
}

/** Write a contact as given (callers set updatedAt). */
export async function putContact(tx: WriteTx, contact: Contact): Promise<void> {
  await tx.objectStore('contacts').put(contact);
}
