import { describe, expect, test } from 'vitest';
import { parseAddressList, type ParsedAddress } from '../../utils/identity/address-header';

type Case = [input: string, expected: ParsedAddress[]];

describe('plain mailboxes and lists', () => {
  test.each<Case>([
    ['ada@example.com', [{ address: 'ada@example.com' }]],
    ['  ada@example.com  ', [{ address: 'ada@example.com' }]],
    ['Ada Lovelace <ada@example.com>', [{ name: 'Ada Lovelace', address: 'ada@example.com' }]],
    ['<ada@example.com>', [{ address: 'ada@example.com' }]],
    ['Ada <ada@example.com>, grace@navy.example', [{ name: 'Ada', address: 'ada@example.com' }, { address: 'grace@navy.example' }]],
    ['a@b.example,c@d.example', [{ address: 'a@b.example' }, { address: 'c@d.example' }]],
    ['a@b.example; c@d.example', [{ address: 'a@b.example' }, { address: 'c@d.example' }]],
    ['Ada.Lovelace+tag@Example.COM', [{ address: 'Ada.Lovelace+tag@Example.COM' }]],
    ['Mikel@Lindsaar <raasdnil@example.com>', [{ name: 'Mikel@Lindsaar', address: 'raasdnil@example.com' }]],
    ["'Ada Lovelace' <ada@example.com>", [{ name: 'Ada Lovelace', address: 'ada@example.com' }]],
    ['Jöhn Dœ <jdöe@mächine.example>', [{ name: 'Jöhn Dœ', address: 'jdöe@mächine.example' }]],
  ])('%j', (input, expected) => expect(parseAddressList(input)).toEqual(expected));
});

describe('quoted strings', () => {
  test.each<Case>([
    ['"Lovelace, Ada" <ada@example.com>', [{ name: 'Lovelace, Ada', address: 'ada@example.com' }]],
    [
      '"Last, First" <a@b.example>, "Other, One" <c@d.example>',
      [
        { name: 'Last, First', address: 'a@b.example' },
        { name: 'Other, One', address: 'c@d.example' },
      ],
    ],
    ['"Giant; \\"Big\\" Box" <sysservices@example.net>', [{ name: 'Giant; "Big" Box', address: 'sysservices@example.net' }]],
    ['"back\\\\slash" <b@example.com>', [{ name: 'back\\slash', address: 'b@example.com' }]],
    ['"Joe Q. Public" <john.q.public@example.com>', [{ name: 'Joe Q. Public', address: 'john.q.public@example.com' }]],
    ['"<ada@evil.example>" <ada@example.com>', [{ name: '<ada@evil.example>', address: 'ada@example.com' }]],
    ['"john doe"@example.com', [{ address: '"john doe"@example.com' }]],
    ['"a(b)c" <x@example.com>', [{ name: 'a(b)c', address: 'x@example.com' }]],
    ['"unterminated <a@b.example>', []],
  ])('%j', (input, expected) => expect(parseAddressList(input)).toEqual(expected));
});

describe('groups', () => {
  test.each<Case>([
    [
      'Undisclosed: a@b.example, c@d.example;',
      [
        { address: 'a@b.example', group: 'Undisclosed' },
        { address: 'c@d.example', group: 'Undisclosed' },
      ],
    ],
    ['undisclosed-recipients:;', []],
    ['Undisclosed recipients:;', []],
    [
      'A Group:Chris Jones <c@a.test>,joe@where.test,John <jdoe@one.test>;',
      [
        { name: 'Chris Jones', address: 'c@a.test', group: 'A Group' },
        { address: 'joe@where.test', group: 'A Group' },
        { name: 'John', address: 'jdoe@one.test', group: 'A Group' },
      ],
    ],
    ['Team: a@b.example; after@example.com', [{ address: 'a@b.example', group: 'Team' }, { address: 'after@example.com' }]],
    ['"Quoted: Group": x@y.example;', [{ address: 'x@y.example', group: 'Quoted: Group' }]],
    ['Unclosed: a@b.example', [{ address: 'a@b.example', group: 'Unclosed' }]],
  ])('%j', (input, expected) => expect(parseAddressList(input)).toEqual(expected));
});

