/**
 * Reading a file the user picked for import: its kind (vCard, CSV, Tend backup), its text, and
 * the next step to show. The page parses the file (no database needed); the worker matches its
 * people against Tend's for the preview. Reads only: nothing is written until the user confirms.
 */
import { TendError } from '../../utils/errors';
import { t, type MessageKey } from '../../utils/i18n';
import { ask } from '../../utils/messaging/client';
import type { ImportFileContents } from '../../utils/messaging/features/portability';
import { parseContactsCsv, parseCsvWithMapping, type CsvColumnMapping, type KnownCsvFormat } from '../../utils/portability/csv/import';
import { textOfFile } from '../../utils/portability/file-text';
import type { ImportCandidate, ImportIssue, ImportPreview } from '../../utils/model/import';
import { vCardImportInput } from '../../utils/portability/vcard/import';
import { parseVCards } from '../../utils/portability/vcard/parse';
import { receiveText, sendFile, sendText } from './transfer';

/** Larger contact files are refused before being read: one with photos is rarely over 20 MB. */
export const MAX_IMPORT_BYTES = 25 * 1024 * 1024;
/** A full backup of years of notes can be much larger than any contacts file. */
export const MAX_BACKUP_BYTES = 512 * 1024 * 1024;

/** What a file is taken to be. */
export type ImportKind = 'vcard' | 'csv' | 'backup';

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
  | { step: 'preview'; preview: ImportPreview }
  | { step: 'mapping'; fileName: string; text: string; headers: string[]; suggested: CsvColumnMapping }
  /** `file` is read again, a slice at a time, and sent to the worker when the user confirms. */
  | { step: 'backup'; fileName: string; file: Blob; summary: BackupSummary };

const CSV_SOURCES: Record<KnownCsvFormat, MessageKey> = { google: 'importSourceGoogleCsv', outlook: 'importSourceOutlookCsv', tend: 'importSourceTendCsv' };

/** The kind of a file: its extension when it has a known one, else a look at its first characters. */
export function importKindOf(fileName: string, text: string): ImportKind | undefined {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (extension === 'vcf' || extension === 'vcard') return 'vcard';
  if (extension === 'csv' || extension === 'tsv') return 'csv';
  if (extension === 'json') return 'backup';
  const start = text.replace(/^\ufeff/, '').trimStart();
  if (start.startsWith('{')) return 'backup';
  if (/^BEGIN:VCARD/im.test(start.slice(0, 4096))) return 'vcard';
  if (extension === undefined || extension === 'txt') return 'csv';
  return undefined;
}

/** A few issues as one sentence for an error message: "line 3: …; line 9: …". */
export function describeIssues(issues: readonly ImportIssue[], max = 3): string {
  const shown = issues
    .slice(0, max)
    .map((issue) => (issue.line > 0 ? t('importIssueLine', issue.line, issue.reason) : issue.reason))
    .join('; ');
  return issues.length > max ? t('importIssuesMore', shown, issues.length - max) : shown;
}

/** A file nobody can be imported from, said in words. */
const nothingToImport = (fileName: string, issues: readonly ImportIssue[]) =>
  new TendError('invalid', t('importNoOne', fileName, describeIssues(issues) || t('importNamesNoOne')));

/** The preview of the people read from a file, made by the worker (it knows who Tend knows). */
async function previewOf(
  source: MessageKey,
  fileName: string,
  read: { candidates: ImportCandidate[]; rejected: ImportIssue[]; warnings?: ImportIssue[] },
): Promise<ImportStep> {
  if (read.candidates.length === 0) throw nothingToImport(fileName, read.rejected);
  const contents: ImportFileContents = {
    source: t('importSourceOfFile', t(source), fileName),
    candidates: read.candidates,
    rejected: read.rejected,
    warnings: read.warnings ?? [],
  };
  const answer = await ask({ type: 'previewImport', file: await sendText(JSON.stringify(contents)) });
  const preview = JSON.parse(await receiveText(answer)) as ImportPreview;
  return { step: 'preview', preview };
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
  // The kind from the name or the first characters; a backup is then read in slices, anything else whole.
  if (importKindOf(file.name, textOfFile(new Uint8Array(await file.slice(0, 4096).arrayBuffer()))) === 'backup') return backupStep(file.name, file);
  const text = textOfFile(new Uint8Array(await file.arrayBuffer()));
  const kind = importKindOf(file.name, text);
  if (kind === 'vcard') return previewOf('importSourceVCard', file.name, vCardImportInput(parseVCards(text)));
  if (kind === 'csv') {
    const csv = parseContactsCsv(text);
    if (csv.format !== 'unknown') return previewOf(CSV_SOURCES[csv.format], file.name, csv);
    if (csv.headers.length === 0) throw nothingToImport(file.name, csv.rejected);
    return { step: 'mapping', fileName: file.name, text, headers: csv.headers, suggested: csv.suggested };
  }
  throw new TendError('invalid', t('importUnknownKind', file.name));
}

/** The preview of a CSV read through the columns the user chose. */
export function previewMappedCsv(fileName: string, text: string, mapping: CsvColumnMapping): Promise<ImportStep> {
  return previewOf('importSourceCsv', fileName, parseCsvWithMapping(text, mapping));
}
