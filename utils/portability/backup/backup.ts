/**
 * Backup: everything Tend stores as one file, written a page of records at a time (write.ts).
 * Restoring one is restore.ts.
 */
import type { TendDatabase } from '../../db/schema';
import type { Settings } from '../../model/records';
import type { Backup } from './format';
import { writeBackupParts, type BackupWriteOptions } from './write';

export { restoreBackup, restoreBackupTexts, type RestoreOptions, type RestoreReport } from './restore';

/** Everything Tend stores, as one backup object: the file `writeBackupParts` writes, parsed (for small stores and tests). */
export async function exportBackup(db: TendDatabase, settings: Settings, now = Date.now(), options?: BackupWriteOptions): Promise<Backup> {
  return JSON.parse((await writeBackupParts(db, settings, now, options)).join('')) as Backup;
}
