/**
 * Reading a file the user picked for import: its kind (vCard, CSV, Tend backup) and the next step
 * to show. The page counts a backup's records; the worker parses a contacts file and matches its
 * people against Tend's for the preview. Reads only: nothing is written until the user confirms.
 */
import { TendError } from '../../utils/errors';
import { t } from '../../utils/i18n';
import { ask } from '../../utils/messaging/client';
import type { ImportPreviewShown } from '../../utils/messaging/features/portability';
import type { CsvColumnMapping } from '../../utils/portability/csv/mapping';
import { textOfFile } from '../../utils/portability/file-text';
import { importKindOf } from '../../utils/portability/import/kind';
import { receiveParts, sendFile } from './transfer';

/** Larger contact files are refused before being read: one with photos is rarely over 20 MB. */
export const MAX_IMPORT_BYTES = 25 * 1024 * 1024;
/** A full backup of years of notes can be much larger than any contacts file. */
export const MAX_BACKUP_BYTES = 512 * 1024 * 1024;

/** What a Tend backup holds, shown before it is restored. */
export interface BackupSummary {
  exportedAt: string;
  people: number;
  entries: number;
  followUps: number;
  /** Records of the file that are damaged and would be skipped. */
  invalid: number;
}

/** The step after reading a file. */
export type ImportStep =
  /** `preview` is the whole preview's JSON as the worker made it: sent back, unread, when the user confirms. */
  | { step: 'preview'; shown: ImportPreviewShown; preview: Blob }
  /** `file` is sent again, with the columns the user chose. */
  | { step: 'mapping'; fileName: string; file: Blob; headers: string[]; suggested: CsvColumnMapping }
  /** `file` is read again, a slice at a time, and sent to the worker when the user confirms. */
  | { step: 'backup'; fileName: string; file: Blob; summary: BackupSummary };

/**
 * A contacts file handed to the worker a slice at a time (in the encoding found first, as textOfFile
 * reads it), which parses it and answers its preview, or the columns of a CSV to map. The page
 * reads the preview's parts into a Blob it never parses: a 20 MB file's preview is tens of MB.
 */
async function previewOfFile(fileName: string, file: Blob, mapping?: CsvColumnMapping): Promise<ImportStep> {
  const sent = await sendFile(file, undefined, 'contacts');
  const answer = await ask({ type: 'previewImport', fileName, file: sent, ...(mapping && { mapping }) });
  if (answer.step === 'mapping') return { step: 'mapping', fileName, file, headers: answer.headers, suggested: answer.suggested };
  return { step: 'preview', shown: answer.shown, preview: await receiveParts(answer.preview, 'application/json') };
}

/**
 * The summary of a backup file, counted by the worker: the page hands it the File and never reads
 * a large file's bytes itself (reading 20 MB here left garbage whose collection froze the page).
 */
async function backupStep(fileName: string, file: Blob): Promise<ImportStep> {
  const { exportedAt, valid, invalid } = await ask({ type: 'countBackup', backup: await sendFile(file) });
  return { step: 'backup', fileName, file, summary: { exportedAt, people: valid.contacts, entries: valid.interactions, followUps: valid.followUps, invalid } };
}

/** Read a picked file into its next step; throws a TendError with a message for the user when it is unusable. */
export async function readImportFile(file: File): Promise<ImportStep> {
  const limit = /\.json$/i.test(file.name) ? MAX_BACKUP_BYTES : MAX_IMPORT_BYTES;
  if (file.size > limit) {
    const megabytes = Math.round(file.size / (1024 * 1024));
    throw new TendError('invalid', t('importTooLarge', file.name, megabytes, MAX_IMPORT_BYTES / (1024 * 1024), MAX_BACKUP_BYTES / (1024 * 1024)));
  }
  // The kind from the name or the first characters: a backup is counted here, anything else read by the worker.
  const kind = importKindOf(file.name, textOfFile(new Uint8Array(await file.slice(0, 4096).arrayBuffer())));
  if (kind === 'backup') return backupStep(file.name, file);
  if (kind === undefined) throw new TendError('invalid', t('importUnknownKind', file.name));
  return previewOfFile(file.name, file);
}

/** The preview of a CSV read through the columns the user chose. */
export function previewMappedCsv(fileName: string, file: Blob, mapping: CsvColumnMapping): Promise<ImportStep> {
  return previewOfFile(fileName, file, mapping);
}
