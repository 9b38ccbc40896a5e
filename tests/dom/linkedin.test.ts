import { describe, expect, test } from 'vitest';
import { findPersonOnLinkedinProfile, linkedinProfileSegment, linkedinRecogniser } from '../../utils/recognise/profiles/linkedin';
import { linkedinSelectors } from '../../utils/recognise/profiles/linkedin-selectors';
import { loadFixture } from './load-fixture';
import { readsPage } from '../../utils/recognise/registry';

const adaUrl = new URL('https://www.linkedin.com/in/ada-lovelace-1815/');
const ADA = { name: 'Ada Lovelace', profileUrl: 'https://linkedin.com/in/ada-lovelace-1815', role: 'profile' };
const NOBODY = { people: [], self: [] };
// An opaque member URN in place of the public id, as links from search and messaging carry.
const memberUrnUrl = new URL('https://www.linkedin.com/in/ACoAAAKx7YUBq3VZpT9lO0examplEURN00');

/** The profile fixture with its main heading replaced by `text` (set as text, never markup). */
function adaNamed(text: string): Document {
  const doc = loadFixture('linkedin', 'profile');
  doc.querySelector(linkedinSelectors.mainHeading)!.textContent = text;
  return doc;
}

describe('which LinkedIn pages are profiles', () => {
  test.each([
    ['https://www.linkedin.com/in/ada-lovelace-1815', 'ada-lovelace-1815'],
    ['https://www.linkedin.com/in/ada-lovelace-1815/', 'ada-lovelace-1815'],
    ['https://www.linkedin.com/in/Ada-Lovelace-1815/?originalSubdomain=uk', 'Ada-Lovelace-1815'],
    ['https://linkedin.com/in/ada-lovelace-1815', 'ada-lovelace-1815'],
    ['https://uk.linkedin.com/in/ada-lovelace-1815', 'ada-lovelace-1815'],
    ['https://www.linkedin.com/in/jos%C3%A9-garc%C3%ADa', 'jos%C3%A9-garc%C3%ADa'],
  ])('%s is a profile (id segment %s)', (href, segment) => {
    expect(linkedinProfileSegment(new URL(href))).toBe(segment);
    expect(readsPage(linkedinRecogniser, new URL(href))).toBe(true);
  });

  test.each([
    ['the feed', 'https://www.linkedin.com/feed/'],
    ['a company page', 'https://www.linkedin.com/company/analytical-engines/'],
    ['a profile sub-page', 'https://www.linkedin.com/in/ada-lovelace-1815/details/experience/'],
    ['the contact-info overlay', 'https://www.linkedin.com/in/ada-lovelace-1815/overlay/contact-info/'],
    ['an empty id', 'https://www.linkedin.com/in/'],
    ['an id with a space', 'https://www.linkedin.com/in/ada%20lovelace'],
    ['an id with an encoded slash', 'https://www.linkedin.com/in/ada%2F..%2Ffeed'],
    ['an id with a bidi override', 'https://www.linkedin.com/in/ada%E2%80%AE'],
    ['plain http', 'http://www.linkedin.com/in/ada-lovelace-1815'],
    ['a look-alike host', 'https://www.linkedin.com.evil.example/in/ada-lovelace-1815'],
    ['a suffix look-alike host', 'https://evil-linkedin.com/in/ada-lovelace-1815'],
    ['a deeper subdomain', 'https://a.b.linkedin.com/in/ada-lovelace-1815'],
  ])('%s is not a profile', (_label, href) => {
    expect(linkedinProfileSegment(new URL(href))).toBeUndefined();
    expect(readsPage(linkedinRecogniser, new URL(href))).toBe(false);
  });
});

