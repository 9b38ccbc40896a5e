/**
 * A contacts file (vCard or CSV) read into what an import preview needs. The worker does it: a
 * 20 MB file takes seconds to parse, which would freeze the options page (issue 17).
 */
import { TendError } from '../../errors';
import { t, type MessageKey } from '../../i18n';
import type { ImportCandidate, ImportIssue } from '../../model/import';
import { parseContactsCsv, parseCsvWithMapping, type CsvColumnMapping, type KnownCsvFormat } from '../csv/import';
import { vCardImportInput } from '../vcard/import';
import { parseVCards } from '../vcard/parse';
import { importKindOf } from './kind';

/** What a contacts file holds: its people and problems, or (a CSV of unknown columns) its headers to map. */
export type ContactsFileRead =
  | { step: 'contents'; source: string; candidates: ImportCandidate[]; rejected: ImportIssue[]; warnings: ImportIssue[] }
  | { step: 'mapping'; headers: string[]; suggested: CsvColumnMapping };

const CSV_SOURCES: Record<KnownCsvFormat, MessageKey> = { google: 'importSourceGoogleCsv', outlook: 'importSourceOutlookCsv', tend: 'importSourceTendCsv' };

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

function contentsOf(
  source: MessageKey,
  fileName: string,
  read: { candidates: ImportCandidate[]; rejected: ImportIssue[]; warnings?: ImportIssue[] },
): ContactsFileRead {
  if (read.candidates.length === 0) throw nothingToImport(fileName, read.rejected);
  return {
    step: 'contents',
    source: t('importSourceOfFile', t(source), fileName),
    candidates: read.candidates,
    rejected: read.rejected,
    warnings: read.warnings ?? [],
  };
}

/**
 * Read a vCard or CSV file's text; `mapping` reads a CSV through the columns the user chose.
 * Throws a TendError in words when no one can be imported from it.
 */
export function readContactsFile(fileName: string, text: string, mapping?: CsvColumnMapping): ContactsFileRead {
  if (mapping) return contentsOf('importSourceCsv', fileName, parseCsvWithMapping(text, mapping));
  const kind = importKindOf(fileName, text);
  if (kind === 'vcard') return contentsOf('importSourceVCard', fileName, vCardImportInput(parseVCards(text)));
  if (kind === 'csv') {
    const csv = parseContactsCsv(text);
    if (csv.format !== 'unknown') return contentsOf(CSV_SOURCES[csv.format], fileName, csv);
    if (csv.headers.length === 0) throw nothingToImport(fileName, csv.rejected);
    return { step: 'mapping', headers: csv.headers, suggested: csv.suggested };
  }
  throw new TendError('invalid', t('importUnknownKind', fileName));
}
