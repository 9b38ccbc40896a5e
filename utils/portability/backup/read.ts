/**
 * Reading a backup file without the database: its JSON, its envelope, each record checked. The
 * options page reads a file this way for the summary it shows; the worker again before restoring.
 */
import type { z } from 'zod';
import { TendError } from '../../errors';
import { t, uiLanguage } from '../../i18n';
import { Contact, FollowUp, Interaction, Settings } from '../../model/records';
import { BACKUP_VERSION, BackupEnvelope, BackupFile, IdentityRow } from './format';
import { normalIdentities, normalIdentityValue } from './normalise';

/** The stores a backup carries records of. */
export type RestoredStore = 'contacts' | 'identities' | 'interactions' | 'followUps';
/** A record of the file that is not valid (skipped), by store and index in its array. */
export interface InvalidRecord {
  store: RestoredStore | 'settings';
  index: number;
  reason: string;
}

/** A backup file's text as an object, or a TendError saying in words why it is not one, and where. */
export function parseBackupJson(text: string): unknown {
  const json = text.replace(/^\ufeff/, '');
  try {
    return JSON.parse(json);
  } catch (error) {
    const at = failedAt(json, error);
    // Some of V8's messages ("Unexpected token") give no place: then none is named rather than a wrong one.
    if (at === undefined) throw new TendError('invalid', t('backupNotJson'));
    const { line, column } = lineAndColumn(json, at);
    const where = [line, column, at].map((n) => n.toLocaleString(uiLanguage()));
    // A file that ends inside its JSON was cut short (a copy or download stopped): said so, with where.
    if (at >= json.length && json.trimStart().startsWith('{')) throw new TendError('invalid', t('backupCutShort', ...where));
    throw new TendError('invalid', t('backupNotJsonAt', ...where));
  }
}

/** Where JSON.parse stopped: the offset its message gives ("at position 10"), or the end for "Unexpected end of JSON input". */
function failedAt(json: string, error: unknown): number | undefined {
  const message = error instanceof Error ? error.message : '';
  const position = /position (\d+)/.exec(message);
  if (position) return Math.min(Number(position[1]), json.length);
  return /end of (JSON )?input|unterminated/i.test(message) ? json.length : undefined;
}

/** The 1-based line and column of an offset in a text. */
function lineAndColumn(text: string, at: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: at - lineStart + 1 };
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
  const contacts = validRecords('contacts', file.data.contacts, Contact, invalid);
  let normalised = 0;
  const normalContacts = contacts.map((contact) => {
    const { identities, changed } = normalIdentities(contact.identities);
    normalised += changed;
    return changed ? { ...contact, identities } : contact;
  });
  const rows = validRecords('identities', file.data.identities, IdentityRow, invalid).flatMap((row) => {
    const value = normalIdentityValue(row);
    return value ? [{ ...row, value, key: `${row.kind}:${value}` }] : [];
  });
  return {
    contacts: normalContacts,
    identities: rows,
    interactions: validRecords('interactions', file.data.interactions, Interaction, invalid),
    followUps: validRecords('followUps', file.data.followUps, FollowUp, invalid),
    settings: settings.success ? settings.data : undefined,
    /** Ids of the file's people that are damaged (skipped): what points at them is skipped too. */
    skippedContactIds: skippedIds(file.data.contacts, invalid),
    /** Identities of people written in another form than Tend's (upper case, spaces, invisible marks), now in Tend's. */
    normalised,
    invalid,
  };
}

/** The ids of the file's people that were not valid (skipped), where they have one. */
function skippedIds(records: readonly unknown[], invalid: readonly InvalidRecord[]): Set<string> {
  const ids = new Set<string>();
  for (const problem of invalid) {
    const id = problem.store === 'contacts' ? (records[problem.index] as { id?: unknown } | null)?.id : undefined;
    if (typeof id === 'string') ids.add(id);
  }
  return ids;
}
