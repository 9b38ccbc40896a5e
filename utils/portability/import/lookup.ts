/** The reads an import plan needs, answered inside one IndexedDB transaction. */
import type { Contact } from '../../model/records';
import type { ImportLookup } from './plan';
import type { ImportsTx } from './store';

/** An ImportLookup over a transaction that covers `contacts` and `identities`. */
export function lookupInTransaction(tx: ImportsTx): ImportLookup {
  // Name matching needs every identity-less contact; read them once, only if a file needs it.
  let identityless: Promise<Map<string, Contact>> | undefined;
  return {
    ownerOf: async (key) => (await tx.objectStore('identities').get(key))?.contactId,
    contact: (id) => tx.objectStore('contacts').get(id),
    async identitylessNamed(name) {
      identityless ??= tx
        .objectStore('contacts')
        .getAll()
        .then((contacts) => {
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
