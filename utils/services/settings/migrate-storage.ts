/**
 * Move the settings Tend kept in chrome.storage.local (up to database v5) into the database, once:
 * they are removed from storage once stored, so a later run finds nothing to do.
 */
import { writeTx, type TendDatabase } from '../../db/schema';
import { getSettingsRecord, putSettingsRecord } from '../../db/settings-repo';
import { loadLegacySettings, removeLegacySettings } from '../../storage/settings';
import { readSettings } from './read';

/** Move the old settings into the database (unless it already has settings: those are newer); true when some were there. */
export async function moveStorageSettings(db: TendDatabase, now: number): Promise<boolean> {
  const legacy = await loadLegacySettings();
  if (legacy === undefined) return false;
  const tx = writeTx(db, ['settings']);
  if (!(await getSettingsRecord(tx))) await putSettingsRecord(tx, readSettings(legacy), now);
  await tx.done;
  await removeLegacySettings();
  return true;
}
