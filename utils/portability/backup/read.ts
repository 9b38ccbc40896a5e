/**
 * Reading a backup file without the database: its JSON, its envelope, each record checked. The
 * options page reads a file this way for the summary it shows; the worker again before restoring.
 */
import type { z } from 'zod';
import { TendError } from '../../errors';
import { t, uiLanguage } from '../../i18n';
import { Contact, FollowUp, Interaction, Settings } from '../../model/records';
import { unreadableFileIssue } from '../file-text';
import { BACKUP_VERSION, BackupEnvelope, BackupFile, IdentityRow } from './format';
import { normalIdentities, normalIdentityValue } from './normalise';
import { addPiece, assembleBackup, BackupSplitter, BackupSyntaxError } from './split';

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
  return parseBackupTexts([text]);
}

/**
 * A backup file's text, given in pieces (never joined: a large backup is longer than one string
 * may be), as the object JSON.parse of the whole would give; else a TendError saying why and where.
 */
export function parseBackupTexts(texts: Iterable<string>): Record<string, unknown> {
  return syntaxChecked(() => assembleBackup(withoutByteOrderMark(texts)));
}

/** Run a step of reading a backup's text; a syntax error becomes a TendError saying what is wrong and where. */
function syntaxChecked<T>(step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (!(error instanceof BackupSyntaxError)) throw error;
    // A file that is not JSON from its first character gets no place: it is some other kind of file.
    if (error.at === 0) throw new TendError('invalid', t('backupNotJson'));
    const where = [error.line, error.column, error.at].map((n) => n.toLocaleString(uiLanguage()));
    // A file that ends inside its JSON was cut short (a copy or download stopped): said so, with where.
    throw new TendError('invalid', t(error.cutShort ? 'backupCutShort' : 'backupNotJsonAt', ...where));
  }
}

function* withoutByteOrderMark(texts: Iterable<string>): Iterable<string> {
  let first = true;
  for (const text of texts) {
    yield first ? text.replace(/^\ufeff/, '') : text;
    first = false;
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

/** A backup's envelope and shape, checked: a TendError names a file of another kind, a newer version, or a damaged shape. */
function checkEnvelope(input: unknown) {
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
const RECORD_SCHEMAS: Record<RestoredStore, z.ZodType> = { contacts: Contact, identities: IdentityRow, interactions: Interaction, followUps: FollowUp };

/** What a backup holds, counted while it is read: valid records per store and damaged ones. */
export interface BackupTally {
  exportedAt: string;
  valid: Record<RestoredStore, number>;
  invalid: number;
}

/**
 * Count what a backup holds, reading its text a piece at a time (see split.ts): each piece's
 * records are checked as restore checks them, so a page can read a large file in short tasks.
 * `push` each piece of text, then `end`: a TendError says why a file is unusable.
 */
export class BackupCounter {
  private readonly splitter = new BackupSplitter();
  /** The file's fields, with its arrays left empty: what the envelope is checked on. */
  private readonly shape: Record<string, unknown> = {};
  private readonly valid: Record<RestoredStore, number> = { contacts: 0, identities: 0, interactions: 0, followUps: 0 };
  private invalid = 0;

  /** Read the next piece of the file's text. */
  push(text: string): void {
    for (const piece of syntaxChecked(() => this.splitter.push(text))) {
      if (piece.kind !== 'record') addPiece(this.shape, piece);
      else if (piece.store in RECORD_SCHEMAS) {
        if (RECORD_SCHEMAS[piece.store as RestoredStore].safeParse(piece.value).success) this.valid[piece.store as RestoredStore]++;
        else this.invalid++;
      }
    }
  }

  /** The file has ended: what it holds, or a TendError. */
  end(): BackupTally {
    syntaxChecked(() => this.splitter.end());
    const file = checkEnvelope(this.shape);
    return { exportedAt: file.exportedAt, valid: this.valid, invalid: this.invalid + (Settings.safeParse(file.settings).success ? 0 : 1) };
  }
}

/**
 * Count what a backup's text holds, piece by piece as it was read: a TendError says why a file is
 * unusable (empty, binary, not a backup, damaged JSON) in the words of the import section.
 */
export function countBackup(pieces: readonly string[]): BackupTally {
  const first = pieces.find((piece) => piece !== '');
  if (first === undefined) throw new TendError('invalid', t('importFileEmpty'));
  const unreadable = unreadableFileIssue(first, t('importFormatBackup'));
  if (unreadable) throw new TendError('invalid', unreadable.reason);
  const counter = new BackupCounter();
  for (const piece of pieces) counter.push(piece);
  return counter.end();
}

/**
 * Check a parsed backup file without writing anything: envelope first (clear message for other
 * files and newer versions), then each record. Throws a TendError saying why a file is unusable.
 */
export function readBackup(input: unknown) {
  const file = checkEnvelope(input);
  const invalid: InvalidRecord[] = [];
  const settings = Settings.safeParse(file.settings);
  if (!settings.success) invalid.push({ store: 'settings', index: 0, reason: settings.error.issues[0]?.message ?? t('restoreInvalid') });
  const contacts = validRecords('contacts', file.contacts, Contact, invalid);
  let normalised = 0;
  const normalContacts = contacts.map((contact) => {
    const { identities, changed } = normalIdentities(contact.identities);
    normalised += changed;
    return changed ? { ...contact, identities } : contact;
  });
  const rows = validRecords('identities', file.identities, IdentityRow, invalid).flatMap((row) => {
    const value = normalIdentityValue(row);
    return value ? [{ ...row, value, key: `${row.kind}:${value}` }] : [];
  });
  return {
    contacts: normalContacts,
    identities: rows,
    interactions: validRecords('interactions', file.interactions, Interaction, invalid),
    followUps: validRecords('followUps', file.followUps, FollowUp, invalid),
    settings: settings.success ? settings.data : undefined,
    /** Ids of the file's people that are damaged (skipped): what points at them is skipped too. */
    skippedContactIds: skippedIds(file.contacts, invalid),
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
