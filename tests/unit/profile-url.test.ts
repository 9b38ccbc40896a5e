import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { canonicalProfileUrl, MAX_PROFILE_URL, readableText } from '../../utils/identity/profile-url';

describe('canonicalProfileUrl: one form per profile', () => {
  test.each([
    // Scheme, host, trailing slash, query and fragment.
    ['https://example.com/~ada', 'https://example.com/~ada'],
    ['http://example.com/~ada/', 'https://example.com/~ada'],
    ['HTTPS://Example.COM/~ada', 'https://example.com/~ada'],
    ['https://www.example.com/~ada', 'https://example.com/~ada'],
    ['https://example.com./~ada', 'https://example.com/~ada'],
    ['  https://example.com/~ada \n', 'https://example.com/~ada'],
    ['https://example.com/', 'https://example.com'],
    ['https://example.com', 'https://example.com'],
    ['https://example.com//people//ada//', 'https://example.com/people/ada'],
    ['https://example.com/people/./x/../ada', 'https://example.com/people/ada'],
    ['https://example.com/ada?utm_source=x&utm_medium=y#bio', 'https://example.com/ada'],
    ['https://example.com/ada?trk=public_profile', 'https://example.com/ada'],
    ['https://example.com/People/Ada', 'https://example.com/People/Ada'],
    ['https://mastodon.example/@ada', 'https://mastodon.example/@ada'],
    // Ports: the https default goes, others stay.
    ['https://example.com:443/ada', 'https://example.com/ada'],
    ['http://example.com:80/ada', 'https://example.com/ada'],
    ['http://example.com:443/ada', 'https://example.com/ada'],
    ['http://example.com:8080/ada', 'https://example.com:8080/ada'],
    // Percent-encoding: unreserved decoded, the rest upper-case hex, Unicode NFC.
    ['https://example.com/%7eada', 'https://example.com/~ada'],
    ['https://example.com/%61%64%61', 'https://example.com/ada'],
    ['https://example.com/%40ada', 'https://example.com/@ada'],
    ['https://example.com/caf%c3%a9', 'https://example.com/caf%C3%A9'],
    ['https://example.com/café', 'https://example.com/caf%C3%A9'],
    ['https://example.com/cafe%CC%81', 'https://example.com/caf%C3%A9'],
    ['https://example.com/a%2fb', 'https://example.com/a%2Fb'],
    ['https://example.com/a%20b', 'https://example.com/a%20b'],
    ['https://münchen.example/ada', 'https://xn--mnchen-3ya.example/ada'],
    // GitHub: logins are case-insensitive; repository names are left as written.
    ['https://github.com/Ada-L', 'https://github.com/ada-l'],
    ['https://GitHub.com/Ada-L/?tab=repositories', 'https://github.com/ada-l'],
    ['https://www.github.com/ADA-L#readme', 'https://github.com/ada-l'],
    ['https://github.com/Ada-L/Engine/', 'https://github.com/ada-l/Engine'],
    ['https://gist.github.com/Ada-L', 'https://gist.github.com/Ada-L'],
    // LinkedIn: country hosts fold, ids are lower-cased and decoded, sub-pages are the person.
    ['https://www.linkedin.com/in/Ada-Lovelace-1815/', 'https://linkedin.com/in/ada-lovelace-1815'],
    ['https://uk.linkedin.com/in/ada-lovelace-1815', 'https://linkedin.com/in/ada-lovelace-1815'],
    ['https://de.linkedin.com/in/ada-lovelace-1815?originalSubdomain=de', 'https://linkedin.com/in/ada-lovelace-1815'],
    ['https://www.linkedin.com/in/ada-lovelace-1815?trk=people-guest_people_search-card', 'https://linkedin.com/in/ada-lovelace-1815'],
    ['http://linkedin.com/in/ada-lovelace-1815/details/experience/', 'https://linkedin.com/in/ada-lovelace-1815'],
    ['https://www.linkedin.com/in/jos%C3%A9-garc%C3%ADa/', 'https://linkedin.com/in/josé-garcía'],
    ['https://www.linkedin.com/in/JOS%C3%89-GARC%C3%8DA', 'https://linkedin.com/in/josé-garcía'],
    ['https://www.linkedin.com/in/jose%CC%81', 'https://linkedin.com/in/josé'],
    ['https://www.linkedin.com/in/王小明', 'https://linkedin.com/in/王小明'],
    ['https://www.linkedin.com/company/Analytical-Engines/', 'https://linkedin.com/company/Analytical-Engines'],
    ['https://www.linkedin.com/in/', 'https://linkedin.com/in'],
  ])('%j -> %j', (raw, expected) => expect(canonicalProfileUrl(raw)).toBe(expected));

  test('a URL and its case, slash and tracking variants name one person', () => {
    const variants = [
      'https://www.linkedin.com/in/Ada-Lovelace-1815/',
      'http://uk.linkedin.com/in/ada-lovelace-1815?trk=abc#top',
      'https://linkedin.com/in/ada%2Dlovelace%2D1815',
    ];
    expect(new Set(variants.map(canonicalProfileUrl))).toEqual(new Set(['https://linkedin.com/in/ada-lovelace-1815']));
  });
});

