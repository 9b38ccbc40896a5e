import { describe, expect, test } from 'vitest';
import type { Candidate } from '../../utils/model';
import { isEmailAddress } from '../../utils/recognise/addresses';
import { findSafely } from '../../utils/recognise/page-watcher';
import { findPeopleOnWebPage, MAX_WEB_PEOPLE, webRecogniser } from '../../utils/recognise/web';
import { findHCardPeople } from '../../utils/recognise/web-hcard';
import { addressesInMailto } from '../../utils/recognise/web-mailto';
import { findAddressesInText, findAddressesInVisibleText } from '../../utils/recognise/web-text-scan';
import { loadFixture } from './load-fixture';

/** A detached page parsed from markup written in the test. */
function page(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

function peopleIn(fixture: string, url: string): Candidate[] {
  return findPeopleOnWebPage(loadFixture('web', fixture), new URL(url)).people;
}

describe('webRecogniser', () => {
  test.each([
    ['https://people.example/team', true],
    ['http://127.0.0.1:8080/about', true],
    ['chrome-extension://abcdefghijklmnop/sidepanel.html', false],
    ['file:///home/ada/contacts.html', false],
    ['mailto:ada@example.com', false],
    ['about:blank', false],
  ])('matches %s: %s', (href, expected) => {
    expect(webRecogniser.id).toBe('web');
    expect(webRecogniser.matches(new URL(href))).toBe(expected);
  });

  test('reports no self and no thread: a generic page has neither', () => {
    const findings = webRecogniser.find(loadFixture('web', 'mailto-links'), new URL('https://analytical.example/contact'));
    expect(findings.self).toEqual([]);
    expect(findings.thread).toBeUndefined();
  });
});

describe('mailto links (web/mailto-links)', () => {
  const people = peopleIn('mailto-links', 'https://analytical.example/contact');

  test('addresses come from the href; link text names a person only when it is a name', () => {
    expect(people).toEqual([
      { email: 'ada@analytical.example', name: 'Ada Lovelace', role: 'mention' },
      { email: 'grace.hopper@navy.example', name: 'Grace Hopper', role: 'mention' },
      { email: 'katherine@nasa.example', role: 'mention' },
      { email: 'annie.easley@example.org', name: 'Annie Easley', role: 'mention' },
      { email: 'christine@darden.example', name: 'Christine Darden', role: 'mention' },
      { email: 'dorothy@vaughan.example', role: 'mention' },
      { email: 'mary@jackson.example', role: 'mention' },
      { email: 'press@analytical.example', role: 'mention' },
    ]);
  });

  test('an address written as link text is not read as anyone', () => {
    expect(people.map((p) => p.email)).not.toContain('notthis@decoy.example');
  });
});

describe('addressesInMailto', () => {
  test.each([
    ['mailto:ada@example.com', ['ada@example.com']],
    ['mailto:Ada@Example.com?subject=Hi&body=There', ['ada@example.com']],
    ['mailto:a@example.com,b@example.com', ['a@example.com', 'b@example.com']],
    ['mailto:a@example.com?to=b@example.com,c@example.com&cc=d@example.com', ['a@example.com', 'b@example.com', 'c@example.com']],
    ['mailto:?to=b%40example.com', ['b@example.com']],
    ['mailto:a@example.com,a@example.com', ['a@example.com']],
    ['  MAILTO:jos%C3%A9@example.com', ['josé@example.com']],
    ['mailto:a@example.com%2Cb@example.com', []],
    ['mailto:', []],
    ['mailto:not-an-address', []],
    ['https://example.com/?to=a@example.com', []],
  ])('%s -> %j', (href, expected) => expect(addressesInMailto(href)).toEqual(expected));
});

describe('JSON-LD (web/json-ld-person, web/json-ld-profile-page)', () => {
  test('Persons nested in articles, @graph and members count; one candidate per address with name and url', () => {
    expect(peopleIn('json-ld-person', 'https://somerville.example/2024/tides')).toEqual([
      { email: 'mary@somerville.example', name: 'Mary Somerville', profileUrl: 'https://somerville.example/about', role: 'mention' },
      { email: 'caroline@herschel.example', name: 'Caroline Herschel', role: 'mention' },
      { email: 'williamina@fleming.example', name: 'Williamina Fleming', role: 'mention' },
      { name: 'Emmy Noether', profileUrl: 'https://somerville.example/people/emmy', role: 'mention' },
    ]);
  });

  test('malformed blocks, ordinary scripts, organisations and name-only Persons yield no one', () => {
    const emails = peopleIn('json-ld-person', 'https://somerville.example/2024/tides').map((p) => p.email);
    expect(emails).not.toContain('broken@json.example');
    expect(emails).not.toContain('script@hidden.example');
    expect(emails).not.toContain('office@notebook.example');
  });

  test('the mainEntity of a ProfilePage is the page: role profile, the page URL as profile', () => {
    expect(peopleIn('json-ld-profile-page', 'https://franklin.example/rosalind?tab=papers#top')).toEqual([
      { email: 'rosalind@franklin.example', name: 'Rosalind Franklin', profileUrl: 'https://franklin.example/rosalind', role: 'profile' },
      { email: 'raymond@gosling.example', name: 'Raymond Gosling', role: 'mention' },
    ]);
  });
});

describe('microdata (web/microdata-person)', () => {
  const people = peopleIn('microdata-person', 'https://signals.example/speakers');

  test('Person items give name, email (mailto or text or meta) and a resolved url; nested items stay separate', () => {
    expect(people).toEqual([
      { email: 'hedy@lamarr.example', name: 'Hedy Lamarr', profileUrl: 'https://signals.example/speakers/hedy', role: 'mention' },
      { email: 'frances@allen.example', name: 'Frances Allen', role: 'mention' },
      { email: 'radia@perlman.example', name: 'Radia Perlman', role: 'mention' },
      { email: 'hello@signals.example', role: 'mention' },
    ]);
  });

  test("a non-Person item's name is nobody's name", () => {
    expect(people.map((p) => p.name)).not.toContain('Signals Conference Ltd');
  });
});

describe('microformats h-card (web/hcard-v2, web/hcard-v1)', () => {
  test('v2: representative card is the profile; author cards, implied names and value classes', () => {
    expect(peopleIn('hcard-v2', 'https://margaret.example/')).toEqual([
      { email: 'margaret@hamilton.example', name: 'Margaret Hamilton', profileUrl: 'https://margaret.example', role: 'profile' },
      { email: 'evelyn@granville.example', name: 'Evelyn Boyd Granville', role: 'mention' },
      { name: 'Jean Bartik', profileUrl: 'https://jean.example', role: 'mention' },
      { email: 'kay@mcnulty.example', name: 'Kay McNulty', role: 'mention' },
    ]);
  });

  test('the same card on another page is a mention', () => {
    const margaret = peopleIn('hcard-v2', 'https://elsewhere.example/links')[0];
    expect(margaret).toMatchObject({ email: 'margaret@hamilton.example', role: 'mention' });
  });

  test('v1: email from the href or the value part, never from decoy link text', () => {
    expect(peopleIn('hcard-v1', 'https://lab.example/about')).toEqual([
      { email: 'barbara@liskov.example', name: 'Barbara Liskov', profileUrl: 'https://liskov.example', role: 'mention' },
      { email: 'sophie@wilson.example', name: 'Sophie Wilson', role: 'mention' },
    ]);
  });

  test('a card property belongs to its own card, not to the card around it', () => {
    const cards = findHCardPeople(loadFixture('web', 'hcard-v2'), new URL('https://margaret.example/'));
    expect(cards.map((card) => card.name)).toEqual(['Margaret Hamilton', 'Evelyn Boyd Granville', 'Jean Bartik', 'Kay McNulty']);
  });
});

describe('visible text (web/visible-text)', () => {
  test('addresses in prose, once each, normalised; address-shaped non-addresses skipped', () => {
    expect(peopleIn('visible-text', 'https://orbit.example/about')).toEqual([
      { email: 'alan@orbit.example', role: 'mention' },
      { email: 'billing@orbit.example', role: 'mention' },
      { email: 'dorothy.vaughan+legal@orbit.example', role: 'mention' },
      { email: 'katherine@nasa.example', role: 'mention' },
      { email: 'δοκιμή@παράδειγμα.δοκιμή', role: 'mention' },
    ]);
  });
});

describe('hostile page (web/hostile-text)', () => {
  const doc = loadFixture('web', 'hostile-text');
  const people = findPeopleOnWebPage(doc, new URL('https://app.example/inbox')).people;

  test('script, style, template, noscript, textarea and hidden text is never read', () => {
    expect(people.map((p) => p.email)).toEqual([
      'mallory@payload.example',
      'trudy@payload.example',
      'eve@payload.example',
      'visible@shown.example',
    ]);
  });

  test('HTML-ish payloads in names come back as the plain text they are', () => {
    expect(people.map((p) => p.name)).toEqual([
      '<script>alert(1)</script>Mallory',
      'Trudy <b onmouseover="x()">',
      '<img src=x onerror=alert(1)> Eve',
      undefined,
    ]);
    // Reading the page created no elements out of those names.
    expect(doc.querySelectorAll('img, b[onmouseover]')).toHaveLength(0);
  });
});

describe('merging and caps', () => {
  test('one address seen as markup, a link and text is one candidate that keeps the name and url', () => {
    const doc = page(`
      <p>Mail ada@engine.example or <a href="mailto:ADA@engine.example">Countess</a>.</p>
      <div itemscope itemtype="https://schema.org/Person"><span itemprop="name">Ada Lovelace</span>
        <a itemprop="url" href="https://ada.example/">site</a><meta itemprop="email" content="ada@engine.example"></div>`);
    expect(findPeopleOnWebPage(doc, new URL('https://engine.example/')).people).toEqual([
      { email: 'ada@engine.example', name: 'Ada Lovelace', profileUrl: 'https://ada.example', role: 'mention' },
    ]);
  });

  test('a url-only Person and a later Person with the same url and an address become one', () => {
    const doc = page(`
      <a class="h-card" href="https://grace.example/">Grace</a>
      <div class="h-card"><a class="u-url" href="https://grace.example">x</a><span class="u-email">grace@navy.example</span></div>`);
    expect(findPeopleOnWebPage(doc, new URL('https://blog.example/')).people).toEqual([
      { email: 'grace@navy.example', name: 'Grace', profileUrl: 'https://grace.example', role: 'mention' },
    ]);
  });

  test('a Person with two addresses gives two candidates; the url goes to the first', () => {
    const doc = page(`<script type="application/ld+json">
      {"@type":"Person","name":"Ada","email":["a@one.example","a@two.example"],"url":"https://ada.example"}</script>`);
    expect(findPeopleOnWebPage(doc, new URL('https://x.example/')).people).toEqual([
      { email: 'a@one.example', name: 'Ada', profileUrl: 'https://ada.example', role: 'mention' },
      { email: 'a@two.example', name: 'Ada', role: 'mention' },
    ]);
  });

  test(`a page with more people than ${MAX_WEB_PEOPLE} yields the first ${MAX_WEB_PEOPLE}`, () => {
    const doc = page('<body></body>');
    for (let i = 0; i < 700; i++) {
      const link = doc.createElement('a');
      link.href = `mailto:person${i}@directory.example`;
      link.textContent = `Person ${i}`;
      doc.body.append(link);
    }
    const found = findPeopleOnWebPage(doc, new URL('https://directory.example/')).people;
    expect(found).toHaveLength(MAX_WEB_PEOPLE);
    expect(found.at(-1)).toEqual({ email: 'person499@directory.example', name: 'Person 499', role: 'mention' });
  });

  test('odd markup never throws and yields only valid addresses', () => {
    const doc = page(`<script type="application/ld+json">[[[[{"@type":{"x":1},"email":{}}]]]]</script>
      <div itemscope itemtype><span itemprop>@</span></div><div class="h-card vcard"><a class="u-email">@@</a></div>
      <a href="mailto:%E0%A4%A">bad escape</a><a href="MAILTO:">empty</a>`);
    const findings = findSafely(webRecogniser, doc, new URL('https://odd.example/'));
    for (const person of findings.people) expect(isEmailAddress(person.email ?? '')).toBe(true);
    expect(findings.people).toEqual([]);
  });
});

describe('findAddressesInText', () => {
  test.each([
    ['write to ada@example.com.', ['ada@example.com']],
    ['(ada@example.com), <b@example.org>; "c@example.net"', ['ada@example.com', 'b@example.org', 'c@example.net']],
    ['Mixed.Case+tag@Sub.Example.COM', ['mixed.case+tag@sub.example.com']],
    ['...lead@example.com', ['lead@example.com']],
    ['icon@2x.png and script@cdn.js', []],
    ['nodot@localhost, @handle, a@b, x@y.123', []],
    [`${'l'.repeat(64)}@example.com`, [`${'l'.repeat(64)}@example.com`]],
    [`${'l'.repeat(65)}@example.com`, []],
    [`a@${'d'.repeat(63)}.com`, [`a@${'d'.repeat(63)}.com`]],
    [`a@${'d'.repeat(64)}.com`, []],
    // Glued to another `@` either side: ambiguous, so nobody rather than a made-up address.
    ['two@example.com@example.org next@example.net', ['next@example.net']],
  ])('%j -> %j', (text, expected) => expect(findAddressesInText(text)).toEqual(expected));

  // Correctness only: each input is built to make backtracking scanners blow up; a bounded
  // scanner finishes and finds nothing (or exactly the real address placed after the noise).
  test.each([
    ['a 60 KB run without spaces', `${'x'.repeat(70)}@${'y'.repeat(70)}.`.repeat(420), []],
    ['a 60 KB run of dots and letters before an @', `${'a.'.repeat(30_000)}@example.com`, []],
    ['"a@" repeated 100k times', 'a@'.repeat(100_000), []],
    ['a domain of 10k labels', `x@${'a.'.repeat(10_000)}com`, []],
    ['100k at-signs then a real address', `${'@'.repeat(100_000)} real@example.com`, ['real@example.com']],
    ['a 200 KB hyphen label', `x@${'-'.repeat(200_000)}.com ok@example.org`, ['ok@example.org']],
  ])('%s', (_label, text, expected) => {
    expect(findAddressesInText(text)).toEqual(expected);
  });

  test('adversarial text on a page is scanned to the end and yields only the real address', () => {
    const doc = page('<body></body>');
    const noise = doc.createElement('p');
    noise.textContent = `${'a@'.repeat(100_000)} ${'b'.repeat(60_000)}@x.example then@real.example`;
    doc.body.append(noise);
    expect(findAddressesInVisibleText(doc.body, () => false, 10)).toEqual(['then@real.example']);
  });
});
