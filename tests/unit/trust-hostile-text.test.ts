/**
 * Hostile text where Tend's pages are not the ones showing it: Chrome's notifications, and the
 * vCard and CSV files address books and spreadsheets open. The names and notes here carry
 * markup, bidi overrides, line breaks that try to start new vCard properties, and formulas.
 */
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { menuLogUi } from '../../entrypoints/background/context-menu';
import { capText, notificationMessage, notificationTitle } from '../../utils/text/display-text';
import type { Contact, FollowUp, Interaction } from '../../utils/model/records';
import { exportInteractionsCsv, exportPeopleCsv } from '../../utils/portability/csv/export';
import { readCsv } from '../../utils/portability/csv/read';
import { logicalLines } from '../../utils/portability/vcard/lines';
import { parseVCards } from '../../utils/portability/vcard/parse';
import { writeVCards } from '../../utils/portability/vcard/write';
import { notifyFollowUp } from '../../utils/services/followups/alarms-sync';

const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const MARKUP = '<img src=x onerror="alert(1)">';

const hostileContact = (fields: Partial<Contact> = {}): Contact => ({
  id: '01900000-0000-7000-8000-0000000000e1',
  displayName: `${MARKUP}Mallory\u202Etxt.exe`,
  identities: [{ kind: 'email', value: 'mallory@payload.example' }],
  tags: [],
  createdAt: 1_700_000_000_000,
  updatedAt: 1_700_000_000_000,
  ...fields,
});

describe('notification text', () => {
  test('a follow-up reminder for a hostile name: markup as literal text, no bidi controls, capped', async () => {
    const contact = hostileContact({ displayName: `${MARKUP}Mallory\u202Etxt.exe\u2067 ${'x'.repeat(150)}` });
    const followUp: FollowUp = {
      id: '01900000-0000-7000-8000-0000000000f1',
      contactId: contact.id,
      due: 1_700_000_000_000,
      text: `<script>alert(2)</script>\u202Ecall back 👩‍💻\n${'y'.repeat(99_000)}`,
      done: false,
    };
    const id = await notifyFollowUp(followUp, contact);
    const shown = (await fakeBrowser.notifications.getAll())[id] as { title: string; message: string };
    expect(shown.title.startsWith(`Follow up with ${MARKUP}Mallorytxt.exe x`)).toBe(true);
    expect(shown.title.length).toBe(120);
    expect(shown.title.endsWith('…')).toBe(true);
    // Line breaks stay in the message, and so do the joiners an emoji needs.
    expect(shown.message.startsWith('<script>alert(2)</script>call back 👩‍💻\nyyy')).toBe(true);
    expect(shown.message.length).toBe(300);
    for (const text of [shown.title, shown.message]) expect(text).not.toMatch(BIDI_CONTROL);
  });

  test('"Logged for …" after a context-menu log: the page selection is plain, capped, without bidi controls', async () => {
    const entry = { id: '01900000-0000-7000-8000-0000000000b1', summary: `\u202E${MARKUP} ${'z'.repeat(5000)}` } as Interaction;
    await menuLogUi().confirmLogged(entry, `Eve\u202E\n${'e'.repeat(200)}`);
    const shown = (await fakeBrowser.notifications.getAll())[`tend-logged:${entry.id}`] as { title: string; message: string };
    expect(shown.title).toBe(capText(`Logged for Eve ${'e'.repeat(200)}`, 120));
    expect(shown.message.startsWith(`${MARKUP} zzz`)).toBe(true);
    expect(shown.message.length).toBe(300);
    for (const text of [shown.title, shown.message]) expect(text).not.toMatch(BIDI_CONTROL);
  });

  test.each([118, 119, 120, 121])('capping never leaves half an emoji (%i units of text)', (length) => {
    const text = `${'a'.repeat(length - 2)}😀`;
    for (const max of [117, 118, 119, 120]) {
      const capped = capText(text, max);
      expect(capped.length).toBeLessThanOrEqual(max);
      expect(capped).not.toMatch(LONE_SURROGATE);
    }
  });

  test('short text is left as it is, apart from the bidi controls', () => {
    expect(notificationTitle('Follow up with أحمد')).toBe('Follow up with أحمد');
    expect(notificationMessage('\u2066Ring\u2069 her')).toBe('Ring her');
  });
});

