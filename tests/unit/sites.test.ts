import { describe, expect, test } from 'vitest';
import calendarScript from '../../entrypoints/calendar.content';
import gmailScript from '../../entrypoints/gmail.content';
import outlookScript from '../../entrypoints/outlook.content';
import profilesScript from '../../entrypoints/profiles.content';
import webScript from '../../entrypoints/web.content';
import {
  DECLARED_SITE_MATCHES,
  GRANTABLE_SITE_MATCHES,
  isDeclaredOrigin,
  isDeclaredPage,
  PASSIVE_HISTORY_SITES,
  passiveHistoryOn,
  profileSiteName,
  SITES,
} from '../../utils/sites';
import { matchesPattern } from '../../utils/sites/match-pattern';

test.each([
  ['https://www.linkedin.com/*', true],
  ['https://*.linkedin.com/*', true],
  ['https://mail.google.com/*', true],
  ['https://github.com/*', true],
  ['https://people.example/*', false],
  ['https://*/*', false],
  ['http://mail.google.com/*', false],
])('isDeclaredOrigin(%s) is %s', (origin, expected) => expect(isDeclaredOrigin(origin)).toBe(expected));

describe('the site descriptors are the one declaration of each site', () => {
  const contentScripts = { gmail: gmailScript, outlook: outlookScript, calendar: calendarScript, profiles: profilesScript, web: webScript };

  test.each(Object.entries(contentScripts))("the %s content script matches exactly its sites' patterns", (name, script) => {
    const patterns = SITES.filter((site) => site.contentScript === name).flatMap((site) => site.matches);
    // Chrome is the only browser Tend builds for: the matches are one list, not per browser.
    expect([...(script.matches as string[])].sort()).toEqual([...patterns].sort());
  });

  test('every site is read by a content script Tend has', () => {
    for (const site of SITES) expect(Object.keys(contentScripts)).toContain(site.contentScript);
  });

  test('the host permissions are the declared sites, in order; other sites are only grantable', () => {
    expect(DECLARED_SITE_MATCHES).toEqual([
      'https://mail.google.com/*',
      'https://outlook.live.com/calendar/*',
      'https://outlook.office.com/calendar/*',
      'https://outlook.office365.com/calendar/*',
      'https://outlook.live.com/*',
      'https://outlook.office.com/*',
      'https://outlook.office365.com/*',
      'https://calendar.google.com/*',
      'https://github.com/*',
      'https://www.linkedin.com/in/*',
      'https://*.linkedin.com/in/*',
      'https://linkedin.com/in/*',
    ]);
    expect(GRANTABLE_SITE_MATCHES).toEqual(['https://*/*', 'http://*/*']);
    // The generic reader is registered at run time: WXT would turn its matches into host permissions.
    expect(webScript.registration).toBe('runtime');
    expect(webScript.matches).toEqual([]);
  });

  test('ids and labels are unique; the automatic-history switches come in the options page order', () => {
    expect(new Set(SITES.map((site) => site.id)).size).toBe(SITES.length);
    expect(new Set(SITES.map((site) => site.label)).size).toBe(SITES.length);
    expect(PASSIVE_HISTORY_SITES.map((site) => [site.id, site.label])).toEqual([
      ['gmail', 'siteGmail'],
      ['outlook-calendar', 'siteOutlookCalendar'],
      ['outlook', 'siteOutlook'],
      ['google-calendar', 'siteGoogleCalendar'],
      ['github', 'siteGitHub'],
      ['linkedin', 'siteLinkedIn'],
      ['web', 'siteWeb'],
    ]);
  });

  test('automatic history is on where the user left it alone, except on calendars (a meeting is logged when asked)', () => {
    const on = (switches: Record<string, boolean>) => SITES.filter((site) => passiveHistoryOn(site, switches)).map((site) => site.id);
    expect(on({})).toEqual(['gmail', 'outlook', 'github', 'linkedin', 'web']);
    expect(on({ 'google-calendar': true, gmail: false })).toEqual(['outlook', 'google-calendar', 'github', 'linkedin', 'web']);
    expect(on({ 'outlook-calendar': true })).toEqual(['gmail', 'outlook-calendar', 'outlook', 'github', 'linkedin', 'web']);
  });

  test.each([
    ['github.com', 'GitHub'],
    ['linkedin.com', 'LinkedIn'],
    ['mastodon.example', 'mastodon.example'],
  ])('a profile on %s is named %s in reasons', (host, name) => expect(profileSiteName(host)).toBe(name));
});

describe('isDeclaredPage: pages a site content script already reads (the generic reader is not injected)', () => {
  test.each([
    ['https://mail.google.com/mail/u/0/#inbox', true],
    ['https://outlook.office365.com/mail/', true],
    ['https://github.com/settings', true],
    ['https://www.linkedin.com/in/ada-lovelace-1815/', true],
    // A country host: the profiles script runs there (its pattern has a wildcard host).
    ['https://uk.linkedin.com/in/grace-hopper-1906', true],
    ['https://www.linkedin.com/feed/', false],
    ['http://mail.google.com/', false],
    ['https://mail.google.com.evil.example/', false],
    ['https://evil-linkedin.com/in/ada', false],
    ['https://people.example/team', false],
    ['chrome://extensions/', false],
    ['not a url', false],
    [undefined, false],
  ])('%s: %s', (href, expected) => expect(isDeclaredPage(href)).toBe(expected));
});

describe('matchesPattern: Chrome match patterns', () => {
  test.each([
    ['https://*.linkedin.com/in/*', 'https://linkedin.com/in/ada', true],
    ['https://*.linkedin.com/in/*', 'https://a.b.linkedin.com/in/ada?x=1', true],
    ['https://*.linkedin.com/in/*', 'https://linkedin.com/feed', false],
    ['https://*.linkedin.com/in/*', 'https://notlinkedin.com/in/ada', false],
    ['https://github.com/*', 'https://github.com/', true],
    ['https://github.com/*', 'http://github.com/', false],
    ['https://github.com/*', 'https://github.com.evil.example/', false],
    ['https://*/*', 'https://people.example/team', true],
    ['http://*/*', 'http://127.0.0.1:8080/about', true],
    ['http://*/*', 'https://people.example/', false],
    ['*://*/*', 'http://people.example/', true],
    ['*://*/*', 'file:///home/ada/contacts.html', false],
    ['https://example.com/a.b*', 'https://example.com/aXb', false],
    ['https://example.com/a*', 'https://example.com/a%0Ab', true],
    ['not a pattern', 'https://example.com/', false],
  ])('%s on %s: %s', (pattern, href, expected) => expect(matchesPattern(pattern, new URL(href))).toBe(expected));
});
