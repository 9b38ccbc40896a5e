import { describe, expect, test } from 'vitest';
import { logicalLines, parseContentLine } from '../../utils/portability/vcard/lines';
import { parseVCards, type ParsedCard } from '../../utils/portability/vcard/parse';

const crlf = (...lines: string[]) => lines.join('\r\n') + '\r\n';
const card = (...props: string[]) => crlf('BEGIN:VCARD', 'VERSION:3.0', ...props, 'END:VCARD');
const only = (text: string | Uint8Array): ParsedCard => {
  const { cards, rejected } = parseVCards(text);
  expect(rejected).toEqual([]);
  expect(cards).toHaveLength(1);
  return cards[0]!;
};

describe('logical lines', () => {
  test.each([
    ['CRLF fold, one space removed', 'NOTE:abc\r\n def\r\n', ['NOTE:abcdef']],
    ['LF fold with a tab', 'NOTE:abc\n\tdef\n', ['NOTE:abcdef']],
    ['fold keeps a second leading space', 'NOTE:of\r\n  America\r\n', ['NOTE:of America']],
    ['lone CR line ends', 'A:1\rB:2\r', ['A:1', 'B:2']],
    ['CR CR LF counts as one break', 'A:1\r\r\n b\r\r\nB:2\r\r\n', ['A:1b', 'B:2']],
    ['BOM dropped', '\ufeffA:1\n', ['A:1']],
    ['QP soft break without leading space', 'NOTE;ENCODING=QUOTED-PRINTABLE:ab=\r\ncd\r\nX:1\r\n', ['NOTE;ENCODING=QUOTED-PRINTABLE:abcd', 'X:1']],
    ['QP soft break, bare 2.1 parameter', 'NOTE;QUOTED-PRINTABLE:ab=\r\n cd\r\n', ['NOTE;QUOTED-PRINTABLE:ab cd']],
    ['QP soft break onto an empty line', 'ORG;ENCODING=QUOTED-PRINTABLE:ab=\r\n\r\nORG:x\r\n', ['ORG;ENCODING=QUOTED-PRINTABLE:ab', 'ORG:x']],
    ['trailing = on a plain value is not a soft break', 'PHOTO;ENCODING=b:AAA=\r\nX:1\r\n', ['PHOTO;ENCODING=b:AAA=', 'X:1']],
    ['a soft break never swallows END', 'NOTE;QUOTED-PRINTABLE:a=\r\nEND:VCARD\r\n', ['NOTE;QUOTED-PRINTABLE:a=', 'END:VCARD']],
    ['fold inside a quoted parameter', 'ADR;LABEL="a\r\n b":;;x\r\n', ['ADR;LABEL="ab":;;x']],
    ['blank lines dropped', 'A:1\r\n\r\n\r\nB:2\r\n', ['A:1', 'B:2']],
  ])('%s', (_, input, expected) => {
    expect(logicalLines(input).map((l) => l.text)).toEqual(expected);
  });

  test('each logical line knows the physical line it starts on', () => {
    expect(logicalLines('A:1\r\n\r\nB:2\r\n 3\r\nC:4').map((l) => l.line)).toEqual([1, 3, 5]);
  });
});

describe('content lines', () => {
  const parse = (text: string) => parseContentLine({ line: 1, text });
  test.each([
    ['group and name', 'item1.EMAIL;type=INTERNET:a@b.example', { group: 'item1', name: 'EMAIL', value: 'a@b.example' }],
    ['lower-case name', 'email:a@b.example', { name: 'EMAIL', value: 'a@b.example' }],
    ['colon in a quoted parameter', 'ADR;LABEL="x: y; z":;;street', { name: 'ADR', value: ';;street' }],
    ['colons in the value', 'URL:http://x.example:8080/', { name: 'URL', value: 'http://x.example:8080/' }],
  ])('%s', (_, text, expected) => {
    expect(parse(text)).toMatchObject(expected);
  });

  test.each([
    ['2.1 bare types and encoding', 'TEL;WORK;VOICE;QUOTED-PRINTABLE:1', { TYPE: ['WORK', 'VOICE'], ENCODING: ['QUOTED-PRINTABLE'] }],
    ['3.0 comma list', 'TEL;TYPE=WORK,VOICE:1', { TYPE: ['WORK', 'VOICE'] }],
    ['repeated parameter', 'EMAIL;type=INTERNET;type=pref:a', { TYPE: ['INTERNET', 'pref'] }],
    ['quoted value keeps commas', 'X;LABEL="a,b":1', { LABEL: ['a,b'] }],
    ['RFC 6868 caret escapes', "X;LABEL=a^nb^'c^^:1", { LABEL: ['a\nb"c^'] }],
  ])('parameters: %s', (_, text, expected) => {
    expect(Object.fromEntries(parse(text)!.params)).toEqual(expected);
  });

  test.each([
    ['no colon', 'JUST TEXT'],
    ['bad name', 'N@ME:x'],
    ['unclosed quote', 'X;A="b:c'],
  ])('not a content line: %s', (_, text) => {
    expect(parse(text)).toBeUndefined();
  });
});

