import { describe, expect, test } from 'vitest';
import { findPersonOnGithubProfile, githubProfileLogin, githubRecogniser } from '../../utils/recognise/profiles/github';
import { githubSelectors } from '../../utils/recognise/profiles/github-selectors';
import { loadFixture } from './load-fixture';
import { readsPage } from '../../utils/recognise/registry';

const adaUrl = new URL('https://github.com/ada-l');
const graceUrl = new URL('https://github.com/GraceH?tab=repositories');
const NOBODY = { people: [], self: [] };

/** The profile fixture with its display name replaced by `text` (set as text, never markup). */
function adaNamed(text: string): Document {
  const doc = loadFixture('github', 'profile');
  doc.querySelector(`${githubSelectors.person} ${githubSelectors.name}`)!.textContent = text;
  return doc;
}

describe('which GitHub pages are profiles', () => {
  test.each([
    ['https://github.com/ada-l', 'ada-l'],
    ['https://github.com/ada-l/', 'ada-l'],
    ['https://github.com/Ada-L?tab=repositories', 'ada-l'],
    ['https://github.com/ada-l#pinned', 'ada-l'],
    ['https://www.github.com/ada-l', 'ada-l'],
    ['https://github.com/a', 'a'],
    [`https://github.com/${'a'.repeat(39)}`, 'a'.repeat(39)],
  ])('%s is the profile of %s', (href, login) => {
    expect(githubProfileLogin(new URL(href))).toBe(login);
    expect(readsPage(githubRecogniser, new URL(href))).toBe(true);
  });

  test.each([
    ['a repository', 'https://github.com/ada-l/engine'],
    ['a repository sub-page', 'https://github.com/ada-l/engine/issues/1'],
    ['an empty second segment', 'https://github.com/ada-l//'],
    ['the home page', 'https://github.com/'],
    ['GitHub settings', 'https://github.com/settings'],
    ['an organisation list', 'https://github.com/orgs/analytical-engines/people'],
    ['topics', 'https://github.com/topics'],
    ['marketplace (any case)', 'https://github.com/Marketplace'],
    ['plain http', 'http://github.com/ada-l'],
    ['a gist host', 'https://gist.github.com/ada-l'],
    ['a look-alike host', 'https://github.com.evil.example/ada-l'],
    ['a login with an underscore', 'https://github.com/ada_l'],
    ['a login starting with a hyphen', 'https://github.com/-ada'],
    ['a 40-character login', `https://github.com/${'a'.repeat(40)}`],
    ['an encoded slash', 'https://github.com/ada-l%2Fengine'],
  ])('%s is not a profile', (_label, href) => {
    expect(githubProfileLogin(new URL(href))).toBeUndefined();
    expect(readsPage(githubRecogniser, new URL(href))).toBe(false);
  });
});

