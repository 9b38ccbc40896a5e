/**
 * Contacts from CSV: Google Contacts exports (the older "Name, Given Name, ..." header and the
 * newer "First Name, Middle Name, Last Name, ..." one), Outlook exports, Tend's own people
 * export, and any other CSV through a column mapping the user confirms.
 */
import { CsvColumnMapping } from './mapping';
import { PEOPLE_CSV_HEADERS } from './export';
import { csvTooWideIssue, readCsv, type CsvRow } from './read';
import { t } from '../../i18n';
import { unreadableFileIssue } from '../file-text';
import type { ImportCandidate, ImportIssue } from '../../model/import';

export { CsvColumnMapping } from './mapping';

/** Exports Tend reads without asking the user to map columns. */
export type KnownCsvFormat = 'google' | 'outlook' | 'tend';

/** A contacts CSV read directly (known export) or waiting for a column mapping. */
export type ContactsCsvResult =
  | { format: KnownCsvFormat; headers: string[]; candidates: ImportCandidate[]; rejected: ImportIssue[] }
  /** Not a known export: the user maps the columns (a suggestion is given), then parseCsvWithMapping. */
  | { format: 'unknown'; headers: string[]; suggested: CsvColumnMapping; rejected: ImportIssue[] };

/** Google joins several values in one cell with ` ::: ` (Tend's export does the same). */
const splitMulti = (cell: string | undefined): string[] =>
  (cell ?? '')
    .split(' ::: ')
    .map((value) => value.trim())
    .filter(Boolean);

/** Addresses in a cell: ` ::: `, commas and semicolons all separate (none occurs in an address). */
const splitAddresses = (cell: string | undefined): string[] =>
  (cell ?? '')
    .split(/ ::: |[,;]/)
    .map((value) => value.trim())
    .filter(Boolean);

const joinName = (...parts: (string | undefined)[]): string | undefined =>
  parts
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(' ') || undefined;

/** Headers like `E-mail 1 - Value`, `E-mail 2 - Value`... in file order. */
const numbered = (headers: string[], pattern: RegExp): string[] => headers.filter((header) => pattern.test(header));

// Google's system groups ("* myContacts", "* starred") are not the user's labels.
const userLabels = (cell: string | undefined): string[] => splitMulti(cell).filter((label) => !label.startsWith('* '));

/** A candidate from a row, dropping empty fields; undefined when the row names no one. */
function candidate(row: CsvRow, fields: Omit<ImportCandidate, 'line'>): ImportCandidate | undefined {
  const displayName = fields.displayName?.trim() || undefined;
  const result: ImportCandidate = {
    line: row.line,
    emails: fields.emails,
    urls: fields.urls,
    tags: fields.tags,
    ...(displayName && { displayName }),
    ...(fields.org?.trim() && { org: fields.org.trim() }),
    ...(fields.title?.trim() && { title: fields.title.trim() }),
    ...(fields.note?.trim() && { note: fields.note.trim() }),
  };
  return result.displayName || result.emails.length > 0 || result.urls.length > 0 || result.org ? result : undefined;
}

function fromGoogleRow(row: CsvRow, headers: string[]) {
  const cell = (name: string) => row.cells.get(name);
  const emails = numbered(headers, /^E-mail \d+ - Value$/).flatMap((h) => splitMulti(cell(h)));
  const urls = numbered(headers, /^Website \d+ - Value$/).flatMap((h) => splitMulti(cell(h)));
  // The newer export has First/Middle/Last Name and "Labels"; the older one Name/Given Name and "Group Membership".
  const newer = headers.includes('First Name');
  const displayName = newer
    ? joinName(cell('Name Prefix'), cell('First Name'), cell('Middle Name'), cell('Last Name'), cell('Name Suffix')) || cell('File As') || cell('Nickname')
    : cell('Name') || joinName(cell('Name Prefix'), cell('Given Name'), cell('Additional Name'), cell('Family Name'), cell('Name Suffix')) || cell('Nickname');
  return candidate(row, {
    displayName,
    emails,
    urls,
    org: newer ? cell('Organization Name') : cell('Organization 1 - Name'),
    title: newer ? cell('Organization Title') : cell('Organization 1 - Title'),
    tags: userLabels(newer ? cell('Labels') : cell('Group Membership')),
    note: cell('Notes'),
  });
}

function fromOutlookRow(row: CsvRow) {
  const cell = (name: string) => row.cells.get(name);
  return candidate(row, {
    // Outlook's "Title" is the honorific (Mr., Dr.); the job is "Job Title".
    displayName: joinName(cell('Title'), cell('First Name'), cell('Middle Name'), cell('Last Name'), cell('Suffix')),
    emails: ['E-mail Address', 'E-mail 2 Address', 'E-mail 3 Address'].flatMap((h) => splitAddresses(cell(h))),
    urls: splitMulti(cell('Web Page')),
    org: cell('Company'),
    title: cell('Job Title'),
    // Outlook separates categories with semicolons.
    tags: (cell('Categories') ?? '')
      .split(';')
      .map((tag) => tag.trim())
      .filter(Boolean),
    note: cell('Notes'),
  });
}

