import { describe, expect, test } from 'vitest';
import { findSafely } from '../../utils/content/page-watcher';
import { outlookCalendarRecogniser, outlookEventIdFromUrl } from '../../utils/recognise/calendar/outlook';
import { outlookRecogniser } from '../../utils/recognise/outlook/recogniser';
import { recogniserFor } from '../../utils/recognise/registry';
import { loadFixture } from './load-fixture';

const weekUrl = new URL('https://outlook.office.com/calendar/view/week');
const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).getTime();

describe("an event's peek over the calendar", () => {
  const findings = outlookCalendarRecogniser.find(loadFixture('outlook-calendar', 'event-peek'), weekUrl);

  test('lists the attendees with names and addresses, the signed-in user left out, the description not read', () => {
    expect(findings.people).toEqual([
      { email: 'grace@navy.example', name: 'Grace Hopper', role: 'to' },
      { email: 'ada@analytical.example', name: 'Ada Lovelace', role: 'to' },
      { email: 'katherine@nasa.example', name: 'Katherine Johnson', role: 'to' },
    ]);
    expect(findings.self).toEqual(['me@tend.example']);
  });

  test('carries the event: title, time from its date line, organiser, the user among the attendees; keyed by title and start (the peek shows no id)', () => {
    const start = local(2026, 3, 12, 14);
    expect(findings.event).toEqual({
      key: `outlook-calendar:Design review|${start}`,
      title: 'Design review',
      start,
      end: local(2026, 3, 12, 15),
      organiser: 'grace@navy.example',
      withUser: true,
    });
  });
});

describe('an event in its own view (a deep link)', () => {
  const url = new URL('https://outlook.live.com/calendar/0/deeplink/read/AQMkADAwATMwMAItMWMw%2FrFZncAAAA%3D?login_hint=me%40tend.example');
  const findings = outlookCalendarRecogniser.find(loadFixture('outlook-calendar', 'event-page'), url);

  test('lists the attendees of an event the user is not invited to; a reply box is not read', () => {
    expect(findings.people.map((p) => [p.email, p.name])).toEqual([
      ['dorothy@navy.example', 'Dorothy Vaughan'],
      ['mary@navy.example', 'Mary Jackson'],
      ['finance-team@navy.example', 'Finance team'],
    ]);
  });

  test('keys the event by the id in its URL and reads its machine-readable times; the user takes no part (no withUser)', () => {
    expect(findings.event).toEqual({
      key: 'outlook-calendar:AQMkADAwATMwMAItMWMw/rFZncAAAA=',
      title: 'Budget sync',
      start: Date.UTC(2026, 2, 20, 9),
      end: Date.UTC(2026, 2, 20, 10, 30),
      organiser: 'dorothy@navy.example',
    });
  });
});

describe('numeric dates as the account writes them (no machine-readable time)', () => {
  test('US English: month first, 12-hour clock ("Fri 3/20/2026 9:00 AM - 10:30 AM")', () => {
    const doc = loadFixture('outlook-calendar', 'event-page');
    for (const time of doc.querySelectorAll('time')) time.removeAttribute('datetime');
    const url = new URL('https://outlook.office.com/calendar/item/AAMkAGI2');
    const { event } = outlookCalendarRecogniser.find(doc, url);
    expect([event?.start, event?.end]).toEqual([local(2026, 3, 20, 9), local(2026, 3, 20, 10, 30)]);
  });

  test('UK English: day first, 24-hour clock; the numbers of the title are no date', () => {
    const { event, people } = outlookCalendarRecogniser.find(loadFixture('outlook-calendar', 'event-peek-en-gb'), weekUrl);
    expect(event).toEqual({
      key: `outlook-calendar:Release 2.4.1 go/no-go|${local(2026, 3, 6, 9)}`,
      title: 'Release 2.4.1 go/no-go',
      start: local(2026, 3, 6, 9),
      end: local(2026, 3, 6, 10, 30),
      organiser: 'radia@lan.example',
      withUser: true,
    });
    expect(people).toEqual([{ email: 'radia@lan.example', name: 'Radia Perlman', role: 'to' }]);
  });

  test("the same peek in a US page would read June 3: the page's language decides", () => {
    const doc = loadFixture('outlook-calendar', 'event-peek-en-gb');
    doc.documentElement.lang = 'en-US';
    expect(outlookCalendarRecogniser.find(doc, weekUrl).event?.start).toBe(local(2026, 6, 3, 9));
  });
});

test.each([
  ['https://outlook.office.com/calendar/item/AAMkAGI2', 'AAMkAGI2'],
  ['https://outlook.office365.com/calendar/deeplink/read/AAMk%2BAA%3D', 'AAMk+AA='],
  ['https://outlook.live.com/calendar/0/deeplink/read/AQMk', 'AQMk'],
  ['https://outlook.office.com/calendar/view/week', undefined],
  ['https://outlook.office.com/mail/inbox/id/AAQk', undefined],
])('the event id of %s is %s', (href, id) => {
  expect(outlookEventIdFromUrl(new URL(href))).toBe(id);
});

test('the calendar without a peek or an event page reports no event and no people', () => {
  const doc = loadFixture('outlook-calendar', 'event-peek');
  doc.getElementById('fluent-default-layer-host')?.remove();
  const findings = findSafely(outlookCalendarRecogniser, doc, weekUrl);
  expect(findings.event).toBeUndefined();
  expect(findings.people).toEqual([]);
  expect(findings.self).toEqual(['me@tend.example']);
});

test("Outlook's calendar pages are read by the calendar recogniser, its mail by the mail one", () => {
  expect(recogniserFor(weekUrl)).toBe(outlookCalendarRecogniser);
  expect(recogniserFor(new URL('https://outlook.office.com/mail/inbox'))).toBe(outlookRecogniser);
});
