/**
 * Reading a backup file without the database: its JSON, its envelope, each record checked. The
 * options page reads a file this way for the summary it shows; the worker again before restoring.
 */
import type { z } from 'zod';
import { TendError } from '../../errors';
import { t } from '../../i18n';
import { Contact, FollowUp, Interaction, Settings } from '../../model/records';
import { BACKUP_VERSION, BackupEnvelope, BackupFile, IdentityRow } from './format';

/** The stores a backup carries records of. */
export type RestoredStore = 'contacts' | 'identities' | 'interactions' | 'followUps';
/** A record of the file that is not valid (skipped), by store and index in its array. */
export interface InvalidRecord {
  store: RestoredStore | 'settings';
  index: number;
  reason: string;
}

/** A backup file's text as an object, or a TendError saying in words why it is not one. */
export function parseBackupJson(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\ufeff/, ''));
  } catch {
    throw new TendError('invalid', t('backupNotJson'));
  }
}

/** The valid records of one array, each invalid one noted with its index. */
function validRecords<T>(store: RestoredStore, records: unknown[], schema: z.ZodType<T>, invalid: InvalidRecord[]): T[] {
  const valid: T[] = [];
  records.forEach((record, index) => {
    const parsed = schema.safeParse(record);
    if (parsed.success) valid.push(parsed.data);
    else invalid.push({ store, index, reason: parsed.error.issues[0]?.message ?? t('restoreInvalid') });
  });
  return valid;
}

/**
 * Check a parsed backup file without writing anything: envelope first (clear message for other
 * files and newer versions), then each record. Throws a TendError saying why a file is unusable.
 */
export function readBackup(input: unknown) {
  const envelope = BackupEnvelope.safeParse(input);
  if (!envelope.success) throw new TendError('invalid', t('backupNotTend'));
  if (envelope.data.version > BACKUP_VERSION) {
    throw new TendError('invalid', t('backupTooNew', envelope.data.version));
  }
  const file = BackupFile.safeParse(input);
  if (!file.success) throw new TendError('invalid', t('backupDamaged'));
  const invalid: InvalidRecord[] = [];
  const settings = Settings.safeParse(file.data.settings);
  if (!settings.success) invalid.push({ store: 'settings', index: 0, reason: settings.error.issues[0]?.message ?? t('restoreInvalid') });
  return {
    contacts: validRecords('contacts', file.data.contacts, Contact, invalid),
    identities: validRecords('identities', file.data.identities, IdentityRow, invalid),
    interactions: validRecords('interactions', file.data.interactions, Interaction, invalid),
    followUps: validRecords('followUps', file.data.followUps, FollowUp, invalid),
    settings: settings.success ? settings.data : undefined,
    invalid,
  };
}
