import { openDB } from 'idb';
import { reopeningDatabase } from './connection';
import type { TendDB, TendDatabase } from './schema';

export const DB_NAME = 'tend';
export const DB_VERSION = 8;

/**
 * Tend's database, opened (and upgraded) now and opened again on the next use whenever another
 * connection made it close (see connection.ts).
 */
export function openTendDb(name = DB_NAME): Promise<TendDatabase> {
  return reopeningDatabase(name, () => openConnection(name));
}

/**
 * Open (and upgrade) Tend's database. Upgrade steps are append-only: once a version has been
 * released its step is never edited; a new version adds `if (oldVersion < N)`.
 */
function openConnection(name: string): Promise<TendDatabase> {
  return openDB<TendDB>(name, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
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
      }
      if (oldVersion < 2) {
        const imports = db.createObjectStore('imports', { keyPath: 'id' });
        imports.createIndex('by-at', 'at');
      }
      if (oldVersion < 3) {
        // One record per merge of two people, with what moved, so the merge can be undone.
        const merges = db.createObjectStore('merges', { keyPath: 'id' });
        merges.createIndex('by-at', 'at');
      }
      if (oldVersion < 4) {
        // The change log (one row per change to a person, entry or follow-up, numbered in order)
        // and saved index states; see utils/db/commit.ts and utils/search/snapshot.ts.
        db.createObjectStore('changes', { keyPath: 'seq', autoIncrement: true });
        db.createObjectStore('snapshots', { keyPath: 'name' });
      }
      if (oldVersion < 5) {
        // Drafts move out of chrome.storage.local (which content scripts could once read) into
        // the extension's own origin: text typed and not saved yet, keyed by what it is about.
        db.createObjectStore('drafts', { keyPath: 'key' }).createIndex('by-updated', 'updatedAt');
      }
      if (oldVersion < 6) {
        // Settings move out of chrome.storage.local too: what is recorded (own addresses, the
        // never-record lists) must not be readable or writable by a content script. Their values
        // move at the worker's first read (utils/services/settings/migrate-storage.ts): an upgrade
        // transaction cannot wait for chrome.storage.
        db.createObjectStore('settings', { keyPath: 'name' });
      }
      if (oldVersion < 7) {
        // Sync's bases (the version of each record Tend and the local replica last agreed on),
        // written in the same transaction as the pull that applies the record; they were
        // `_local/` documents of the replica, a transaction of their own per read.
        db.createObjectStore('syncBases', { keyPath: 'docId' });
      }
      if (oldVersion < 8) {
        // What each batch of a restore under way added, so a restore that is cancelled, fails, or
        // is cut short by the worker stopping can be taken back (utils/portability/take-back.ts).
        db.createObjectStore('restores', { keyPath: ['restoreId', 'batch'] });
      }
    },
  });
}