describe('LinkedIn profile, signed in (linkedin/profile)', () => {
  test('finds the one person: name from the main heading, canonical profile URL, no email', () => {
    const findings = findPersonOnLinkedinProfile(loadFixture('linkedin', 'profile'), adaUrl);
    expect(findings).toEqual({ people: [ADA], self: [] });
    expect(findings.people[0]).not.toHaveProperty('email');
    expect(findings.thread).toBeUndefined();
  });

  test('names in scripts, styles, hidden code blocks, the nav and the aside are not the person', () => {
    const names = findPersonOnLinkedinProfile(loadFixture('linkedin', 'profile'), adaUrl).people.map((p) => p.name);
    expect(names).toEqual(['Ada Lovelace']);
  });

  test('tracking parameters and letter case in the URL do not change the profile URL', () => {
    const url = new URL('https://www.linkedin.com/in/Ada-Lovelace-1815/?trk=people-guest&originalSubdomain=uk#experience');
    expect(findPersonOnLinkedinProfile(loadFixture('linkedin', 'profile'), url).people).toEqual([ADA]);
  });

  test('after in-app navigation left the head stale, the URL (the page shown) wins over the canonical link', () => {
    const doc = adaNamed('Charles Babbage');
    const findings = findPersonOnLinkedinProfile(doc, new URL('https://www.linkedin.com/in/charles-babbage-1791/'));
    expect(findings.people).toEqual([{ name: 'Charles Babbage', profileUrl: 'https://linkedin.com/in/charles-babbage-1791', role: 'profile' }]);
  });

  test('a member-URN URL takes the public id from the canonical link', () => {
    expect(findPersonOnLinkedinProfile(loadFixture('linkedin', 'profile'), memberUrnUrl).people).toEqual([ADA]);
  });

  test.each([
    ['missing', null],
    ['not a profile', 'https://www.linkedin.com/feed/'],
    ['another site', 'https://evil.example/in/ada-lovelace-1815'],
    ['itself a member URN', 'https://www.linkedin.com/in/ACoAAAKx7YUBq3VZpT9lO0examplEURN00'],
    ['unparsable', 'https://[broken/in/x'],
  ])('a member-URN URL with a canonical link that is %s gives the name without a profile URL', (_label, href) => {
    const doc = loadFixture('linkedin', 'profile');
    const link = doc.querySelector(linkedinSelectors.canonicalLink)!;
    if (href === null) link.remove();
    else link.setAttribute('href', href);
    expect(findPersonOnLinkedinProfile(doc, memberUrnUrl).people).toEqual([{ name: 'Ada Lovelace', role: 'profile' }]);
  });

  test('a relative canonical link is resolved against the page', () => {
    const doc = loadFixture('linkedin', 'profile');
    doc.querySelector(linkedinSelectors.canonicalLink)!.setAttribute('href', '/in/Ada-Lovelace-1815/');
    expect(findPersonOnLinkedinProfile(doc, memberUrnUrl).people).toEqual([ADA]);
  });

  test('a profile that has not rendered its heading yet has nobody (no nameless person)', () => {
    const doc = loadFixture('linkedin', 'profile');
    for (const heading of doc.querySelectorAll('h1')) heading.remove();
    expect(findPersonOnLinkedinProfile(doc, adaUrl)).toEqual(NOBODY);
    expect(findPersonOnLinkedinProfile(adaNamed(' \u200B\n '), adaUrl)).toEqual(NOBODY);
  });

  test('a profile sub-page has nobody, though its markup is a profile', () => {
    const url = new URL('https://www.linkedin.com/in/ada-lovelace-1815/details/experience/');
    expect(findPersonOnLinkedinProfile(loadFixture('linkedin', 'profile'), url)).toEqual(NOBODY);
  });
});

describe('LinkedIn public profile on a country host (linkedin/profile-country-subdomain)', () => {
  const graceUrl = new URL('https://uk.linkedin.com/in/grace-hopper-1906?trk=public_profile_browsemap');
  const GRACE = { name: 'Grace Hopper', profileUrl: 'https://linkedin.com/in/grace-hopper-1906', role: 'profile' };

  test('the country host folds into linkedin.com', () => {
    expect(readsPage(linkedinRecogniser, graceUrl)).toBe(true);
    expect(findPersonOnLinkedinProfile(loadFixture('linkedin', 'profile-country-subdomain'), graceUrl)).toEqual({
      people: [GRACE],
      self: [],
    });
  });

  test('the same profile on www and on another country host is the same person', () => {
    const doc = loadFixture('linkedin', 'profile-country-subdomain');
    for (const href of ['https://www.linkedin.com/in/grace-hopper-1906', 'https://de.linkedin.com/in/Grace-Hopper-1906/']) {
      expect(findPersonOnLinkedinProfile(doc, new URL(href)).people).toEqual([GRACE]);
    }
  });

  test('JSON-LD in a script and the sign-in header heading are not read', () => {
    const names = findPersonOnLinkedinProfile(loadFixture('linkedin', 'profile-country-subdomain'), graceUrl).people.map((p) => p.name);
    expect(names).toEqual(['Grace Hopper']);
  });

  test('without a main landmark, the first heading outside page furniture is the name', () => {
    const doc = loadFixture('linkedin', 'profile-country-subdomain');
    const main = doc.querySelector('main')!;
    const plain = doc.createElement('div');
    plain.append(...main.childNodes);
    main.replaceWith(plain);
    expect(doc.querySelector('header h1')).not.toBeNull();
    expect(findPersonOnLinkedinProfile(doc, graceUrl).people).toEqual([GRACE]);
  });
});

