/** Deleting everything Tend keeps: every IndexedDB store (settings and drafts too), extension storage. */
import { clearAllStores } from '../db/all-stores-repo';
import { writeTx, type TendDatabase } from '../db/schema';
import { putSettingsRecord } from '../db/settings-repo';
import { DEFAULT_SETTINGS } from '../model/records';
import { clearAllStorage } from '../storage/clear-all';
import { stopRunningTransfers } from './running-transfers';

/**
 * Clear every store of the database in one transaction (all or nothing), then extension storage
 * (the welcome-once flag, the people on each tab). Returns the ids of the people deleted, for the
 * other pages to forget them.
 */
export async function deleteEverything(db: TendDatabase, now = Date.now()): Promise<string[]> {
  // A restore or import under way is cancelled first (and takes back what it wrote): its later
  // batches would otherwise write after everything was deleted.
  await stopRunningTransfers();
  const contactIds = await clearAllStores(db);
  // The default settings are written at once: a database without a settings record is one an
  // earlier Tend left, and the next worker would adopt settings found in storage as the user's.
  const tx = writeTx(db, ['settings']);
  await putSettingsRecord(tx, DEFAULT_SETTINGS, now);
  await tx.done;
  await clearAllStorage();
  return contactIds;
}
