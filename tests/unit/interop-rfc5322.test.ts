import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseAddressList, type ParsedAddress } from '../../utils/identity/address-header';

/** Real messages from mikel/mail's fixtures, read at test time only (see SOURCES.txt beside them). */
const interop = resolve('../shared/interop');
const exists = existsSync(resolve(interop, 'SOURCES.txt'));

const ADDRESS_HEADERS = ['from', 'to', 'cc', 'reply-to', 'sender'] as const;
type HeaderName = (typeof ADDRESS_HEADERS)[number];

/** What the RFC examples (and the mail gem's own specs) say each address header holds. */
const expected: Record<string, Partial<Record<HeaderName, ParsedAddress[]>>> = {
  'mikel-mail__rfc2822_example03.eml': {
    from: [{ name: 'Joe Q. Public', address: 'john.q.public@example.com' }],
    to: [{ name: 'Mary Smith', address: 'mary@x.test' }, { address: 'jdoe@example.org' }, { name: 'Who?', address: 'one@y.test' }],
    cc: [{ address: 'boss@nil.test' }, { name: 'Giant; "Big" Box', address: 'sysservices@example.net' }],
  },
  'mikel-mail__rfc2822_example04.eml': {
    from: [{ name: 'Pete', address: 'pete@silly.example' }],
    to: [
      { name: 'Chris Jones', address: 'c@a.test', group: 'A Group' },
      { address: 'joe@where.test', group: 'A Group' },
      { name: 'John', address: 'jdoe@one.test', group: 'A Group' },
    ],
    cc: [],
  },
  'mikel-mail__rfc2822_example10.eml': {
    from: [{ name: 'Pete', address: 'pete@silly.test' }],
    to: [
      { name: 'Chris Jones', address: 'c@public.example', group: 'A Group' },
      { address: 'joe@example.org', group: 'A Group' },
      { name: 'John', address: 'jdoe@one.test', group: 'A Group' },
    ],
    cc: [],
  },
  'mikel-mail__rfc2822_example11.eml': {
    from: [{ name: 'Joe Q. Public', address: 'john.q.public@example.com' }],
    to: [{ name: 'Mary Smith', address: 'mary@example.net' }, { address: 'jdoe@test.example' }],
  },
  'mikel-mail__rfc6532_utf8_headers.eml': {
    from: [{ name: 'Jöhn Doe', address: 'jdöe@mächine.example' }],
    to: [{ name: 'Märy Smith', address: 'märy@exämple.net' }],
  },
  'mikel-mail__multi_charset_japanese.eml': {
    from: [{ name: 'Mikel Lindsaar', address: 'raasdnil@gmail.com' }],
    to: [{ name: 'みける', address: 'raasdnil@gmail.com' }],
  },
  'mikel-mail__plain_emails_raw_email_with_at_display_name.eml': {
    from: [{ name: 'Mikel Lindsaar', address: 'test@lindsaar.net' }, { address: 'jack@lindsar.com' }],
    to: [{ address: 'smith@gmail.com' }, { name: 'Mikel@Lindsaar', address: 'raasdnil@gmail.com' }, { address: 'tom@gmail.com' }],
  },
};

/** The address headers of a message: header block only, unfolded (CRLF before WSP removed). */
function addressHeaders(message: string): Map<HeaderName, string> {
  const headerBlock = message.split(/\r?\n\r?\n/, 1)[0] ?? '';
  const headers = new Map<HeaderName, string>();
  for (const line of headerBlock.replace(/\r?\n(?=[ \t])/g, '').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase() as HeaderName;
    if (colon > 0 && ADDRESS_HEADERS.includes(name)) headers.set(name, line.slice(colon + 1));
  }
  return headers;
}

describe.skipIf(!exists)('RFC 5322 interop: mikel/mail fixtures in shared/interop', () => {
  const files = exists
    ? readdirSync(interop)
        .filter((f) => f.startsWith('mikel-mail__') && f.endsWith('.eml'))
        .sort()
    : [];

  test('every fixture on disk has an expectation, and the reverse', () => {
    expect(files).toEqual(Object.keys(expected).sort());
    expect(readFileSync(resolve(interop, 'SOURCES.txt'), 'utf8')).toContain('mikel/mail');
  });

  test('each address header parses to what the RFC examples say', () => {
    let headerCount = 0;
    for (const file of files) {
      const headers = addressHeaders(readFileSync(resolve(interop, file), 'utf8'));
      const wanted = expected[file] ?? {};
      expect([...headers.keys()].sort(), file).toEqual(Object.keys(wanted).sort());
      for (const [name, value] of headers) {
        expect(parseAddressList(value), `${file} ${name}`).toEqual(wanted[name]);
        headerCount++;
      }
    }
    console.log(`RFC 5322 interop: checked ${headerCount} headers in ${files.length} files`);
    expect(files.length).toBeGreaterThan(0);
    expect(headerCount).toBeGreaterThan(0);
  });
});
