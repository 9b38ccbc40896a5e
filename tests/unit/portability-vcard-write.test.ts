import { describe, expect, test } from 'vitest';
import type { Contact } from '../../utils/model/records';
import { parseVCards } from '../../utils/portability/vcard/parse';
import { escapeText, foldLine, writeVCards, type VCardVersion } from '../../utils/portability/vcard/write';

const contact = (overrides: Partial<Contact> = {}): Contact => ({
  id: '01890a5d-ac96-774b-bcce-b302099a8057',
  displayName: 'Ada Lovelace',
  identities: [
    { kind: 'email', value: 'ada@analytical.example' },
    { kind: 'email', value: 'countess@lovelace.example' },
    { kind: 'url', value: 'https://github.com/ada' },
  ],
  org: 'Analytical Engines',
  title: 'Programmer',
  tags: ['maths', 'engines'],
  whatMatters: 'Poetical science.',
  createdAt: 1_700_000_000_000,
  updatedAt: 1_700_000_100_000,
  ...overrides,
});

const octets = (line: string) => new TextEncoder().encode(line).length;
const physical = (text: string) => text.split('\r\n').slice(0, -1);

describe('escapeText', () => {
  test.each([
    ['a,b', 'a\\,b'],
    ['a;b', 'a\\;b'],
    ['a\\b', 'a\\\\b'],
    ['a\nb\r\nc\rd', 'a\\nb\\nc\\nd'],
    ['\\n literal', '\\\\n literal'],
  ])('%j -> %j', (input, expected) => {
    expect(escapeText(input)).toBe(expected);
  });
});

describe('foldLine', () => {
  test.each([
    ['ASCII', 'NOTE:' + 'x'.repeat(200)],
    ['two-byte letters', 'NOTE:' + 'é'.repeat(120)],
    ['three-byte CJK', 'NOTE:' + '漢字'.repeat(60)],
    ['four-byte emoji', 'NOTE:' + '🙂'.repeat(50)],
    ['mixed, with a sequence at every boundary offset', 'NOTE:' + 'aé漢🙂'.repeat(40)],
  ])('%s: every line at most 75 octets, no UTF-8 sequence split, unfolds to the original', (_, line) => {
    const folded = foldLine(line);
    const lines = folded.split('\r\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const [i, part] of lines.entries()) {
      expect(octets(part)).toBeLessThanOrEqual(75);
      if (i > 0) expect(part.startsWith(' ')).toBe(true);
      // A split sequence would leave a lone surrogate or decode to U+FFFD on its own.
      expect(part.isWellFormed()).toBe(true);
      expect(new TextDecoder().decode(new TextEncoder().encode(part))).toBe(part);
    }
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });

  test('a line of exactly 75 octets is not folded', () => {
    const line = 'NOTE:' + 'x'.repeat(70);
    expect(foldLine(line)).toBe(line);
    expect(foldLine(line + 'y')).toBe(`${line}\r\n y`);
  });
});

describe('writeVCards', () => {
  test('4.0: FN, EMAIL with PREF, URL for profiles, ORG, TITLE, CATEGORIES, NOTE; no guessed N', () => {
    const text = writeVCards([contact()], '4.0');
    expect(physical(text)).toEqual([
      'BEGIN:VCARD',
      'VERSION:4.0',
      'PRODID:-//Tend//Tend//EN',
      'UID:urn:uuid:01890a5d-ac96-774b-bcce-b302099a8057',
      'FN:Ada Lovelace',
      'EMAIL;PREF=1:ada@analytical.example',
      'EMAIL:countess@lovelace.example',
      'URL:https://github.com/ada',
      'ORG:Analytical Engines',
      'TITLE:Programmer',
      'CATEGORIES:maths,engines',
      'NOTE:Poetical science.',
      'REV:20231114T221500Z',
      'END:VCARD',
    ]);
  });

  test('3.0: N derived from the display name, TYPE=INTERNET', () => {
    const lines = physical(writeVCards([contact()], '3.0'));
    expect(lines).toContain('VERSION:3.0');
    expect(lines).toContain('N:Lovelace;Ada;;;');
    expect(lines).toContain('EMAIL;TYPE=INTERNET,PREF:ada@analytical.example');
    expect(lines).toContain('UID:01890a5d-ac96-774b-bcce-b302099a8057');
  });

  test.each([
    ['single word', 'Plato', 'N:;Plato;;;'],
    ['three words', 'Mary Ann Evans', 'N:Evans;Mary Ann;;;'],
    ['escaped', 'Smith\\; Jones', 'N:Jones;Smith\\\\\\;;;;'],
  ])('3.0 N: %s', (_, displayName, expected) => {
    expect(physical(writeVCards([contact({ displayName })], '3.0'))).toContain(expected);
  });

  test('handles are left out, an empty name falls back to the first address', () => {
    const text = writeVCards([
      contact({
        displayName: '',
        identities: [
          { kind: 'handle', value: '@ada' },
          { kind: 'email', value: 'a@x.example' },
        ],
      }),
    ]);
    expect(text).toContain('FN:a@x.example\r\n');
    expect(text).not.toContain('@ada');
  });

  const hostile = contact({
    displayName: 'Zoë "Z" Ångström, PhD; 漢字 🙂',
    org: 'Comma, Semicolon; Backslash\\ Inc.',
    title: 'Head of\nTwo Lines',
    tags: ['a,b', 'c;d', 'e\\f'],
    whatMatters: `Long note ${'with ünïcödé and emoji 🙂 '.repeat(20)}\nand a second line; with, punctuation\\`,
  });

  test.each<VCardVersion>(['4.0', '3.0'])('%s round trip through the parser, lines folded at 75 octets', (version) => {
    const text = writeVCards([contact(), hostile], version);
    for (const line of physical(text)) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(text.endsWith('END:VCARD\r\n')).toBe(true);
    const { cards, rejected } = parseVCards(text);
    expect(rejected).toEqual([]);
    expect(cards.map(({ line, ...card }) => card)).toEqual(
      [contact(), hostile].map((c) => ({
        displayName: c.displayName.replace(/\s+/g, ' '),
        emails: c.identities.filter((i) => i.kind === 'email').map((i) => i.value),
        urls: c.identities.filter((i) => i.kind === 'url').map((i) => i.value),
        org: c.org,
        title: c.title!.replace(/\s+/g, ' '),
        categories: c.tags,
        note: c.whatMatters,
      })),
    );
  });

  test('no contacts, no cards', () => {
    expect(writeVCards([])).toBe('');
  });
});