describe('comments', () => {
  test.each<Case>([
    ['ada@example.com (Ada Lovelace)', [{ name: 'Ada Lovelace', address: 'ada@example.com' }]],
    ['(Ada Lovelace) ada@example.com', [{ name: 'Ada Lovelace', address: 'ada@example.com' }]],
    ['Pete(A wonderful \\) chap) <pete(his account)@silly.test(his host)>', [{ name: 'Pete', address: 'pete@silly.test' }]],
    ['ada@example.com (outer (nested) comment)', [{ name: 'outer (nested) comment', address: 'ada@example.com' }]],
    ['<ada@example.com> (Ada)', [{ name: 'Ada', address: 'ada@example.com' }]],
    ['John <jdoe@one.test> (my dear friend)', [{ name: 'John', address: 'jdoe@one.test' }]],
    ["Chris <c@(Chris's host.)public.example>", [{ name: 'Chris', address: 'c@public.example' }]],
    ['(Empty list)(start)Undisclosed recipients  :(nobody(that I know))  ;', []],
    ['ada@example.com (unterminated (comment', [{ name: 'unterminated (comment', address: 'ada@example.com' }]],
    ['ada@example.com ()', [{ address: 'ada@example.com' }]],
  ])('%j', (input, expected) => expect(parseAddressList(input)).toEqual(expected));
});

describe('obsolete forms', () => {
  test.each<Case>([
    ['Joe Q. Public <john.q.public@example.com>', [{ name: 'Joe Q. Public', address: 'john.q.public@example.com' }]],
    ['Mary Smith <@machine.tld:mary@example.net>', [{ name: 'Mary Smith', address: 'mary@example.net' }]],
    ['<@relay.example,@other.example:mary@example.net>', [{ address: 'mary@example.net' }]],
    ['a@b.example, , c@d.example', [{ address: 'a@b.example' }, { address: 'c@d.example' }]],
    ['jdoe@test   . example', [{ address: 'jdoe@test.example' }]],
    ['john . q . public @ example . com', [{ address: 'john.q.public@example.com' }]],
    ['user@[192.0.2.1]', [{ address: 'user@[192.0.2.1]' }]],
  ])('%j', (input, expected) => expect(parseAddressList(input)).toEqual(expected));
});

describe('folded whitespace', () => {
  test.each<Case>([
    ['Ada\r\n Lovelace <ada@example.com>', [{ name: 'Ada Lovelace', address: 'ada@example.com' }]],
    ['a@b.example,\r\n\tc@d.example', [{ address: 'a@b.example' }, { address: 'c@d.example' }]],
    ['"Folded\r\n Name" <f@example.com>', [{ name: 'Folded Name', address: 'f@example.com' }]],
    ['A Group(Some people)\r\n     :Chris Jones <c@x.example>;', [{ name: 'Chris Jones', address: 'c@x.example', group: 'A Group' }]],
  ])('%j', (input, expected) => expect(parseAddressList(input)).toEqual(expected));
});

describe('RFC 2047 encoded words', () => {
  test.each<Case>([
    ['=?UTF-8?B?44G/44GR44KL?= <raasdnil@example.com>', [{ name: 'みける', address: 'raasdnil@example.com' }]],
    ['=?ISO-8859-1?Q?Andr=E9?= Pirard <pirard@example.be>', [{ name: 'André Pirard', address: 'pirard@example.be' }]],
    ['=?iso-8859-1?q?J=F6rg_M=FCller?= <jm@example.de>', [{ name: 'Jörg Müller', address: 'jm@example.de' }]],
    // Adjacent encoded words join without the whitespace between them.
    ['=?UTF-8?Q?Ada?= =?UTF-8?Q?_Lovelace?= <ada@example.com>', [{ name: 'Ada Lovelace', address: 'ada@example.com' }]],
    ['=?ISO-8859-1?Q?a?=  =?ISO-8859-1?Q?b?= <ab@example.com>', [{ name: 'ab', address: 'ab@example.com' }]],
    // A character split across two encoded words (bytes E3 81 | BF) still decodes.
    ['=?UTF-8?B?44E=?= =?UTF-8?B?vw==?= <mi@example.jp>', [{ name: 'み', address: 'mi@example.jp' }]],
    ['=?UTF-8?Q?Caf=C3=A9?= Society <cafe@example.com>', [{ name: 'Café Society', address: 'cafe@example.com' }]],
    ['"=?UTF-8?B?w4lsb2RpZQ==?=" <elodie@example.fr>', [{ name: 'Élodie', address: 'elodie@example.fr' }]],
    ['ada@example.com (=?UTF-8?Q?Ad=C3=A1?=)', [{ name: 'Adá', address: 'ada@example.com' }]],
    ['=?UTF-8*en?Q?Ada?= <ada@example.com>', [{ name: 'Ada', address: 'ada@example.com' }]],
    // Unknown charset: valid UTF-8 bytes read as UTF-8.
    ['=?x-unknown?Q?M=C3=BCller?= <m@example.de>', [{ name: 'Müller', address: 'm@example.de' }]],
    // Malformed encoded words stay as written.
    ['=?UTF-8?X?abc?= <x@example.com>', [{ name: '=?UTF-8?X?abc?=', address: 'x@example.com' }]],
    ['=?UTF-8?Q?bad=ZZ?= <x@example.com>', [{ name: '=?UTF-8?Q?bad=ZZ?=', address: 'x@example.com' }]],
    ['=?UTF-8?B?!!!?= <x@example.com>', [{ name: '=?UTF-8?B?!!!?=', address: 'x@example.com' }]],
  ])('%j', (input, expected) => expect(parseAddressList(input)).toEqual(expected));
});

