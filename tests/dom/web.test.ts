import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Candidate } from '../../utils/model/records';
import { isEmailAddress, toEmailAddress } from '../../utils/identity/addresses';
import { findSafely } from '../../utils/content/page-watcher';
import { findPeopleOnWebPage, MAX_WEB_PEOPLE, webRecogniser } from '../../utils/recognise/web/recogniser';
import type { PageFindings } from '../../utils/recognise/shared/types';
import { findHCardPeople } from '../../utils/recognise/web/hcard';
import { addressesInMailto } from '../../utils/recognise/web/mailto';
import { findAddressesInText } from '../../utils/recognise/web/text-scan';
import { findAddressesInVisibleText } from '../../utils/recognise/web/visible-text';
import { loadFixture } from './load-fixture';
import { readsPage } from '../../utils/recognise/registry';

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
    expect(readsPage(webRecogniser, new URL(href))).toBe(expected);
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
    expect(people.map((p) => p.email)).toEqual(['mallory@payload.example', 'trudy@payload.example', 'eve@payload.example', 'visible@shown.example']);
  });

  test('HTML-ish payloads in names come back as the plain text they are', () => {
    expect(people.map((p) => p.name)).toEqual([
      '<script>alert(1)</script>Mallory',
      'Trudy <b onmouseover="x()">',
      // Eve's name comes from the person markup around her mail link, payload and all, as text.
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

  test('a Person with two addresses gives two candidates of one card; the url goes to the first', () => {
    const doc = page(`<script type="application/ld+json">
      {"@type":"Person","name":"Ada","email":["a@one.example","a@two.example"],"url":"https://ada.example"}</script>`);
    expect(findPeopleOnWebPage(doc, new URL('https://x.example/')).people).toEqual([
      { email: 'a@one.example', name: 'Ada', profileUrl: 'https://ada.example', role: 'mention', card: 0 },
      { email: 'a@two.example', name: 'Ada', role: 'mention', card: 0 },
    ]);
  });

  test(`a page with more people than ${MAX_WEB_PEOPLE} yields the first ${MAX_WEB_PEOPLE}`, () => {
    const doc = page('<body></body>');
    for (let i = 0; i < 700; i++) {
      const link = doc.createElement('a');
      link.href = `mailto:person${i}@directory.example`;
      // A name has no digits ("Person 499" is not one): every link names the same person here.
      link.textContent = i % 2 ? 'Grace Hopper' : 'Ada Lovelace';
      doc.body.append(link);
    }
    const found = findPeopleOnWebPage(doc, new URL('https://directory.example/')).people;
    expect(found).toHaveLength(MAX_WEB_PEOPLE);
    expect(found.at(-1)).toEqual({ email: 'person499@directory.example', name: 'Grace Hopper', role: 'mention' });
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
    ['logo@3x.JPEG, app@v2.mjs, data@v1.json, map@app.js.map, img@host.avif', []],
    ['a@host.jsx, b@png.example, c@host.pngs', ['a@host.jsx', 'b@png.example', 'c@host.pngs']],
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

  test('plain ASCII addresses (read without the general normalising) come out as toEmailAddress gives them', () => {
    const segment = fc.stringMatching(/^[A-Za-z0-9_+-]{1,10}$/);
    const local = fc
      .array(segment, { minLength: 1, maxLength: 5 })
      .map((parts) => parts.join('.'))
      .filter((l) => l.length <= 64);
    const label = fc.stringMatching(/^[A-Za-z0-9-]{1,12}$/);
    // The last label ends in a letter no file ending has, so only the address checks decide.
    const domain = fc.tuple(fc.array(label, { maxLength: 3 }), fc.stringMatching(/^[A-Za-z]{0,3}$/)).map(([labels, top]) => [...labels, `${top}q`].join('.'));
    fc.assert(
      fc.property(local, domain, (l, d) => {
        const expected = toEmailAddress(`${l}@${d}`);
        expect(findAddressesInText(`write to <${l}@${d}> now`)).toEqual(expected ? [expected] : []);
      }),
      { numRuns: 500 },
    );
  });

  test('adversarial text on a page is scanned to the end and yields only the real address', () => {
    const doc = page('<body></body>');
    const noise = doc.createElement('p');
    noise.textContent = `${'a@'.repeat(100_000)} ${'b'.repeat(60_000)}@x.example then@real.example`;
    doc.body.append(noise);
    expect(findAddressesInVisibleText(doc.body, () => false, 10)).toEqual(['then@real.example']);
  });
});

/** Run findInSlices to the end, counting the times it handed control back. */
function sliced(doc: Document, url: URL): { findings: PageFindings; yields: number } {
  const slices = webRecogniser.findInSlices!(doc, url);
  let yields = 0;
  for (let step = slices.next(); ; step = slices.next(), yields++) if (step.done) return { findings: step.value, yields };
}

/** A long article built with DOM calls: `paragraphs` of prose, an address in every 50th. */
function longArticle(paragraphs: number): Document {
  const doc = page('<body><article></article></body>');
  const article = doc.querySelector('article')!;
  for (let i = 0; i < paragraphs; i++) {
    const p = doc.createElement('p');
    p.append(`Paragraph ${i} goes on about engines and tides for a while, `, doc.createElement('em'), ' and then some more.');
    p.querySelector('em')!.textContent = 'with emphasis';
    if (i % 50 === 0) p.append(` Write to writer${i}@desk.example about it.`);
    article.append(p);
  }
  return doc;
}

describe('findInSlices', () => {
  const url = new URL('https://people.example/page');

  test.each(readdirSync('tests/fixtures/web').filter((file) => file.endsWith('.html')))('returns exactly what find returns on web/%s', (file) => {
    const doc = loadFixture('web', file.replace(/\.html$/, ''));
    expect(sliced(doc, url).findings).toEqual(webRecogniser.find(doc, url));
  });

  test('yields between slices on a large page and still finds everyone find finds', () => {
    const doc = longArticle(4000);
    const { findings, yields } = sliced(doc, url);
    expect(yields).toBeGreaterThan(10);
    expect(findings).toEqual(webRecogniser.find(doc, url));
    expect(findings.people).toHaveLength(80);
  });

  test('yields inside one very long text node, and reads it to the end', () => {
    const doc = page('<body><p></p></body>');
    doc.querySelector('p')!.textContent = `${'a@'.repeat(200_000)} last@inside.example`;
    const { findings, yields } = sliced(doc, url);
    expect(yields).toBeGreaterThan(100);
    expect(findings.people).toEqual([{ email: 'last@inside.example', role: 'mention' }]);
  });

  test('a small page takes few slices', () => {
    expect(sliced(loadFixture('web', 'visible-text'), url).yields).toBeLessThan(10);
  });

  test('markup on a hostile page is read in slices too, with the same result as find', () => {
    const doc = page('<body></body>');
    for (let i = 0; i < 700; i++) {
      const card = doc.createElement('div');
      card.className = i % 2 ? 'h-card' : 'vcard';
      const name = doc.createElement('span');
      name.className = i % 2 ? 'p-name' : 'fn';
      name.textContent = `Card ${i}`;
      const item = doc.createElement('div');
      item.setAttribute('itemscope', '');
      item.setAttribute('itemtype', 'https://schema.org/Person');
      const email = doc.createElement('meta');
      email.setAttribute('itemprop', 'email');
      email.setAttribute('content', `item${i}@items.example`);
      const link = doc.createElement('a');
      link.href = `mailto:link${i}@links.example`;
      card.append(name);
      item.append(email);
      doc.body.append(card, item, link);
    }
    const { findings, yields } = sliced(doc, url);
    expect(yields).toBeGreaterThan(5);
    expect(findings).toEqual(webRecogniser.find(doc, url));
    expect(findings.truncated).toBe(true);
  });
});

describe('changes that came with slicing', () => {
  test('h-card and vcard roots are read in page order, a root with both classes once', () => {
    const doc = page(`
      <div class="vcard"><span class="fn">One</span><a class="email" href="mailto:one@x.example">e</a></div>
      <div class="h-card vcard"><span class="p-name">Two</span><a class="u-email" href="mailto:two@x.example">e</a></div>
      <div class="h-card"><span class="p-name">Three</span><a class="u-email" href="mailto:three@x.example">e</a></div>
      <div class="vcard"><span class="fn">Four</span><a class="email" href="mailto:four@x.example">e</a></div>`);
    expect(findHCardPeople(doc, new URL('https://x.example/')).map((card) => card.name)).toEqual(['One', 'Two', 'Three', 'Four']);
  });

  test('mailto links count toward their cap alone: one after thousands of other links is read', () => {
    const doc = page('<body></body>');
    for (let i = 0; i < 6000; i++) {
      const link = doc.createElement('a');
      link.href = `https://news.example/${i}`;
      link.textContent = `story ${i}`;
      doc.body.append(link);
    }
    const contact = doc.createElement('a');
    contact.href = 'MAILTO:Desk@News.example?subject=Hi';
    contact.textContent = 'News Desk';
    doc.body.append(contact);
    expect(findPeopleOnWebPage(doc, new URL('https://news.example/')).people).toEqual([{ email: 'desk@news.example', name: 'News Desk', role: 'mention' }]);
  });

  test('a page within the cap is not marked truncated', () => {
    expect(findPeopleOnWebPage(loadFixture('web', 'mailto-links'), new URL('https://analytical.example/contact')).truncated).toBeUndefined();
  });
});