/** The mapping of Tend's own people export. */
const TEND_MAPPING: CsvColumnMapping = {
  displayName: 'Name',
  emails: ['Email addresses'],
  urls: ['Profile URLs'],
  org: 'Organisation',
  title: 'Title',
  tags: 'Tags',
  note: 'What matters',
};

function fromMappedRow(row: CsvRow, mapping: CsvColumnMapping) {
  const cell = (name: string | undefined) => (name === undefined ? undefined : row.cells.get(name));
  return candidate(row, {
    displayName: cell(mapping.displayName) || joinName(cell(mapping.givenName), cell(mapping.familyName)),
    emails: mapping.emails.flatMap((h) => splitAddresses(cell(h))),
    urls: mapping.urls.flatMap((h) => splitMulti(cell(h))),
    org: cell(mapping.org),
    title: cell(mapping.title),
    tags: (cell(mapping.tags) ?? '')
      .split(/ ::: |[;,]/)
      .map((tag) => tag.trim())
      .filter(Boolean),
    note: cell(mapping.note),
  });
}

/** Which known export a header row is, if any. */
export function detectCsvFormat(headers: string[]): KnownCsvFormat | undefined {
  const has = (name: string) => headers.includes(name);
  if (has('E-mail 1 - Value') && ((has('Name') && has('Given Name')) || (has('First Name') && has('Last Name')))) return 'google';
  if (has('E-mail Address') && has('First Name') && has('Last Name')) return 'outlook';
  if (PEOPLE_CSV_HEADERS.every(has)) return 'tend';
  return undefined;
}

/** A first guess at the mapping of an unknown CSV, from its header names, for the user to correct. */
export function suggestColumnMapping(headers: string[]): CsvColumnMapping {
  const find = (pattern: RegExp) => headers.find((header) => pattern.test(header.trim()));
  return {
    displayName: find(/^(full |display )?name$/i),
    givenName: find(/^(first|given)[ _-]?name$/i),
    familyName: find(/^(last|family|sur)[ _-]?name$/i),
    emails: headers.filter((header) => /e-?mail/i.test(header)),
    urls: headers.filter((header) => /^(url|website|web page|homepage|profile|linkedin|github)/i.test(header.trim())),
    org: find(/^(company|firm|employer|organi[sz]ation|org)$/i),
    title: find(/^(job )?title$|^position$|^role$/i),
    tags: find(/^(tags?|labels?|categories|groups?)$/i),
    note: find(/^(notes?|remarks?|comments?)$/i),
  };
}

type RowResult = { candidates: ImportCandidate[]; rejected: ImportIssue[] };

function collect(rows: CsvRow[], rejected: ImportIssue[], toCandidate: (row: CsvRow) => ImportCandidate | undefined): RowResult {
  const candidates: ImportCandidate[] = [];
  const issues = [...rejected];
  for (const row of rows) {
    const found = toCandidate(row);
    if (found) candidates.push(found);
    else issues.push({ line: row.line, reason: t('csvNoOne') });
  }
  return { candidates, rejected: issues.sort((a, b) => a.line - b.line) };
}

function readOrFail(text: string) {
  const unreadable = unreadableFileIssue(text, 'CSV');
  if (unreadable) return { table: undefined, issue: unreadable };
  const tooWide = csvTooWideIssue(text);
  if (tooWide) return { table: undefined, issue: tooWide };
  const table = readCsv(text);
  if (table.headers.length === 0) return { table: undefined, issue: { line: 0, reason: t('csvNoHeader') } };
  return { table, issue: undefined };
}

/** A contacts CSV: a known export is read directly; any other comes back with its headers for mapping. */
export function parseContactsCsv(text: string): ContactsCsvResult {
  const { table, issue } = readOrFail(text);
  if (!table) return { format: 'unknown', headers: [], suggested: CsvColumnMapping.parse({}), rejected: [issue] };
  const format = detectCsvFormat(table.headers);
  if (!format) return { format: 'unknown', headers: table.headers, suggested: suggestColumnMapping(table.headers), rejected: table.rejected };
  const toCandidate =
    format === 'google'
      ? (row: CsvRow) => fromGoogleRow(row, table.headers)
      : format === 'outlook'
        ? fromOutlookRow
        : (row: CsvRow) => fromMappedRow(row, TEND_MAPPING);
  return { format, headers: table.headers, ...collect(table.rows, table.rejected, toCandidate) };
}

/** Any CSV read through a column mapping (header names; a header the file lacks reads as empty). */
export function parseCsvWithMapping(text: string, mapping: CsvColumnMapping): RowResult {
  const { table, issue } = readOrFail(text);
  if (!table) return { candidates: [], rejected: [issue] };
  const checked = CsvColumnMapping.parse(mapping);
  const mapped = [
    checked.displayName,
    checked.givenName,
    checked.familyName,
    ...checked.emails,
    ...checked.urls,
    checked.org,
    checked.title,
    checked.tags,
    checked.note,
  ];
  const missing = mapped.filter((header): header is string => header !== undefined && !table.headers.includes(header));
  if (missing.length > 0) return { candidates: [], rejected: [{ line: 1, reason: t('csvMissingColumns', missing.map((h) => `"${h}"`).join(', ')) }] };
  return collect(table.rows, table.rejected, (row) => fromMappedRow(row, checked));
}