describe('parseVCards', () => {
  test.each<[string, string | Uint8Array, Partial<ParsedCard>]>([
    ['FN wins', card('FN:Ada Lovelace', 'N:Lovelace;Ada;;;'), { displayName: 'Ada Lovelace' }],
    ['name from N when there is no FN', card('N:Lovelace;Ada;King,Byron;Countess;'), { displayName: 'Countess Ada King Byron Lovelace' }],
    ['name from ORG when there is no FN or N', card('ORG:Analytical Engines;R&D'), { displayName: 'Analytical Engines', org: 'Analytical Engines' }],
    ['name from the address when that is all', card('EMAIL:ada@engine.example'), { displayName: 'ada@engine.example' }],
    [
      'escaped comma, semicolon, backslash, newline',
      card('FN:A\\, B\\; C\\\\D', 'NOTE:one\\ntwo\\Nthree'),
      { displayName: 'A, B; C\\D', note: 'one\ntwo\nthree' },
    ],
    ['escaped colon in a URL (Google)', card('FN:x', 'item3.URL:http\\://profile.example/ada'), { urls: ['http://profile.example/ada'] }],
    ['grouped properties', card('FN:x', 'item1.EMAIL;type=INTERNET:ada@engine.example', 'item1.X-ABLabel:work'), { emails: ['ada@engine.example'] }],
    [
      'several emails, deduplicated',
      card('FN:x', 'EMAIL:a@x.example', 'EMAIL;TYPE=work:b@x.example', 'EMAIL:a@x.example'),
      { emails: ['a@x.example', 'b@x.example'] },
    ],
    ['categories split on unescaped commas', card('FN:x', 'CATEGORIES:Friends,Work\\, past,Friends'), { categories: ['Friends', 'Work, past'] }],
    ['ORG keeps an escaped semicolon', card('FN:x', 'ORG:A\\;B;Dept'), { org: 'A;B' }],
    ['TITLE', card('FN:x', 'TITLE:Engineer'), { title: 'Engineer' }],
    ['several NOTEs joined', card('FN:x', 'NOTE:one', 'NOTE:two'), { note: 'one\n\ntwo' }],
    [
      '2.1 quoted-printable UTF-8 with soft breaks',
      crlf('BEGIN:VCARD', 'VERSION:2.1', 'FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Bj=C3=B6rk Gu=', '=C3=B0mundsd=C3=B3ttir', 'END:VCARD'),
      { displayName: 'Björk Guðmundsdóttir' },
    ],
    [
      '2.1 quoted-printable ISO-8859-1 (CHARSET decoded)',
      crlf('BEGIN:VCARD', 'VERSION:2.1', 'N;CHARSET=ISO-8859-1;QUOTED-PRINTABLE:M=FCller;J=FCrgen', 'END:VCARD'),
      { displayName: 'Jürgen Müller' },
    ],
    ['2.1 QP note with CRLF escapes', crlf('BEGIN:VCARD', 'VERSION:2.1', 'FN:x', 'NOTE;ENCODING=QUOTED-PRINTABLE:a=0D=0Ab', 'END:VCARD'), { note: 'a\nb' }],
    ['unknown CHARSET falls back to UTF-8', crlf('BEGIN:VCARD', 'FN;CHARSET=X-NOPE;ENCODING=QUOTED-PRINTABLE:=C3=A9', 'END:VCARD'), { displayName: 'é' }],
    ['base64 text value', crlf('BEGIN:VCARD', 'FN;ENCODING=B;CHARSET=UTF-8:w4lsaXNl', 'END:VCARD'), { displayName: 'Élise' }],
    ['LF only, lower-case keywords', 'begin:vcard\nversion:4.0\nfn:Lin\nend:vcard\n', { displayName: 'Lin' }],
    ['BOM and CRLF', '\ufeff' + card('FN:Bom'), { displayName: 'Bom' }],
    ['VERSION after other properties (2.1)', crlf('BEGIN:VCARD', 'FN:Late', 'VERSION:2.1', 'END:VCARD'), { displayName: 'Late' }],
    [
      'embedded AGENT card is skipped',
      card('FN:Outer', 'AGENT:', 'BEGIN:VCARD', 'FN:Inner', 'END:VCARD', 'EMAIL:o@x.example'),
      { displayName: 'Outer', emails: ['o@x.example'] },
    ],
    ['whitespace in names folded', card('FN:  Ada \\n Lovelace '), { displayName: 'Ada Lovelace' }],
    ['bytes: UTF-8', new TextEncoder().encode(card('FN:Zoë')), { displayName: 'Zoë' }],
    [
      'bytes: Windows-1252 when not UTF-8',
      Uint8Array.from([...new TextEncoder().encode('BEGIN:VCARD\r\nFN:Zo'), 0xeb, ...new TextEncoder().encode('\r\nEND:VCARD\r\n')]),
      { displayName: 'Zoë' },
    ],
  ])('%s', (_, input, expected) => {
    expect(only(input)).toMatchObject(expected);
  });

  test('several cards, in any version, each with the line it starts on', () => {
    const text =
      card('FN:One') + crlf('BEGIN:VCARD', 'VERSION:2.1', 'FN:Two', 'END:VCARD') + '\r\n' + crlf('BEGIN:VCARD', 'VERSION:4.0', 'FN:Three', 'END:VCARD');
    const { cards } = parseVCards(text);
    expect(cards.map((c) => [c.line, c.displayName])).toEqual([
      [1, 'One'],
      [5, 'Two'],
      [10, 'Three'],
    ]);
  });

  test.each([
    ['empty file', '', [{ line: 0, reason: 'The file is empty.' }]],
    ['whitespace only', ' \r\n\r\n', [{ line: 0, reason: 'The file is empty.' }]],
    ['binary', 'PK\u0003\u0004\u0000\u0000', [{ line: 0, reason: 'This is a binary file, not a vCard file.' }]],
    ['not a vCard', 'Name,Email\r\nAda,ada@x.example\r\n', [{ line: 0, reason: 'No vCard found in this file (it has no BEGIN:VCARD line).' }]],
    [
      'truncated',
      card('FN:Whole') + 'BEGIN:VCARD\r\nFN:Cut',
      [{ line: 5, reason: 'This card is not closed (END:VCARD is missing): the file may be cut short.' }],
    ],
    ['card naming no one', card('TEL:123'), [{ line: 1, reason: 'This card has no name, email address or web address.' }]],
  ])('rejects: %s', (_, input, rejected) => {
    expect(parseVCards(input).rejected).toEqual(rejected);
  });

  test('a truncated file keeps its complete cards', () => {
    expect(parseVCards(card('FN:Whole') + 'BEGIN:VCARD\r\nFN:Cut').cards.map((c) => c.displayName)).toEqual(['Whole']);
  });

  test('a line that is not a property is skipped with its line number, the card kept', () => {
    const result = parseVCards(card('FN:Kept', 'garbage without colon'));
    expect(result.cards.map((c) => c.displayName)).toEqual(['Kept']);
    expect(result.skipped).toEqual([{ line: 4, reason: 'This line is not a vCard property and was ignored.' }]);
  });

  test('reads a 16 MB file with photos in well under the time limit', () => {
    const one = card('FN:Person', 'EMAIL:p@x.example', `PHOTO;ENCODING=b:${'QUFB'.repeat(2000)}`);
    const text = one.repeat(2000); // about 16 MB
    const started = performance.now();
    expect(parseVCards(text).cards).toHaveLength(2000);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
