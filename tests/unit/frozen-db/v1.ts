/**
 * Builds a database exactly as Tend's schema v1 left it, with one record in every store, using
 * the raw IndexedDB API and a frozen copy of the v1 upgrade step (never edit this file: it is
 * what users' databases look like). The upgrade test opens it with today's openTendDb.
 */
export const V1_RECORDS = {
  contact: {
    id: '01900000-0000-7000-8000-00000000000a',
    displayName: 'Ada Lovelace',
    identities: [{ kind: 'email', value: 'ada@analytical.example' }],
    tags: ['maths'],
    whatMatters: 'Her engine notes; her daughter',
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_100_000,
    lastInteractionAt: 1_700_000_100_000,
  },
  identity: { key: 'email:ada@analytical.example', kind: 'email', value: 'ada@analytical.example', contactId: '01900000-0000-7000-8000-00000000000a' },
  interaction: {
    id: '01900000-0000-7000-8000-00000000000b',
    contactIds: ['01900000-0000-7000-8000-00000000000a'],
    kind: 'note',
    at: 1_700_000_100_000,
    summary: 'Met at the salon',
    createdAt: 1_700_000_100_000,
  },
  timeline: { contactId: '01900000-0000-7000-8000-00000000000a', at: 1_700_000_100_000, interactionId: '01900000-0000-7000-8000-00000000000b' },
  followUp: {
    id: '01900000-0000-7000-8000-00000000000c',
    contactId: '01900000-0000-7000-8000-00000000000a',
    due: 1_700_100_000_000,
    text: 'Send the notes',
    done: false,
  },
} as const;

/** Create the v1 database `name` with V1_RECORDS in it. */
export function buildV1Database(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => {
      const db = request.result;
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
      contacts.add(V1_RECORDS.contact);
      identities.add(V1_RECORDS.identity);
      interactions.add(V1_RECORDS.interaction);
      request.transaction!.objectStore('timeline').add(V1_RECORDS.timeline);
      followUps.add(V1_RECORDS.followUp);
    };
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => reject(request.error);
  });
}
