import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { cleanName, isEmailAddress, isLowerAsciiEmailAddress, normaliseEmail, toEmailAddress } from '../../utils/identity/addresses';

describe('normaliseEmail', () => {
  test.each([
    ['Ada@Example.COM', 'ada@example.com'],
    ['  ada@example.com \n', 'ada@example.com'],
    ['mailto:ada@example.com', 'ada@example.com'],
    ['MAILTO:ada@example.com?subject=Hi%20there', 'ada@example.com'],
    ['grace@navy.example\u202C', 'grace@navy.example'],
    ['\u200Bzero@width.example', 'zero@width.example'],
    ['jose%40example.com', 'jose@example.com'],
    ['100%@example.com', '100%@example.com'],
    ['e\u0301lodie@example.fr', '\u00e9lodie@example.fr'],
  ])('%j -> %j', (raw, expected) => expect(normaliseEmail(raw)).toBe(expected));
});

describe('isEmailAddress', () => {
  test.each([
    ['ada@example.com', true],
    ['first.last+tag@sub.example.co.uk', true],
    ['δοκιμή@παράδειγμα.δοκιμή', true],
    ['no-at-sign.example.com', false],
    ['two@@example.com', false],
    ['a@b@example.com', false],
    ['nodot@localhost', false],
    ['.lead@example.com', false],
    ['dou..ble@example.com', false],
    ['spa ce@example.com', false],
    ['ada@example.123', false],
    [`${'a'.repeat(65)}@example.com`, false],
    [`a@${'b'.repeat(64)}.com`, false],
    ['a@-dash.com', false],
    // Edges of each rule, as one regex checks them all (issue 16's calendar bench).
    ['trail.@example.com', false],
    ['a.b.c@example.com', true],
    [`${'a'.repeat(64)}@example.com`, true],
    [`a@${'b'.repeat(63)}.com`, true],
    ['a@dash-.com', false],
    ['a@da-sh.com', true],
    ['a@example.', false],
    ['a@.example.com', false],
    ['a@exa..mple.com', false],
    ['a@123.example.4g', true],
    ['a@example.c0m', true],
    ['a@b.co\n', false],
    ['a"b@example.com', false],
    ['a@exam_ple.com', false],
    [`${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.com`, false],
  ])('%j -> %s', (value, expected) => expect(isEmailAddress(value)).toBe(expected));

  test('stays fast on a hostile megabyte (no backtracking blow-up)', () => {
    const hostile = `${'a.'.repeat(500_000)}@${'b-'.repeat(100_000)}`;
    expect(isEmailAddress(hostile)).toBe(false);
    expect(toEmailAddress(`${'x'.repeat(60)}@${'y'.repeat(1_000_000)}.com`)).toBeUndefined();
  });
});

describe('cleanName', () => {
  test('folds whitespace and drops invisible marks', () => {
    expect(cleanName('  Ada \n  Lovelace\u202E ')).toBe('Ada Lovelace');
  });
  test('names already clean come back as they are; any other space, mark or control is cleaned', () => {
    expect(cleanName('Ada Lovelace')).toBe('Ada Lovelace');
    expect(cleanName("O'Brien-Smith, Jr.")).toBe("O'Brien-Smith, Jr.");
    expect(cleanName(' Ada')).toBe('Ada');
    expect(cleanName('Ada  Lovelace')).toBe('Ada Lovelace');
    expect(cleanName('Ada\u0007 Lovelace')).toBe('Ada Lovelace');
    expect(cleanName('Zoe\u0301')).toBe('Zoé');
  });
  test('empty or missing names are undefined', () => {
    expect(cleanName('   ')).toBeUndefined();
    expect(cleanName(null)).toBeUndefined();
  });
  test('caps length with a visible mark', () => {
    const name = cleanName('n'.repeat(5000))!;
    expect(name).toHaveLength(200);
    expect(name.endsWith('…')).toBe(true);
  });
});

describe('isLowerAsciiEmailAddress (the fast check of text already lower-case printable ASCII)', () => {
  // Printable ASCII without capitals, '%' or '?': what the mail recognisers hand it. Mostly the
  // characters an address's shape turns on, so that many samples are addresses.
  const anyLowerAscii = fc.constantFrom(...Array.from({ length: 94 }, (_, i) => String.fromCharCode(33 + i)).filter((c) => !/[A-Z%?]/.test(c)), ' ');
  const unit = fc.oneof({ arbitrary: fc.constantFrom(...'abcxyz0129-.'), weight: 12 }, { arbitrary: anyLowerAscii, weight: 1 });
  const addressLike = fc
    .tuple(fc.string({ unit, maxLength: 70 }), fc.array(fc.string({ unit, maxLength: 66 }), { minLength: 1, maxLength: 4 }))
    .map(([local, labels]) => `${local}@${labels.join('.')}`);

  test('answers as isEmailAddress does, on addresses and near-addresses alike', () => {
    let valid = 0;
    fc.assert(
      fc.property(fc.oneof(addressLike, fc.string({ unit: anyLowerAscii, maxLength: 300 })), (value) => {
        if (isEmailAddress(value)) valid++;
        expect(isLowerAsciiEmailAddress(value)).toBe(isEmailAddress(value));
      }),
      { numRuns: 5000 },
    );
    // Many samples are addresses: the property is not only about rejections.
    expect(valid).toBeGreaterThan(100);
  });

  test.each([
    ['ada@analytical.example', true],
    ['a.b-c+d@x-y.example', true],
    ['.ada@x.example', false],
    ['ada.@x.example', false],
    ['a..b@x.example', false],
    ['ada@x', false],
    ['ada@x.123', false],
    ['ada@-x.example', false],
    [`${'a'.repeat(65)}@x.example`, false],
    [`ada@${'b'.repeat(64)}.example`, false],
  ])('%s: %s', (value, expected) => {
    expect(isLowerAsciiEmailAddress(value)).toBe(expected);
    expect(isEmailAddress(value)).toBe(expected);
  });
});