describe('GitHub profile without a public email (github/profile)', () => {
  const findings = findPersonOnGithubProfile(loadFixture('github', 'profile'), adaUrl);

  test('finds the one person the page is about, by name and canonical profile URL', () => {
    expect(findings).toEqual({
      people: [{ name: 'Ada Lovelace', profileUrl: 'https://github.com/ada-l', role: 'profile' }],
      self: [],
    });
    expect(findings.thread).toBeUndefined();
    expect(findings.people[0]).not.toHaveProperty('email');
  });

  test('people in scripts, styles, templates, the README and the header are not read', () => {
    const names = findings.people.map((p) => p.name);
    expect(names).not.toContain('Script Only Person');
    expect(names).not.toContain('Template Only Person');
    expect(findings.people.map((p) => p.email)).not.toContain('readme-only@old.example');
  });

  test('the profile URL is canonical whatever case and query the page URL has', () => {
    const doc = loadFixture('github', 'profile');
    const findings = findPersonOnGithubProfile(doc, new URL('https://www.github.com/ADA-L/?tab=stars#top'));
    expect(findings.people.map((p) => p.profileUrl)).toEqual(['https://github.com/ada-l']);
  });

  test('an empty display name falls back to the login', () => {
    expect(findPersonOnGithubProfile(adaNamed('  \n  '), adaUrl).people).toEqual([{ name: 'ada-l', profileUrl: 'https://github.com/ada-l', role: 'profile' }]);
  });

  test('a vcard without a name element is still the person, named by login', () => {
    const doc = loadFixture('github', 'profile');
    doc.querySelector(githubSelectors.name)!.remove();
    expect(findPersonOnGithubProfile(doc, adaUrl).people.map((p) => p.name)).toEqual(['ada-l']);
  });

  test('the page of another login (vcard says ada-l, URL says charles-b) has nobody', () => {
    expect(findPersonOnGithubProfile(loadFixture('github', 'profile'), new URL('https://github.com/charles-b'))).toEqual(NOBODY);
  });

  test("a second Person (a hovercard) does not replace the profile's owner, before or after it", () => {
    const doc = loadFixture('github', 'profile');
    const owner = doc.querySelector(githubSelectors.person)!;
    const card = owner.cloneNode(true) as Element;
    card.querySelector(githubSelectors.name)!.textContent = 'Charles Babbage';
    card.querySelector(githubSelectors.login)!.textContent = 'charles-b';
    doc.body.prepend(card);
    expect(findPersonOnGithubProfile(doc, adaUrl).people.map((p) => p.name)).toEqual(['Ada Lovelace']);
    expect(findPersonOnGithubProfile(doc, new URL('https://github.com/charles-b')).people).toEqual([
      { name: 'Charles Babbage', profileUrl: 'https://github.com/charles-b', role: 'profile' },
    ]);
  });

  test("a name inside a nested item (the employer's) is not the person's name", () => {
    const doc = loadFixture('github', 'profile');
    const owner = doc.querySelector(githubSelectors.person)!;
    const employer = doc.createElement('div');
    employer.setAttribute('itemprop', 'worksFor');
    employer.setAttribute('itemscope', '');
    employer.setAttribute('itemtype', 'http://schema.org/Organization');
    const employerName = doc.createElement('span');
    employerName.setAttribute('itemprop', 'name');
    employerName.textContent = 'Analytical Engines Ltd';
    employer.append(employerName);
    owner.prepend(employer);
    expect(findPersonOnGithubProfile(doc, adaUrl).people.map((p) => p.name)).toEqual(['Ada Lovelace']);
  });
});

describe('GitHub profile with a public email (github/profile-with-email)', () => {
  const findings = findPersonOnGithubProfile(loadFixture('github', 'profile-with-email'), graceUrl);

  test('finds name (whitespace folded, invisible marks gone), normalised email and profile URL', () => {
    expect(findings).toEqual({
      people: [{ name: 'Grace Brewster Hopper', email: 'grace@navy.example', profileUrl: 'https://github.com/graceh', role: 'profile' }],
      self: [],
    });
  });

  test('the login shown with pronouns after it still matches the URL', () => {
    const doc = loadFixture('github', 'profile-with-email');
    doc.querySelector(githubSelectors.name)!.textContent = '';
    expect(findPersonOnGithubProfile(doc, graceUrl).people.map((p) => p.name)).toEqual(['GraceH']);
  });

  test.each([
    ['not a mailto link', 'https://grace.example/contact'],
    ['a script URL', 'javascript:alert(1)'],
    ['mailto with no address', 'mailto:'],
    ['mailto with something else', 'mailto:javascript:alert(1)'],
    ['an over-long address', `mailto:${'g'.repeat(65)}@navy.example`],
  ])('an email link that is %s gives no email', (_label, href) => {
    const doc = loadFixture('github', 'profile-with-email');
    doc.querySelector(githubSelectors.email)!.setAttribute('href', href);
    const [person] = findPersonOnGithubProfile(doc, graceUrl).people;
    expect(person?.name).toBe('Grace Brewster Hopper');
    expect(person).not.toHaveProperty('email');
  });

  test('a mailto query (subject, markup) is dropped from the address', () => {
    const doc = loadFixture('github', 'profile-with-email');
    doc.querySelector(githubSelectors.email)!.setAttribute('href', 'mailto:Grace@Navy.example?subject=%3Cscript%3E');
    expect(findPersonOnGithubProfile(doc, graceUrl).people[0]?.email).toBe('grace@navy.example');
  });
});