describe('canonicalProfileUrl: hostile and non-profile input', () => {
  test.each([
    ['empty', ''],
    ['blank', '   '],
    ['no scheme', 'github.com/ada-l'],
    ['protocol-relative', '//github.com/ada-l'],
    ['not a URL', 'Ada Lovelace'],
    ['no host', 'https://'],
    ['javascript', 'javascript:alert(document.cookie)//https://github.com/ada-l'],
    ['data', 'data:text/html,<script>alert(1)</script>'],
    ['file', 'file:///etc/passwd'],
    ['ftp', 'ftp://example.com/ada'],
    ['mailto', 'mailto:ada@example.com'],
    ['credentials disguising the host', 'https://github.com@evil.example/ada-l'],
    ['credentials', 'https://user:secret@github.com/ada-l'],
    ['malformed escape', 'https://example.com/100%'],
    ['truncated UTF-8 escape', 'https://example.com/caf%C3'],
    ['encoded surrogate', 'https://example.com/%ED%A0%80'],
    ['LinkedIn id with a slash smuggled in', 'https://www.linkedin.com/in/ada%2F..%2Fadmin'],
    ['LinkedIn id with a space', 'https://www.linkedin.com/in/ada%20lovelace'],
    ['LinkedIn id with a bidi override', 'https://www.linkedin.com/in/ada%E2%80%AEecalevol'],
    ['LinkedIn id with a zero-width space', 'https://www.linkedin.com/in/ada%E2%80%8B'],
    ['over-long input', `https://example.com/${'a'.repeat(MAX_PROFILE_URL)}`],
    ['over-long once encoded', `https://example.com/${'é'.repeat(1000)}`],
    ['a megabyte', `https://github.com/${'a'.repeat(1_000_000)}`],
  ])('%s -> undefined', (_label, raw) => expect(canonicalProfileUrl(raw)).toBeUndefined());

  test.each([
    ['look-alike GitHub host keeps its own host', 'https://github.com.evil.example/Ada-L', 'https://github.com.evil.example/Ada-L'],
    ['look-alike LinkedIn host is not folded', 'https://uk.linkedin.com.evil.example/in/Ada', 'https://uk.linkedin.com.evil.example/in/Ada'],
    ['suffix look-alike is not LinkedIn', 'https://evillinkedin.com/in/Ada', 'https://evillinkedin.com/in/Ada'],
    ['markup in a path is escaped', 'https://example.com/<script>alert(1)</script>', 'https://example.com/%3Cscript%3Ealert(1)%3C/script%3E'],
    ['quotes in a path are escaped', 'https://example.com/a"onmouseover="x', 'https://example.com/a%22onmouseover=%22x'],
    ['bidi override in a path is escaped', 'https://example.com/ada\u202Egnp.exe', 'https://example.com/ada%E2%80%AEgnp.exe'],
    ['NUL in a path is escaped', 'https://example.com/ada%00', 'https://example.com/ada%00'],
    ['newlines inside a URL are dropped by the parser', 'https://github.com/ada\n-l', 'https://github.com/ada-l'],
    ['encoded dot segments cannot climb', 'https://example.com/people/%2e%2e/%2E%2E/admin', 'https://example.com/admin'],
  ])('%s', (_label, raw, expected) => expect(canonicalProfileUrl(raw)).toBe(expected));

  test('the longest accepted input is MAX_PROFILE_URL characters', () => {
    const prefix = 'https://example.com/';
    const longest = prefix + 'a'.repeat(MAX_PROFILE_URL - prefix.length);
    expect(canonicalProfileUrl(longest)).toBe(longest);
    expect(canonicalProfileUrl(`${longest}a`)).toBeUndefined();
  });
});

describe('canonicalProfileUrl: properties', () => {
  const anyWebUrl = fc.oneof(
    fc.webUrl({ withQueryParameters: true, withFragments: true }),
    fc.tuple(fc.constantFrom('github.com', 'www.linkedin.com', 'uk.linkedin.com'), fc.webPath()).map(([host, path]) => `https://${host}${path}`),
    fc
      .tuple(fc.constantFrom('https://github.com/', 'https://www.linkedin.com/in/'), fc.string({ unit: 'grapheme' }))
      .map(([prefix, tail]) => prefix + encodeURIComponent(tail)),
  );

  test('canonical URLs are fixed points, https and bounded', () => {
    fc.assert(
      fc.property(anyWebUrl, (raw) => {
        const canonical = canonicalProfileUrl(raw);
        if (canonical === undefined) return;
        expect(canonical.startsWith('https://')).toBe(true);
        expect(canonical.length).toBeLessThanOrEqual(MAX_PROFILE_URL);
        expect(canonical).not.toMatch(/[?#\s]|\/$/);
        expect(canonicalProfileUrl(canonical)).toBe(canonical);
      }),
      { numRuns: 500 },
    );
  });

  test('never throws, whatever the string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (raw) => {
        const canonical = canonicalProfileUrl(`https://example.com/${raw}`);
        expect(canonical === undefined || canonical.startsWith('https://example.com')).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('readableText', () => {
  const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html').body.firstElementChild!;

  test('reads text in document order across nested elements', () => {
    expect(readableText(parse('<h1>Ada <b>King</b>, <i>Countess</i> of Lovelace</h1>'))).toBe('Ada King, Countess of Lovelace');
  });

  test('skips script, style, template and noscript text', () => {
    const heading = parse(
      '<h1>Ada<script>var x = "<h1>Not Ada</h1>";</script><style>h1{}</style><template>Hidden</template><noscript>No JS</noscript> Lovelace</h1>',
    );
    expect(readableText(heading)).toBe('Ada Lovelace');
  });

  test('stops at the limit, however large the text', () => {
    const heading = parse('<h1></h1>');
    heading.textContent = 'x'.repeat(1_000_000);
    expect(readableText(heading, 50)).toBe('x'.repeat(50));
  });
});