describe('vCard export', () => {
  const injecting = hostileContact({
    displayName: 'Eve\r\nEMAIL:attacker@evil.example',
    org: 'ACME;\nEND:VCARD\nBEGIN:VCARD\nFN:Injected',
    title: '\u202Eformula=1+1',
    tags: ['a,b', 'c;d\nTEL:+1555'],
    whatMatters: 'Line one\\nstill one\r\nNOTE:second',
    // A URL as a crafted backup could restore it: URIs take no text escapes.
    identities: [
      { kind: 'email', value: 'eve@payload.example' },
      { kind: 'url', value: 'https://evil.example/in\r\nEMAIL:attacker2@evil.example' },
    ],
  });

  test.each(['4.0', '3.0'] as const)('vCard %s: a value cannot start another property or card', (version) => {
    const file = writeVCards([injecting], version);
    const names = logicalLines(file).map((line) => line.text.split(/[:;]/, 1)[0]);
    const expected = [
      'BEGIN',
      'VERSION',
      'PRODID',
      'UID',
      'FN',
      ...(version === '3.0' ? ['N'] : []),
      'EMAIL',
      'URL',
      'ORG',
      'TITLE',
      'CATEGORIES',
      'NOTE',
      'REV',
      'END',
    ];
    expect(names).toEqual(expected);
    expect(file).not.toMatch(BIDI_CONTROL);

    const { cards, rejected } = parseVCards(file);
    expect(rejected).toEqual([]);
    expect(cards).toHaveLength(1);
    const [card] = cards;
    expect(card!.emails).toEqual(['eve@payload.example']);
    // The payload comes back as data (line breaks folded by the reader's name cleaning).
    expect(card!.displayName).toBe('Eve EMAIL:attacker@evil.example');
    expect(card!.org).toBe('ACME; END:VCARD BEGIN:VCARD FN:Injected');
    expect(card!.title).toBe('formula=1+1');
    expect(card!.categories).toEqual(['a,b', 'c;d TEL:+1555']);
    expect(card!.note).toBe('Line one\\nstill one\nNOTE:second');
    expect(card!.urls).toEqual(['https://evil.example/in%0D%0AEMAIL:attacker2@evil.example']);
  });
});

describe('CSV export', () => {
  test('formulas are defused even behind a bidi override; markup and line breaks come back as data', () => {
    const contact = hostileContact({
      displayName: '\u202E=HYPERLINK("http://evil.example","Ada")',
      org: "+cmd|' /C calc'!A0",
      title: `${MARKUP}\r\nsecond line`,
      tags: ['@SUM(1+1)', '-2+3', 'plain'],
    });
    const file = exportPeopleCsv([contact]);
    expect(file).not.toMatch(BIDI_CONTROL);
    const { rows, rejected } = readCsv(file);
    expect(rejected).toEqual([]);
    expect(rows).toHaveLength(1);
    // As a spreadsheet sees the cells: every formula start is behind an apostrophe.
    const raw = readRawCells(file)[1]!;
    expect(raw.slice(0, 6)).toEqual([
      '\'=HYPERLINK("http://evil.example","Ada")',
      'mallory@payload.example',
      '',
      "'+cmd|' /C calc'!A0",
      `${MARKUP}\r\nsecond line`,
      "'@SUM(1+1) ::: -2+3 ::: plain",
    ]);
    // Tend's reader takes its own guard off again: the data round-trips.
    const cells = rows[0]!.cells;
    expect(cells.get('Name')).toBe('=HYPERLINK("http://evil.example","Ada")');
    expect(cells.get('Organisation')).toBe("+cmd|' /C calc'!A0");
    expect(cells.get('Title')).toBe(`${MARKUP}\r\nsecond line`);
  });

  test('a page title and a note starting with a formula are defused in the history export', () => {
    const contact = hostileContact();
    const entry: Interaction = {
      id: '01900000-0000-7000-8000-0000000000b2',
      contactIds: [contact.id],
      kind: 'note',
      at: 1_700_000_000_000,
      summary: '=1+1',
      body: '\t=cmd',
      source: { url: 'https://people.example/', title: '-@page' },
      createdAt: 1_700_000_000_000,
    };
    const [, row] = readRawCells(exportInteractionsCsv([entry], new Map([[contact.id, contact]])));
    expect(row!.slice(2, 9)).toEqual([`${MARKUP}Mallorytxt.exe`, 'mallory@payload.example', "'=1+1", "'\t=cmd", '', 'https://people.example/', "'-@page"]);
  });
});

/** The cells exactly as written (guards included), as a spreadsheet receives them. */
const readRawCells = (file: string): string[][] => Papa.parse<string[]>(file.replace(/^\ufeff/, ''), { skipEmptyLines: true }).data;