describe('GitHub repository page (github/repo-page)', () => {
  const doc = loadFixture('github', 'repo-page');

  test('has nobody at its own URL', () => {
    const url = new URL('https://github.com/ada-l/engine');
    expect(readsPage(githubRecogniser, url)).toBe(false);
    expect(findPersonOnGithubProfile(doc, url)).toEqual(NOBODY);
  });

  test("has nobody even at the owner's profile URL: its author microdata is not a Person vcard", () => {
    expect(findPersonOnGithubProfile(doc, adaUrl)).toEqual(NOBODY);
  });
});

describe('hostile names on a GitHub profile', () => {
  test('an HTML-looking name comes back as the same plain text, and nothing is parsed', () => {
    const payload = '<img src=x onerror="alert(1)"><b>Ada</b>';
    const doc = adaNamed(payload);
    expect(findPersonOnGithubProfile(doc, adaUrl).people.map((p) => p.name)).toEqual([payload]);
    expect(doc.querySelector('img[onerror], b')).toBeNull();
  });

  test('bidi overrides and zero-width characters are removed', () => {
    const findings = findPersonOnGithubProfile(adaNamed('\u202EAda\u200B Love\u2066lace\u202C'), adaUrl);
    expect(findings.people.map((p) => p.name)).toEqual(['Ada Lovelace']);
  });

  test('a megabyte name is capped with a visible mark, quickly', () => {
    const started = performance.now();
    const [person] = findPersonOnGithubProfile(adaNamed('A'.repeat(1_000_000)), adaUrl).people;
    expect(person?.name).toHaveLength(200);
    expect(person?.name?.endsWith('…')).toBe(true);
    expect(performance.now() - started).toBeLessThan(500);
  });

  test('a script inside the name element is not part of the name', () => {
    const doc = loadFixture('github', 'profile');
    const name = doc.querySelector(githubSelectors.name)!;
    const script = doc.createElement('script');
    script.textContent = 'document.title = "Mallory"';
    name.append(script);
    expect(findPersonOnGithubProfile(doc, adaUrl).people.map((p) => p.name)).toEqual(['Ada Lovelace']);
  });
});

describe('GitHub recogniser contract', () => {
  test('reading a profile changes nothing in the page', () => {
    const doc = loadFixture('github', 'profile-with-email');
    const watcher = new MutationObserver(() => undefined);
    watcher.observe(doc, { subtree: true, childList: true, attributes: true, characterData: true });
    findPersonOnGithubProfile(doc, graceUrl);
    expect(watcher.takeRecords()).toEqual([]);
    // The watcher does see changes: the check above could fail.
    doc.body.setAttribute('data-probe', '1');
    expect(watcher.takeRecords()).toHaveLength(1);
    watcher.disconnect();
  });

  test.each([
    ['an empty document', () => new DOMParser().parseFromString('', 'text/html')],
    ['a vcard with no properties', () => new DOMParser().parseFromString('<div itemscope itemtype="https://schema.org/Person"></div>', 'text/html')],
    ['an SVG-only page', () => new DOMParser().parseFromString('<svg><text itemprop="name">x</text></svg>', 'text/html')],
  ])('odd markup (%s) does not throw', (_label, makeDoc) => {
    expect(() => findPersonOnGithubProfile(makeDoc(), adaUrl)).not.toThrow();
  });

  test('a lone vcard without a login shown is taken as the profile owner', () => {
    const doc = new DOMParser().parseFromString(
      '<div itemscope itemtype="https://schema.org/Person"><span itemprop="name">Ada Lovelace</span></div>',
      'text/html',
    );
    expect(findPersonOnGithubProfile(doc, adaUrl).people).toEqual([{ name: 'Ada Lovelace', profileUrl: 'https://github.com/ada-l', role: 'profile' }]);
  });
});
