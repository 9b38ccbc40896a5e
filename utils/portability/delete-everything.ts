/** Deleting everything Tend keeps: every IndexedDB store, settings and drafts, per-tab people. */
import { browser } from 'wxt/browser';
import { writeTx, type StoreName, type TendDatabase } from '../db/schema';

/**
 * Clear every store of the database in one transaction (all or nothing), then extension storage:
 * settings and drafts (local) and the people on each tab (session). Returns the ids of the people
 * deleted, for the other pages to forget them.
 */
export async function deleteEverything(db: TendDatabase): Promise<string[]> {
  // Every store the database has, so a store added by a later version is never left behind.
  const stores = [...db.objectStoreNames] as StoreName[];
  // Through the commit path: the search index and reminders hear every store was cleared.
  const tx = writeTx(db, stores);
  const contactIds = await tx.objectStore('contacts').getAllKeys();
  // The change log last: the rows that record these clears go with it, and nothing is left behind
  // (requests of one transaction run in the order they were made).
  const logLast = [...stores.filter((store) => store !== 'changes'), ...stores.filter((store) => store === 'changes')];
  await Promise.all(logLast.map((store) => tx.objectStore(store).clear()));
  await tx.done;
  // Whole areas, not known keys: whatever a later version keeps there goes too.
  await browser.storage.local.clear();
  await browser.storage.session.clear();
  return contactIds;
}
