/**
 * Move the settings Tend kept in chrome.storage.local (up to database v5) into the database, once:
 * they are removed from storage once stored, so a later run finds nothing to do.
 */
import { writeTx, type TendDatabase } from '../../db/schema';
import { getSettingsRecord, putSettingsRecord } from '../../db/settings-repo';
import { loadLegacySettings, removeLegacySettings } from '../../storage/settings';
import { readSettings } from './read';

/**
 * Give the database its settings record, from what an earlier Tend left in storage (the defaults
 * when nothing). Once the record exists, settings found in storage are not the user's (a page
 * that could write there put them) and are only removed. True when some were there.
 */
export async function moveStorageSettings(db: TendDatabase, now: number): Promise<boolean> {
  const legacy = await loadLegacySettings();
  const tx = writeTx(db, ['settings']);
  if (!(await getSettingsRecord(tx))) await putSettingsRecord(tx, readSettings(legacy), now);
  await tx.done;
  if (legacy === undefined) return false;
  await removeLegacySettings();
  return true;
}
