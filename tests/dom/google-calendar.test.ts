import { describe, expect, test } from 'vitest';
import { findSafely, toReport } from '../../utils/content/page-watcher';
import { MAX_NAME } from '../../utils/model/limits';
import { googleCalendarRecogniser, googleEventId } from '../../utils/recognise/calendar/google';
import { loadFixture } from './load-fixture';

const weekUrl = new URL('https://calendar.google.com/calendar/u/0/r/week/2026/3/12');
const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).getTime();

describe('the event details popup', () => {
  const findings = googleCalendarRecogniser.find(loadFixture('google-calendar', 'event-popup'), weekUrl);

  test('lists the guests with their names and addresses, leaving out the signed-in user', () => {
    expect(findings.people).toEqual([
      { email: 'grace@navy.example', name: 'Grace Hopper', role: 'to' },
      { email: 'ada@analytical.example', name: 'Ada Lovelace', role: 'to' },
      { email: 'katherine@nasa.example', name: 'Katherine Johnson', role: 'to' },
    ]);
    expect(findings.self).toEqual(['me@tend.example']);
  });

  test('carries the event: a stable key, its title, the organiser, the time from its date line, and that the user is a guest', () => {
    expect(findings.event).toEqual({
      key: 'google-calendar:4kq8r2v0mtd6l1h3p9s7c5b2ue',
      title: 'Quarterly review with the navy',
      start: local(2026, 3, 12, 15),
      end: local(2026, 3, 12, 16),
      organiser: 'grace@navy.example',
      withUser: true,
    });
  });

  test('reads nobody from the description: neither its mail link nor a fake account button', () => {
    const everyone = [...findings.people.map((p) => p.email), ...findings.self];
    expect(everyone).not.toContain('finance@navy.example');
    expect(everyone).not.toContain('mallory@evil.example');
  });
});

describe('a popup of an event the user is not invited to', () => {
  const monthUrl = new URL('https://calendar.google.com/calendar/u/0/r/month/2026/3/1');
  const findings = googleCalendarRecogniser.find(loadFixture('google-calendar', 'event-popup-not-guest'), monthUrl);

  test('lists every guest; a row without a label is named by its first piece of text', () => {
    expect(findings.people.map((p) => [p.email, p.name])).toEqual([
      ['grace@navy.example', 'Grace Hopper'],
      ['dorothy@navy.example', 'Dorothy Vaughan'],
      ['events@navy.example', undefined],
    ]);
    expect(findings.self).toEqual(['me@tend.example']);
  });

  test('an all-day date without a year takes the view’s year and spans the whole day; the user takes no part', () => {
    expect(findings.event).toMatchObject({ key: 'google-calendar:0ab9cd8ef7gh6ij5kl4mn3op2q', title: 'Navy offsite', organiser: 'grace@navy.example' });
    expect(findings.event).not.toHaveProperty('withUser');
    expect(findings.event?.start).toBe(local(2026, 3, 20));
    expect(findings.event?.end).toBe(local(2026, 3, 21));
  });
});

describe('the event page', () => {
  // The same eid as the popup would carry, written without its base64 padding.
  const eid = 'N2hiM24wc2syZDlmMXE0dzZlOHIwdDJ5MXVfMjAyNjAzMTJUMTUwMDAwWiBtZUB0ZW5kLmV4YW1wbGU';
  const pageUrl = new URL(`https://calendar.google.com/calendar/u/0/r/eventedit/${eid}`);
  const findings = googleCalendarRecogniser.find(loadFixture('google-calendar', 'event-page'), pageUrl);

  test('lists the guests from the form, the user (the organiser here) left out', () => {
    expect(findings.people.map((p) => [p.email, p.name])).toEqual([
      ['ada@analytical.example', 'Ada Lovelace'],
      ['margaret@apollo.example', 'Margaret Hamilton'],
    ]);
  });

  test('reads title and time from the form fields; an event past midnight ends the next day; the user organises it', () => {
    expect(findings.event).toEqual({
      key: 'google-calendar:7hb3n0sk2d9f1q4w6e8r0t2y1u_20260312T150000Z',
      title: 'Launch night',
      start: local(2026, 3, 12, 23),
      end: local(2026, 3, 13, 1),
      organiser: 'me@tend.example',
      withUser: true,
    });
  });

  test('the same page at a URL without an event id shows no event and no people', () => {
    const findings = googleCalendarRecogniser.find(loadFixture('google-calendar', 'event-page'), new URL('https://calendar.google.com/calendar/u/0/r/week'));
    expect(findings.event).toBeUndefined();
    expect(findings.people).toEqual([]);
  });
});

test('the grid alone (no popup, no event page) reports no event and no guests', () => {
  const doc = loadFixture('google-calendar', 'event-popup');
  doc.getElementById('xDetDlg')?.remove();
  const findings = googleCalendarRecogniser.find(doc, weekUrl);
  expect(findings.event).toBeUndefined();
  expect(findings.people).toEqual([]);
  expect(findings.self).toEqual(['me@tend.example']);
});

test.each([
  ['NGtxOHIydjBtdGQ2bDFoM3A5czdjNWIydWUgbWVAdGVuZC5leGFtcGxl', '4kq8r2v0mtd6l1h3p9s7c5b2ue'],
  ['not base64 at all!', 'not base64 at all!'],
  ['', undefined],
  ['x'.repeat(600), undefined],
])('the event id of the eid %s is %s', (eid, id) => {
  expect(googleEventId(eid)).toBe(id);
});

test('odd markup (a popup without an event id, guests without addresses) yields no event and never throws', () => {
  const doc = new DOMParser().parseFromString(
    '<div id="xDetDlg" data-eventid=""><span role="heading">x</span><div data-email="">?</div><div data-email="not an address">?</div></div>',
    'text/html',
  );
  const findings = findSafely(googleCalendarRecogniser, doc, weekUrl);
  expect(findings.event).toBeUndefined();
  expect(findings.people).toEqual([]);
});

test('the report keeps an event within the protocol: a hostile title is cut, the key bounded', () => {
  const doc = loadFixture('google-calendar', 'event-popup');
  doc.getElementById('rAECCd')!.textContent = 'x'.repeat(5000);
  const report = toReport(googleCalendarRecogniser, googleCalendarRecogniser.find(doc, weekUrl), doc, weekUrl);
  expect(report.event?.title.length).toBeLessThanOrEqual(MAX_NAME);
  expect(report.event?.key).toBe('google-calendar:4kq8r2v0mtd6l1h3p9s7c5b2ue');
  expect(report.site).toBe('google-calendar');
});
