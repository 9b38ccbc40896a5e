import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import type { Contact, Interaction } from '../../utils/model/records';
import { exportInteractionsCsv, exportPeopleCsv, toCsv } from '../../utils/portability/csv/export';
import { parseContactsCsv, parseCsvWithMapping, suggestColumnMapping } from '../../utils/portability/csv/import';
import { textOfFile } from '../../utils/portability/file-text';

const fixture = (name: string) => textOfFile(readFileSync(resolve('tests/fixtures/portability', name)));
/** Cells as a spreadsheet sees them: BOM off, parsed back as RFC 4180. */
const cellsOf = (csv: string) => Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;

const ADA: Contact = {
  id: '01890a5d-ac96-774b-bcce-b302099a8057',
  displayName: 'Ada "Countess" Lovelace',
  identities: [
    { kind: 'email', value: 'ada@analytical.example' },
    { kind: 'email', value: 'countess@lovelace.example' },
    { kind: 'url', value: 'https://github.com/ada' },
  ],
  org: 'Engines, Ltd.',
  title: 'Programmer',
  tags: ['maths', '-urgent'],
  stage: 'active',
  whatMatters: 'Line one\nline two',
  cadenceDays: 30,
  createdAt: Date.UTC(2024, 0, 2, 3, 4, 5),
  updatedAt: Date.UTC(2024, 1, 2, 3, 4, 5),
  lastInteractionAt: Date.UTC(2024, 2, 2, 3, 4, 5),
};
const PRANK: Contact = {
  ...ADA,
  id: '01890a5d-ac96-774b-bcce-b302099a8058',
  displayName: '=HYPERLINK("http://evil.example","x")',
  identities: [],
  tags: [],
  org: '@SUM(1)',
  title: '+1',
  whatMatters: undefined,
  stage: undefined,
  cadenceDays: undefined,
  lastInteractionAt: undefined,
};

