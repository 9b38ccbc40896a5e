/** The reads an import plan needs, answered inside one IndexedDB transaction. */
import { getContact, listAllContacts } from '../../db/contacts-repo';
import { ownerOfIdentityKey } from '../../db/identities-repo';
import type { ReadTx } from '../../db/schema';
import type { Contact } from '../../model/records';
import type { ImportLookup } from './plan';

/** An ImportLookup over a transaction that covers `contacts` and `identities`. */
export function lookupInTransaction(tx: ReadTx): ImportLookup {
  // Name matching needs every identity-less contact; read them once, only if a file needs it.
  let identityless: Promise<Map<string, Contact>> | undefined;
  return {
    ownerOf: (key) => ownerOfIdentityKey(tx, key),
    contact: (id) => getContact(tx, id),
    async identitylessNamed(name) {
      identityless ??= listAllContacts(tx).then((contacts) => {
        const byName = new Map<string, Contact>();
        for (const contact of contacts) {
          const key = contact.displayName.toLowerCase();
          if (contact.identities.length === 0 && !byName.has(key)) byName.set(key, contact);
        }
        return byName;
      });
      return (await identityless).get(name.toLowerCase());
    },
  };
}
