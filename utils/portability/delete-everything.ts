/** Deleting everything Tend keeps: every IndexedDB store (settings and drafts too), extension storage. */
import { clearAllStores } from '../db/all-stores-repo';
import type { TendDatabase } from '../db/schema';
import { clearAllStorage } from '../storage/clear-all';

/**
 * Clear every store of the database in one transaction (all or nothing), then extension storage
 * (the welcome-once flag, the people on each tab). Returns the ids of the people deleted, for the
 * other pages to forget them.
 */
export async function deleteEverything(db: TendDatabase): Promise<string[]> {
  const contactIds = await clearAllStores(db);
  await clearAllStorage();
  return contactIds;
}