describe('toCsv', () => {
  test('UTF-8 BOM, CRLF after every row, RFC 4180 quoting', () => {
    expect(
      toCsv([
        ['a', 'b,c'],
        ['say "hi"', 'two\nlines'],
        ['', ' padded '],
      ]),
    ).toBe('\ufeffa,"b,c"\r\n"say ""hi""","two\nlines"\r\n," padded "\r\n');
  });

  test.each([
    ['=1+2', "'=1+2"],
    ['+33 1 23', "'+33 1 23"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=cmd', "'\t=cmd"],
    ['=cmd|"/c calc"!A1\nsecond line', '\'=cmd|"/c calc"!A1\nsecond line'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('formula guard: %j reads back as %j', (cell, expected) => {
    expect(cellsOf(toCsv([[cell, 'x']]))[0]![0]).toBe(expected);
  });
});

describe('exportPeopleCsv', () => {
  const csv = exportPeopleCsv([ADA, PRANK]);

  test('one header and one row per person; dates in UTC; several values joined', () => {
    const [header, ada, prank] = cellsOf(csv);
    expect(header![0]).toBe('Name');
    expect(ada).toEqual([
      'Ada "Countess" Lovelace',
      'ada@analytical.example ::: countess@lovelace.example',
      'https://github.com/ada',
      'Engines, Ltd.',
      'Programmer',
      'maths ::: -urgent',
      'active',
      'Line one\nline two',
      '30',
      '2024-03-02 03:04:05',
      '2024-01-02 03:04:05',
      '2024-02-02 03:04:05',
      ADA.id,
    ]);
    expect(prank!.slice(0, 5)).toEqual(['\'=HYPERLINK("http://evil.example","x")', '', '', "'@SUM(1)", "'+1"]);
  });

  test('every line ends in CRLF and the file starts with a BOM', () => {
    expect(csv.startsWith('\ufeffName,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/"[^"]*"/g, '').match(/(?<!\r)\n/)).toBeNull();
  });

  test('imports back as Tend people CSV: names, addresses, URLs, tags, notes', () => {
    const result = parseContactsCsv(csv);
    expect(result.format).toBe('tend');
    if (result.format === 'unknown') return;
    expect(result.candidates[0]).toEqual({
      line: 2,
      displayName: ADA.displayName,
      emails: ['ada@analytical.example', 'countess@lovelace.example'],
      urls: ['https://github.com/ada'],
      org: ADA.org,
      title: ADA.title,
      tags: ['maths', '-urgent'],
      note: ADA.whatMatters,
    });
    // The guard apostrophe comes off again on import.
    expect(result.candidates[1]).toMatchObject({ line: 4, displayName: PRANK.displayName, org: '@SUM(1)', title: '+1' });
  });
});

describe('exportInteractionsCsv', () => {
  const at = Date.UTC(2024, 4, 1, 9, 30);
  const interactions: Interaction[] = [
    {
      id: '01890a5d-ac96-774b-bcce-b302099a8060',
      contactIds: [ADA.id, '01890a5d-ac96-774b-bcce-b30209999999'],
      kind: 'meeting',
      at: at + 1000,
      summary: '=Lunch',
      body: 'Talked, at length',
      experience: 'positive',
      source: { url: 'https://mail.example/t/1', title: 'Lunch?', site: 'gmail' },
      createdAt: at,
    },
    { id: '01890a5d-ac96-774b-bcce-b302099a8061', contactIds: [ADA.id], kind: 'note', at, summary: 'Earlier', createdAt: at },
  ];
  const [header, first, second] = cellsOf(exportInteractionsCsv(interactions, new Map([[ADA.id, ADA]])));

  test('oldest first, people by name (unknown ids kept), their first address', () => {
    expect(header).toEqual([
      'Date (UTC)',
      'Kind',
      'People',
      'Email addresses',
      'Summary',
      'Details',
      'Experience',
      'Source URL',
      'Source title',
      'Site',
      'Tend id',
    ]);
    expect(first).toEqual(['2024-05-01 09:30:00', 'note', ADA.displayName, 'ada@analytical.example', 'Earlier', '', '', '', '', '', interactions[1]!.id]);
    expect(second).toEqual([
      '2024-05-01 09:30:01',
      'meeting',
      `${ADA.displayName} ::: 01890a5d-ac96-774b-bcce-b30209999999`,
      'ada@analytical.example',
      "'=Lunch",
      'Talked, at length',
      'positive',
      'https://mail.example/t/1',
      'Lunch?',
      'gmail',
      interactions[0]!.id,
    ]);
  });
});

describe('parseContactsCsv: known exports', () => {
  test('Google Contacts, older header (Name, Given Name, Group Membership)', () => {
    const result = parseContactsCsv(fixture('google-contacts-older.csv'));
    expect(result.format).toBe('google');
    if (result.format === 'unknown') return;
    expect(result.candidates).toEqual([
      {
        line: 2,
        displayName: 'Maren Quist',
        emails: ['maren@quist.example', 'm.quist@harbour.example'],
        urls: ['https://github.com/marenquist'],
        org: 'Harbour Works',
        title: 'Skipper',
        tags: ['Sailing Club'],
        note: 'Met at the harbour fair.\nLikes sailing.',
      },
      { line: 4, displayName: 'Dr. Tobias Ferreira-Lind', emails: ['tobias@ferreira-lind.example'], urls: [], tags: [] },
      { line: 5, emails: ['orders@bakery.example'], urls: [], tags: [], org: 'Nameless Bakery, Ltd.' },
      { line: 7, displayName: '=HYPERLINK("http://evil.example")', emails: ['formula@prank.example'], urls: [], tags: [] },
    ]);
    expect(result.rejected).toEqual([{ line: 6, reason: 'This row has no name, email address or web address.' }]);
  });

  test('Google Contacts, newer header (First/Middle/Last Name, Labels), BOM', () => {
    const result = parseContactsCsv(fixture('google-contacts-newer.csv'));
    expect(result.format).toBe('google');
    if (result.format === 'unknown') return;
    expect(result.candidates).toEqual([
      {
        line: 2,
        displayName: 'Ingrid Sol Varga',
        emails: ['ingrid@varga.example', 'i.varga@lumen.example'],
        urls: [],
        org: 'Lumen Labs',
        title: 'Researcher',
        tags: ['Conference 2024', 'Friends'],
        note: 'Prefers mornings.',
      },
      { line: 3, displayName: 'Kwame Osei-Bonsu', emails: ['kwame@osei.example'], urls: ['www.linkedin.com/in/kwame-osei-bonsu'], tags: [] },
      { line: 4, displayName: 'Yuki Tanabe', emails: ['yuki@tanabe.example'], urls: [], tags: [] },
      { line: 5, displayName: 'Zoë Ångström', emails: ['zoe@angstrom.example'], urls: [], tags: [], note: 'Line one\nline two, with a comma' },
    ]);
    expect(result.rejected).toEqual([]);
  });

  test('Outlook export (quoted headers, Windows-1252, categories with semicolons)', () => {
    const result = parseContactsCsv(fixture('outlook-contacts.csv'));
    expect(result.format).toBe('outlook');
    if (result.format === 'unknown') return;
    expect(result.candidates).toEqual([
      {
        line: 2,
        displayName: 'Jürgen Müller',
        emails: ['juergen@feldweg.example', 'jm@private.example'],
        urls: [],
        org: 'Feldweg GmbH',
        title: 'Einkäufer',
        tags: ['Suppliers', 'Key accounts'],
        note: 'Call before noon.',
      },
      { line: 3, displayName: 'Ms. Priya Raman', emails: ['priya@raman.example'], urls: ['https://github.com/priya-raman'], tags: [] },
      { line: 4, emails: [], urls: [], tags: [], org: 'Only A Company Ltd' },
    ]);
    expect(result.rejected).toEqual([]);
  });
});

describe('any other CSV: headers, a suggested mapping, then parseCsvWithMapping', () => {
  const text = fixture('other-contacts-semicolon.csv');

  test('unknown format returns the headers and a suggestion', () => {
    const result = parseContactsCsv(text);
    expect(result.format).toBe('unknown');
    if (result.format !== 'unknown') return;
    expect(result.headers).toEqual(['Full name', 'Work e-mail', 'Private e-mail', 'Firm', 'Position', 'Groups', 'Remarks']);
    expect(result.suggested).toEqual({
      displayName: 'Full name',
      givenName: undefined,
      familyName: undefined,
      emails: ['Work e-mail', 'Private e-mail'],
      urls: [],
      org: 'Firm',
      title: 'Position',
      tags: 'Groups',
      note: 'Remarks',
    });
  });

  test('mapped rows, with line numbers that count multi-line cells', () => {
    const result = parseCsvWithMapping(text, {
      displayName: 'Full name',
      emails: ['Work e-mail', 'Private e-mail'],
      urls: [],
      org: 'Firm',
      title: 'Position',
      tags: 'Groups',
      note: 'Remarks',
    });
    expect(result.candidates).toEqual([
      {
        line: 2,
        displayName: 'Sanne de Wit',
        emails: ['sanne@dewit.example'],
        urls: [],
        org: 'De Wit & Zonen',
        title: 'Owner',
        tags: ['Clients'],
        note: 'Wants quarterly reports',
      },
      {
        line: 3,
        displayName: 'Bram "The Builder" Kok',
        emails: ['bram@kok.example', 'bram.kok@mail.example'],
        urls: [],
        tags: ['Clients', 'Builders'],
        note: 'Two\nlines',
      },
      // Not an address, but a name: the preview warns about the value and keeps the person.
      { line: 6, displayName: 'Lotte Jansen', emails: ['not-an-address'], urls: [], tags: [] },
    ]);
    expect(result.rejected).toEqual([{ line: 7, reason: 'This row has 8 cells but the header has 7.' }]);
  });

  test('a mapping naming a column the file lacks is refused', () => {
    expect(parseCsvWithMapping(text, { displayName: 'Nom', emails: [], urls: [] })).toEqual({
      candidates: [],
      rejected: [{ line: 1, reason: 'This file has no column "Nom".' }],
    });
  });

  test.each([
    [
      ['Name', 'Email', 'Company', 'Job Title', 'Tags', 'Notes'],
      { displayName: 'Name', emails: ['Email'], org: 'Company', title: 'Job Title', tags: 'Tags', note: 'Notes' },
    ],
    [
      ['First Name', 'Last Name', 'E-mail Address', 'LinkedIn'],
      { givenName: 'First Name', familyName: 'Last Name', emails: ['E-mail Address'], urls: ['LinkedIn'] },
    ],
  ])('suggestColumnMapping(%j)', (headers, expected) => {
    expect(suggestColumnMapping(headers)).toMatchObject(expected);
  });
});

describe('bad CSV files', () => {
  test.each([
    ['empty', '', 'The file is empty.'],
    ['binary', 'PK\u0003\u0004\u0000\u0000', 'This is a binary file, not a CSV file.'],
  ])('%s', (_, text, reason) => {
    expect(parseContactsCsv(text).rejected).toEqual([{ line: 0, reason }]);
  });

  test('an unclosed quote rejects the rest of the file at its line', () => {
    const result = parseContactsCsv('First Name,Last Name,E-mail Address\r\nAda,Lovelace,ada@x.example\r\n"Charles,Babbage,c@x.example\r\nmore\r\n');
    expect(result.format).toBe('outlook');
    expect(result.rejected).toHaveLength(1);
    expect(result.rejected[0]!.line).toBe(3);
    if (result.format !== 'unknown') expect(result.candidates.map((c) => c.displayName)).toEqual(['Ada Lovelace']);
  });
});
