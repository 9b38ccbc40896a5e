/**
 * Reading a CSV file into header and rows with the line each row starts on (quoted fields may
 * span lines, so row index and line number differ), through papaparse.
 */
import Papa from 'papaparse';
import { t } from '../../i18n';
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