describe('LinkedIn feed (linkedin/feed)', () => {
  test('has nobody: not a profile, though it names people and links to profiles', () => {
    const url = new URL('https://www.linkedin.com/feed/');
    expect(readsPage(linkedinRecogniser, url)).toBe(false);
    expect(findPersonOnLinkedinProfile(loadFixture('linkedin', 'feed'), url)).toEqual(NOBODY);
  });
});

describe('hostile names on a LinkedIn profile', () => {
  test('an HTML-looking name comes back as the same plain text, and nothing is parsed', () => {
    const payload = '<script>alert(1)</script><img src=x onerror=alert(2)>Ada';
    const doc = adaNamed(payload);
    expect(findPersonOnLinkedinProfile(doc, adaUrl).people.map((p) => p.name)).toEqual([payload]);
    expect(doc.querySelector('main script, img[onerror]')).toBeNull();
  });

  test('bidi overrides are removed', () => {
    const findings = findPersonOnLinkedinProfile(adaNamed('\u202Eecalevol\u202C Ada\u2067'), adaUrl);
    expect(findings.people.map((p) => p.name)).toEqual(['ecalevol Ada']);
  });

  test('a megabyte name is capped with a visible mark, quickly', () => {
    const started = performance.now();
    const [person] = findPersonOnLinkedinProfile(adaNamed(`Ada ${'L'.repeat(1_000_000)}`), adaUrl).people;
    expect(person?.name).toHaveLength(200);
    expect(person?.name?.startsWith('Ada LLL')).toBe(true);
    expect(person?.name?.endsWith('…')).toBe(true);
    expect(performance.now() - started).toBeLessThan(500);
  });

  test('text of a style or template inside the heading is not part of the name', () => {
    const doc = loadFixture('linkedin', 'profile');
    const heading = doc.querySelector(linkedinSelectors.mainHeading)!;
    const style = doc.createElement('style');
    style.textContent = 'h1 { color: red }';
    const template = doc.createElement('template');
    template.append(doc.createTextNode('Mallory'));
    heading.append(style, template);
    expect(findPersonOnLinkedinProfile(doc, adaUrl).people.map((p) => p.name)).toEqual(['Ada Lovelace']);
  });
});

describe('LinkedIn recogniser is read only', () => {
  test('reading a profile changes nothing in the page', () => {
    const doc = loadFixture('linkedin', 'profile');
    const watcher = new MutationObserver(() => undefined);
    watcher.observe(doc, { subtree: true, childList: true, attributes: true, characterData: true });
    findPersonOnLinkedinProfile(doc, adaUrl);
    findPersonOnLinkedinProfile(doc, memberUrnUrl);
    expect(watcher.takeRecords()).toEqual([]);
    // The watcher does see changes: the check above could fail.
    doc.body.append(doc.createElement('div'));
    expect(watcher.takeRecords()).toHaveLength(1);
    watcher.disconnect();
  });

  test.each([
    ['an empty document', ''],
    ['a heading inside SVG', '<main><svg><h1>x</h1></svg></main>'],
    ['a canonical link with no value', '<link rel="canonical" href=""><main><h1>Ada</h1></main>'],
  ])('odd markup (%s) does not throw', (_label, html) => {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(() => findPersonOnLinkedinProfile(doc, memberUrnUrl)).not.toThrow();
    expect(() => findPersonOnLinkedinProfile(doc, adaUrl)).not.toThrow();
  });
});
