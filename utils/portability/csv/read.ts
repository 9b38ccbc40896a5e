/**
 * Reading a CSV file into header and rows with the line each row starts on (quoted fields may
 * span lines, so row index and line number differ), through papaparse.
 */
import Papa from 'papaparse';
import { t, uiLanguage } from '../../i18n';
import type { ImportIssue } from '../../model/import';

/** One data row and the line it starts on. */
export interface CsvRow {
  line: number;
  /** Cell by header name; a short row is padded with empty cells. */
  cells: Map<string, string>;
}

/** A CSV file as header, rows, and the rows that could not be read. */
export interface CsvTable {
  headers: string[];
  rows: CsvRow[];
  rejected: ImportIssue[];
}

/** Line breaks in text[from, to): CRLF, LF and lone CR each count once. */
function lineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const char = text.charCodeAt(i);
    if (char === 10) count++;
    else if (char === 13 && text.charCodeAt(i + 1) !== 10) count++;
  }
  return count;
}

/**
 * Most columns Tend reads in a CSV. Address-book exports have about 90 (Google 60 to 90, Outlook
 * 92); the column-matching step shows every column in nine lists, so a file with tens of
 * thousands of columns would freeze the page for seconds.
 */
export const MAX_CSV_COLUMNS = 500;
/**
 * Longest line Tend reads in a CSV, in characters: a whole row of a contacts file, notes
 * included (a note is at most 100,000), fits many times over. A 10 MB line is not a contacts
 * file, and parsing it into cells could take the page's memory.
 */
export const MAX_CSV_LINE = 1_000_000;

/** The first line longer than `max` characters (CRLF, LF or CR end a line), as its 1-based number and length. */
function firstLongLine(text: string, max: number): { line: number; length: number } | undefined {
  let line = 1;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const char = i < text.length ? text.charCodeAt(i) : 10;
    if (char !== 10 && char !== 13) continue;
    if (i - start > max) return { line, length: i - start };
    if (char === 13 && text.charCodeAt(i + 1) === 10) i++;
    line++;
    start = i + 1;
  }
  return undefined;
}

/**
 * Why a CSV is too wide to read (a line over MAX_CSV_LINE characters, a header over
 * MAX_CSV_COLUMNS columns), found before the file is parsed: both are checked in time linear
 * in the file, so such a file is refused at once rather than freezing the page.
 */
export function csvTooWideIssue(text: string): ImportIssue | undefined {
  const long = firstLongLine(text, MAX_CSV_LINE);
  if (long) return { line: long.line, reason: t('csvLineTooLong', long.length.toLocaleString(uiLanguage()), MAX_CSV_LINE.toLocaleString(uiLanguage())) };
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // The header is the first row: its lines are bounded now, and the first few rows are enough.
  const first = Papa.parse<string[]>(body, { preview: 1, skipEmptyLines: true }).data[0] ?? [];
  if (first.length > MAX_CSV_COLUMNS)
    return { line: 1, reason: t('csvTooManyColumns', first.length.toLocaleString(uiLanguage()), MAX_CSV_COLUMNS.toLocaleString(uiLanguage())) };
  return undefined;
}

// Our own exports guard formula-looking cells with a leading apostrophe: take it off again.
const GUARDED = /^'(?=[=+\-@\t\r])/;

/**
 * Parse CSV text (BOM dropped; delimiter detected among , ; tab |). The first non-empty row is
 * the header. Rows with more cells than the header, or an unterminated quote, are rejected with
 * their line; blank rows are skipped.
 */
export function readCsv(text: string): CsvTable {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let headers: string[] | undefined;
  const rows: CsvRow[] = [];
  const rejected: ImportIssue[] = [];
  let rowStart = 0;
  let line = 1;
  Papa.parse<string[]>(body, {
    header: false,
    skipEmptyLines: false,
    step(result) {
      const cells = result.data.map((cell) => cell.replace(GUARDED, ''));
      const end = result.meta.cursor;
      const startLine = line;
      line += lineBreaks(body, rowStart, end);
      rowStart = end;
      const blank = cells.every((cell) => cell.trim() === '');
      const broken = result.errors.find((error) => error.code === 'MissingQuotes' || error.code === 'InvalidQuotes');
      if (broken) {
        rejected.push({ line: startLine, reason: t('csvOpenQuote', broken.message) });
        return;
      }
      if (blank) return;
      if (!headers) {
        headers = cells.map((cell) => cell.trim());
        return;
      }
      if (cells.length > headers.length && cells.slice(headers.length).some((cell) => cell.trim() !== '')) {
        rejected.push({ line: startLine, reason: t('csvCellCount', cells.length, headers.length) });
        return;
      }
      rows.push({ line: startLine, cells: new Map(headers.map((header, i) => [header, cells[i] ?? ''])) });
    },
  });
  return { headers: headers ?? [], rows, rejected };
}
