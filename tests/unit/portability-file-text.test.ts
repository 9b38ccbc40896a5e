/** Reading import files (issue 15): UTF-16 and UTF-8 with a BOM are decoded; too-wide CSVs are refused by their limit. */
import { expect, test } from 'vitest';
import { MAX_CSV_COLUMNS, MAX_CSV_LINE } from '../../utils/portability/csv/read';
import { parseContactsCsv, parseCsvWithMapping } from '../../utils/portability/csv/import';
import { textOfFile } from '../../utils/portability/file-text';
import { parseVCards } from '../../utils/portability/vcard/parse';

const VCARD = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoë Ünal\r\nEMAIL:zoe@example.com\r\nEND:VCARD\r\n';

/** The text as a file written in UTF-16 with a byte-order mark. */
function utf16(text: string, endian: 'le' | 'be'): Uint8Array {
  const bytes = Buffer.from(`\uFEFF${text}`, 'utf16le');
  if (endian === 'be') bytes.swap16();
  return new Uint8Array(bytes);
}

test.each([
  ['UTF-16 LE', utf16(VCARD, 'le')],
  ['UTF-16 BE', utf16(VCARD, 'be')],
  ['UTF-8 with a BOM', new Uint8Array(Buffer.from(`\uFEFF${VCARD}`, 'utf8'))],
  ['UTF-8', new Uint8Array(Buffer.from(VCARD, 'utf8'))],
])('a vCard file in %s reads as its text, mark dropped', (_, bytes) => {
  const text = textOfFile(bytes);
  expect(text).toBe(VCARD);
  expect(parseVCards(text).cards.map((card) => [card.displayName, card.emails])).toEqual([['Zoë Ünal', ['zoe@example.com']]]);
});

test('a UTF-16 CSV file is read, not refused as binary', () => {
  const csv = 'Name,E-mail Address\r\nZoë Ünal,zoe@example.com\r\n';
  const result = parseContactsCsv(textOfFile(utf16(csv, 'le')));
  expect(result.rejected).toEqual([]);
  expect(result.headers).toEqual(['Name', 'E-mail Address']);
});

test(`a CSV with more than ${MAX_CSV_COLUMNS} columns is refused by that limit, before any row is read`, () => {
  const header = Array.from({ length: 20_000 }, (_, i) => `c${i}`).join(',');
  const result = parseContactsCsv(`${header}\n${'x,'.repeat(19_999)}x\n`);
  expect(result.headers).toEqual([]);
  expect(result.rejected).toEqual([{ line: 1, reason: 'This file has 20,000 columns; Tend reads CSV files of up to 500 columns.' }]);
  // The mapped path (the user's columns) is held to the same limit.
  expect(parseCsvWithMapping(`${header}\n`, { emails: [], urls: [], displayName: 'c1' }).rejected[0]!.reason).toMatch(/20,000 columns/);
  // At the limits (500 columns, a 200,000-character note in a row) a file is read as before.
  const widest = Array.from({ length: MAX_CSV_COLUMNS }, (_, i) => (i === 0 ? 'Name' : `c${i}`)).join(',');
  const atLimits = parseCsvWithMapping(`${widest}\r\nAda,${'n'.repeat(200_000)}\r\n`, { emails: [], urls: [], displayName: 'Name', note: 'c1' });
  expect([atLimits.rejected, atLimits.candidates.length]).toEqual([[], 1]);
});

test(`a CSV line over ${MAX_CSV_LINE.toLocaleString('en')} characters is refused with its line number, before it is parsed`, () => {
  const result = parseContactsCsv(`Name,Email\nAda,ada@example.com\n${'a'.repeat(10 * 1024 * 1024)}\n`);
  expect(result.rejected).toEqual([{ line: 3, reason: 'This line is 10,485,760 characters long; Tend reads CSV lines of up to 1,000,000 characters.' }]);
});
