/**
 * Tend's schema upgrade steps exactly as each version was released, written with the raw
 * IndexedDB API. Never edit a step: it is what users' databases look like. A new schema version
 * appends a step here (copied from utils/db/open.ts at release) and a builder with its records.
 */
const RELEASED_STEPS: ((db: IDBDatabase) => void)[] = [
  // v1: people, their identities, history (entries and the per-person timeline), follow-ups.
  (db) => {
    const contacts = db.createObjectStore('contacts', { keyPath: 'id' });
    contacts.createIndex('by-updated', 'updatedAt');
    const identities = db.createObjectStore('identities', { keyPath: 'key' });
    identities.createIndex('by-contact', 'contactId');
    const interactions = db.createObjectStore('interactions', { keyPath: 'id' });
    interactions.createIndex('by-dedupe', 'dedupeKey', { unique: true });
    interactions.createIndex('by-at', 'at');
    db.createObjectStore('timeline', { keyPath: ['contactId', 'at', 'interactionId'] });
    const followUps = db.createObjectStore('followUps', { keyPath: 'id' });
    followUps.createIndex('by-contact', 'contactId');
    followUps.createIndex('by-due', 'due');
  },
  // v2: the record of each import, so it can be undone.
  (db) => db.createObjectStore('imports', { keyPath: 'id' }).createIndex('by-at', 'at'),
  // v3: the record of each merge, so it can be undone.
  (db) => db.createObjectStore('merges', { keyPath: 'id' }).createIndex('by-at', 'at'),
  // v4: the change log (numbered in order) and saved index states.
  (db) => {
    db.createObjectStore('changes', { keyPath: 'seq', autoIncrement: true });
    db.createObjectStore('snapshots', { keyPath: 'name' });
  },
  // v5: drafts (text typed and not saved yet), by what they are about.
  (db) => db.createObjectStore('drafts', { keyPath: 'key' }).createIndex('by-updated', 'updatedAt'),
  // v6: the user's settings (out of chrome.storage.local), by name.
  (db) => db.createObjectStore('settings', { keyPath: 'name' }),
];

/** Records to put in a frozen database, by store. */
export type FrozenRecords = Record<string, readonly object[]>;

/** Create the database `name` as schema `version` left it (its released steps only), holding `records`. */
export function buildFrozenDatabase(name: string, version: number, records: FrozenRecords): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, version);
    request.onupgradeneeded = () => {
      for (const step of RELEASED_STEPS.slice(0, version)) step(request.result);
      const tx = request.transaction!;
      for (const [store, rows] of Object.entries(records)) for (const row of rows) tx.objectStore(store).add(row);
    };
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => reject(request.error);
  });
}
