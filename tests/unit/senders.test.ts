import { describe, expect, test } from 'vitest';
import type { Browser } from 'wxt/browser';
import { classifySender, overreachOf, siteOfSender, type ContentSender } from '../../utils/messaging/senders';
import { SITES } from '../../utils/sites';
import { ADA, threadSighting } from './helpers';

const ID = 'tend-extension-id';
const ORIGIN = `chrome-extension://${ID}/`;
const fromTab = (url: string | undefined, extra: Partial<Browser.runtime.MessageSender> = {}): Browser.runtime.MessageSender => ({
  id: ID,
  url,
  tab: { id: 7 } as Browser.tabs.Tab,
  frameId: 0,
  ...extra,
});

/** A page a match pattern covers: `*.` hosts get a subdomain, `*` in a path some text. */
const pageOfPattern = (pattern: string) => pattern.replace('://*.', '://uk.').replace(/\*/g, 'ada');

describe('the site of a content script comes from its sender', () => {
  const declared = SITES.flatMap((site) => site.matches.map((pattern) => [site.id, pattern, pageOfPattern(pattern)] as const));

  test.each(declared)('%s: a page of %s (%s)', (id, _pattern, url) => {
    expect(siteOfSender({ url, origin: new URL(url).origin })).toMatchObject({ site: id });
    expect(classifySender(fromTab(url), ID, ORIGIN)).toEqual({ role: 'content', tabId: 7, pageUrl: url, site: id });
  });

  test('every site descriptor with pages of its own is covered above', () => {
    const covered = new Set(declared.map(([id]) => id));
    expect(SITES.filter((site) => site.matches.length > 0 && !covered.has(site.id))).toEqual([]);
  });

  test.each([
    ['a page no declared site covers', 'https://people.example/team', 'web'],
    ['Gmail over http (its script runs on https only)', 'http://mail.google.com/mail/u/0/#inbox', 'web'],
    ['a subdomain Gmail does not use', 'https://evil.mail.google.com/mail/u/0/', 'web'],
    ['a host that only starts like Gmail', 'https://mail.google.com.evil.example/mail/', 'web'],
    ['a GitHub subdomain', 'https://gist.github.com/ada', 'web'],
    ['LinkedIn outside profiles', 'https://www.linkedin.com/feed/', 'web'],
    ['a LinkedIn country host profile', 'https://de.linkedin.com/in/ada', 'linkedin'],
    ['a port on Gmail', 'https://mail.google.com:8443/mail/', 'gmail'],
    ['upper case in the host', 'https://MAIL.Google.com/mail/u/0/', 'gmail'],
    ["Outlook's calendar (same hosts as its mail)", 'https://outlook.office.com/calendar/view/week', 'outlook-calendar'],
    ["Outlook's mail", 'https://outlook.office.com/mail/inbox', 'outlook'],
  ])('%s: %s is "%s"', (_name, url, site) => {
    expect(siteOfSender({ url })).toMatchObject({ site });
  });

  test.each([
    ['no URL', undefined, undefined, /without a page URL/],
    ['about:blank', 'about:blank', 'https://mail.google.com', /about: page/],
    ['an srcdoc frame', 'about:srcdoc', 'https://mail.google.com', /about: page/],
    ['a data: URL', 'data:text/html,<p>hi</p>', 'null', /data: page/],
    ['a blob: URL', 'blob:https://mail.google.com/1f0c', 'https://mail.google.com', /blob: page/],
    ['a file', 'file:///home/ada/mail.html', 'file://', /file: page/],
    ['another extension', 'chrome-extension://other/page.html', 'chrome-extension://other', /chrome-extension: page/],
    ['an unreadable URL', 'https://', undefined, /unreadable URL/],
    ['an origin that is not its URL', 'https://mail.google.com/mail/', 'https://github.com', /origin https:\/\/github\.com is not its page's/],
    ['an opaque origin', 'https://mail.google.com/mail/', 'null', /origin null is not its page's/],
  ])('%s is no site, and is refused', (_name, url, origin, why) => {
    const page = siteOfSender({ url, origin });
    expect(page).toEqual({ why: expect.stringMatching(why) });
    expect(classifySender(fromTab(url, { origin }), ID, ORIGIN)).toEqual({ role: 'foreign', why: expect.stringMatching(why) });
  });

  test.each([
    ['a sub-frame', { frameId: 2 }],
    ['no frame id', { frameId: undefined }],
    ['no tab', { tab: undefined }],
    ['a tab with no id', { tab: { id: -1 } as Browser.tabs.Tab }],
  ])('a sender from %s speaks for no site', (_name, extra) => {
    expect(classifySender(fromTab('https://mail.google.com/mail/u/0/', extra), ID, ORIGIN)).toMatchObject({ role: 'foreign' });
  });
});

describe('a report claims nothing its sender may not say', () => {
  const gmail: ContentSender = { role: 'content', tabId: 7, pageUrl: 'https://mail.google.com/mail/u/0/#inbox/t1', site: 'gmail' };
  const github: ContentSender = { role: 'content', tabId: 8, pageUrl: 'https://github.com/ada', site: 'github' };
  const web: ContentSender = { role: 'content', tabId: 9, pageUrl: 'https://people.example/team', site: 'web' };
  const profile = { type: 'sighting' as const, site: 'github', page: { url: 'https://github.com/ada', title: 'ada' }, people: [ADA], self: [] };
  const calendar: ContentSender = { role: 'content', tabId: 10, pageUrl: 'https://calendar.google.com/calendar/u/0/r/week', site: 'google-calendar' };
  const event = { key: 'google-calendar:4kq8r2v0mtd6l1h3p9s7c5b2ue', title: 'Review', start: 1_770_000_000_000 };
  const calendarReport = { ...profile, site: 'google-calendar', page: { url: calendar.pageUrl, title: '' }, event, self: ['me@tend.example'] };

  test('honest reports pass', () => {
    expect(overreachOf(threadSighting('t1', 'Plan', [ADA], ['me@example.com']), gmail)).toBeUndefined();
    expect(overreachOf(profile, github)).toBeUndefined();
    expect(overreachOf({ ...profile, site: 'web', page: { url: 'https://people.example/other', title: '' } }, web)).toBeUndefined();
    // A calendar reports its event and the signed-in account, as a webmail its thread and account.
    expect(overreachOf(calendarReport, calendar)).toBeUndefined();
  });

  test.each([
    ["a site that is not its page's", { ...threadSighting('t1', 'Plan', [ADA]) }, github, /site "github"\) claimed site "gmail"/],
    [
      'a page on another origin',
      { ...profile, page: { url: 'https://mail.google.com/mail/u/0/', title: '' } },
      github,
      /claimed a page at https:\/\/mail\.google\.com/,
    ],
    ['an unreadable page URL', { ...profile, page: { url: 'not a url', title: '' } }, github, /claimed a page at not a url/],
    ['a thread from a profile site', { ...profile, thread: { key: 'github:x', subject: 'Wire money' } }, github, /reported a mail thread/],
    [
      'a thread from a web page',
      { ...profile, site: 'web', page: { url: web.pageUrl, title: '' }, thread: { key: 'gmail:x', subject: 'Hi' } },
      web,
      /reported a mail thread/,
    ],
    [
      "another webmail's thread",
      { ...threadSighting('t1', 'Plan', [ADA]), thread: { key: 'outlook:t1', subject: 'Plan' } },
      gmail,
      /thread of another site \(outlook:t1\)/,
    ],
    ['own addresses from a profile site', { ...profile, self: ['boss@corp.example'] }, github, /claimed the user's own addresses/],
    [
      'own addresses from a web page',
      { ...profile, site: 'web', page: { url: web.pageUrl, title: '' }, self: ['boss@corp.example'] },
      web,
      /claimed the user's own addresses/,
    ],
    ['an event from a web page', { ...profile, site: 'web', page: { url: web.pageUrl, title: '' }, event }, web, /reported a calendar event/],
    ['an event from a webmail', { ...threadSighting('t1', 'Plan', [ADA]), event: { ...event, key: 'gmail:x' } }, gmail, /reported a calendar event/],
    ["another site's event from a calendar", { ...calendarReport, event: { ...event, key: 'outlook:x' } }, calendar, /event of another site \(outlook:x\)/],
  ])('%s is refused', (_name, request, sender, why) => {
    expect(overreachOf(request, sender)).toMatch(why);
  });
});