describe('chip and sloppy values', () => {
  test.each<Case>([
    ['Ada Lovelace ada@example.com', [{ name: 'Ada Lovelace', address: 'ada@example.com' }]],
    ['a@b.example c@d.example', [{ address: 'a@b.example' }, { address: 'c@d.example' }]],
    ['Ada Lovelace', []],
    ['<>', []],
    ['<postmaster>', []],
    ['@example.com', []],
    ['ada@', []],
    ['Name <a@b.example', [{ name: 'Name', address: 'a@b.example' }]],
    ['Name <a@b.example, c@d.example', [{ name: 'Name', address: 'a@b.example' }, { address: 'c@d.example' }]],
    ['A <a@b.example> <second@b.example>', [{ name: 'A', address: 'a@b.example' }]],
    ['stray > a@b.example )', [{ name: 'stray', address: 'a@b.example' }]],
    ['', []],
  ])('%j', (input, expected) => expect(parseAddressList(input)).toEqual(expected));
});

describe('hostile input', () => {
  test('caps the output at 1000 addresses', () => {
    const header = Array.from({ length: 5000 }, (_, i) => `u${i}@example.com`).join(', ');
    const parsed = parseAddressList(header);
    expect(parsed).toHaveLength(1000);
    expect(parsed[999]).toEqual({ address: 'u999@example.com' });
  });

  test.each([
    ['unclosed quotes', '"'.repeat(200_001)],
    ['nested comments', '('.repeat(200_000)],
    ['angle brackets', '<'.repeat(200_000)],
    ['commas in an open bracket', `<${','.repeat(200_000)}`],
    ['at signs', 'a@'.repeat(100_000)],
    ['colons', ':'.repeat(200_000)],
    ['encoded-word lookalikes', '=?'.repeat(100_000)],
  ])('%s: completes with no false addresses', (_label, header) => {
    const parsed = parseAddressList(header);
    for (const { address } of parsed) expect(address).toMatch(/^[^@]+@[^@]+$/);
    expect(parsed.length).toBeLessThanOrEqual(1);
  });

  test('a long run of adjacent encoded words decodes into one name', () => {
    const header = `=?x-any?Q?x?=${' =?x-any?Q?x?='.repeat(30_000)} <a@b.example>`;
    const [parsed, ...rest] = parseAddressList(header);
    expect(rest).toHaveLength(0);
    expect(parsed?.address).toBe('a@b.example');
    // Compared as a boolean so a failure does not print a 30 KB name.
    expect(parsed?.name === 'x'.repeat(30_001)).toBe(true);
  });

  test('returns an empty list for non-strings instead of throwing', () => {
    expect(parseAddressList(undefined as unknown as string)).toEqual([]);
    expect(parseAddressList(42 as unknown as string)).toEqual([]);
  });
});

describe('hostile quoted names', () => {
  test('a quoted name of 100k encoded-word lookalikes does not exhaust the stack', () => {
    const header = `"${'=?x '.repeat(100_000)}" <a@b.example>`;
    const [parsed] = parseAddressList(header);
    expect(parsed?.address).toBe('a@b.example');
    expect(parsed?.name?.startsWith('=?x =?x')).toBe(true);
  });
});
