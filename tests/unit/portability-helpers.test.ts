import { describe, expect, test } from 'vitest';
import { exportFileName } from '../../utils/portability/file-names';
import { textOfFile, unreadableFileIssue } from '../../utils/portability/file-text';
import { emailIdentity, profileIdentity } from '../../utils/portability/import/identities';
import { sameRecord } from '../../utils/portability/import/same-record';

describe('sameRecord', () => {
  test.each([
    [{ a: 1, b: [1, { c: 'x' }] }, { b: [1, { c: 'x' }], a: 1 }, true],
    [{ a: 1, b: undefined }, { a: 1 }, true],
    [{ a: 1 }, { a: 1, b: 2 }, false],
    [{ a: [1, 2] }, { a: [2, 1] }, false],
    [{ a: [] }, { a: {} }, false],
    [{ a: null }, { a: undefined }, false],
    ['x', 'x', true],
    [1, '1', false],
  ])('%j vs %j -> %s', (a, b, expected) => {
    expect(sameRecord(a, b)).toBe(expected);
  });
});

describe('import identities', () => {
  test.each([
    ['ADA@Example.COM', { identity: { kind: 'email', value: 'ada@example.com' } }],
    ['mailto:ada@example.com?subject=hi', { identity: { kind: 'email', value: 'ada@example.com' } }],
    ['ÑÑÑ', { problem: '"ÑÑÑ" is not an email address.' }],
  ])('email %j', (raw, expected) => {
    expect(emailIdentity(raw)).toEqual(expected);
  });

  test.each([
    ['https://www.github.com/Ada/', { identity: { kind: 'url', value: 'https://github.com/ada' } }],
    ['www.linkedin.com/in/ada-l', { identity: { kind: 'url', value: 'https://linkedin.com/in/ada-l' } }],
    ['not a web address', { problem: '"not a web address" is not a web address Tend can keep.' }],
    ['http://www.ibm.com', { problem: 'https://ibm.com is a website, not a profile page: not used to recognise this person.' }],
    ['ftp://files.example/ada', { problem: '"ftp://files.example/ada" is not a web address Tend can keep.' }],
  ])('profile %j', (raw, expected) => {
    expect(profileIdentity(raw)).toEqual(expected);
  });
});

describe('file text', () => {
  test.each([
    ['UTF-8', [0x5a, 0x6f, 0xc3, 0xab], 'Zoë'],
    ['UTF-8 with BOM', [0xef, 0xbb, 0xbf, 0x5a], 'Z'],
    // Letters only: Node 20 decodes 0x80-0x9F as Latin-1 controls where browsers give € etc.
    ['Windows-1252', [0x5a, 0x6f, 0xeb, 0x20, 0xc5, 0x73], 'Zoë Ås'],
  ])('%s', (_, bytes, text) => {
    expect(textOfFile(Uint8Array.from(bytes))).toBe(text);
  });

  test.each([
    ['', 'The file is empty.'],
    ['\ufeff  \r\n', 'The file is empty.'],
    ['GIF89a\u0000\u0001', 'This is a binary file, not a CSV file.'],
  ])('unreadable %j', (text, reason) => {
    expect(unreadableFileIssue(text, 'CSV')).toEqual({ line: 0, reason });
  });

  test('readable text has no issue', () => {
    expect(unreadableFileIssue('a,b\r\n', 'CSV')).toBeUndefined();
  });
});

test('export file names carry the local date', () => {
  const may1 = new Date(2024, 4, 1, 23, 59).getTime();
  expect(exportFileName('backup', may1)).toBe('tend-backup-2024-05-01.json');
  expect(exportFileName('people', may1)).toBe('tend-people-2024-05-01.csv');
  expect(exportFileName('contacts', may1)).toBe('tend-contacts-2024-05-01.vcf');
});
