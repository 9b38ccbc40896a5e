/**
 * Reading a backup file without the database: its JSON, its envelope, each record checked and put
 * in Tend's form. survey.ts walks a file with these for its summary; restore.ts again as it writes.
 */
import type { z } from 'zod';
import { TendError } from '../../errors';
import { t } from '../../i18n';
import { Contact, FollowUp, Interaction, Settings } from '../../model/records';
import { BACKUP_VERSION, BackupEnvelope, BackupFile, IdentityRow } from './format';
import { normalIdentities, normalIdentityValue } from './normalise';
import { addPiece } from './split';
import { backupOfTexts } from './source';

/** The stores a backup carries records of. */
export type RestoredStore = 'contacts' | 'identities' | 'interactions' | 'followUps';
/** A record of the file that is not valid (skipped), by store and index in its array. */
export interface InvalidRecord {
  store: RestoredStore | 'settings';
  index: number;
  reason: string;
}

/** A backup file's text as an object, or a TendError saying in words why it is not one, and where (tests, small files). */
export function parseBackupJson(text: string): unknown {
  // The same walk a restore makes (byte order mark and syntax errors handled there), its pieces put together.
  const backup: Record<string, unknown> = {};
  for (const piece of backupOfTexts([text]).walk()) if (piece.kind !== 'text-end') addPiece(backup, piece);
  return backup;
}

/** A backup's envelope and shape, checked: a TendError names a file of another kind, a newer version, or a damaged shape. */
export function checkEnvelope(input: unknown) {
  const envelope = BackupEnvelope.safeParse(input);
  if (!envelope.success) throw new TendError('invalid', t('backupNotTend'));
  if (envelope.data.version > BACKUP_VERSION) {
    throw new TendError('invalid', t('backupTooNew', envelope.data.version));
  }
  const file = BackupFile.safeParse(input);
  if (!file.success) throw new TendError('invalid', t('backupDamaged'));
  return file.data;
}

/** Each store's record schema, as restore checks them. */
export const RECORD_SCHEMAS: Record<RestoredStore, z.ZodType> = { contacts: Contact, identities: IdentityRow, interactions: Interaction, followUps: FollowUp };

/** A record of the file as restore writes it (identities in Tend's form), or why it is skipped. */
export type ReadRecord<T> = { record: T; normalised: number } | { reason: string } | { dropped: true };

/**
 * One record of a store, checked by its schema and put in Tend's form: a contact's identities
 * normalised (`normalised` counts those changed), an identity row's value and key too (a row
 * whose value normalises to nothing is dropped, as it names nothing).
 */
export function readRecord(store: 'contacts', value: unknown): ReadRecord<Contact>;
export function readRecord(store: 'identities', value: unknown): ReadRecord<IdentityRow>;
export function readRecord(store: 'interactions', value: unknown): ReadRecord<Interaction>;
export function readRecord(store: 'followUps', value: unknown): ReadRecord<FollowUp>;
export function readRecord(store: RestoredStore, value: unknown): ReadRecord<RestoredRecord>;
export function readRecord(store: RestoredStore, value: unknown): ReadRecord<RestoredRecord> {
  const parsed = RECORD_SCHEMAS[store].safeParse(value);
  if (!parsed.success) return { reason: parsed.error.issues[0]?.message ?? t('restoreInvalid') };
  if (store === 'contacts') {
    const contact = parsed.data as Contact;
    const { identities, changed } = normalIdentities(contact.identities);
    return { record: changed ? { ...contact, identities } : contact, normalised: changed };
  }
  if (store === 'identities') {
    const row = parsed.data as IdentityRow;
    const normal = normalIdentityValue(row);
    return normal ? { record: { ...row, value: normal, key: `${row.kind}:${normal}` }, normalised: 0 } : { dropped: true };
  }
  return { record: parsed.data as RestoredRecord, normalised: 0 };
}

/** A record of any restored store. */
export type RestoredRecord = Contact | IdentityRow | Interaction | FollowUp;

/** The settings of a file, or why they are not valid. */
export function readSettings(value: unknown): { settings?: Settings; invalid?: InvalidRecord } {
  const parsed = Settings.safeParse(value);
  return parsed.success
    ? { settings: parsed.data }
    : { invalid: { store: 'settings', index: 0, reason: parsed.error.issues[0]?.message ?? t('restoreInvalid') } };
}
