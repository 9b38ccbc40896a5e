import { expect, test } from 'vitest';
import { numericDateOrderOf, spanFromMachineTimes, spanFromText } from '../../utils/recognise/calendar/when-text';

const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).getTime();
const DAY = 86_400_000;

test.each([
  ['Thursday, March 12, 2026 ⋅ 3:00 – 4:00pm', local(2026, 3, 12, 15), local(2026, 3, 12, 16)],
  ['Thursday, March 12 ⋅ 11:30am – 12:30pm', local(2025, 3, 12, 11, 30), local(2025, 3, 12, 12, 30)],
  ['June 23 (Monday) ⋅ 10:00 PM – 10:30 PM', local(2025, 6, 23, 22), local(2025, 6, 23, 22, 30)],
  ['March 12, 2026, 3:00pm – March 12, 2026, 4:00pm', local(2026, 3, 12, 15), local(2026, 3, 12, 16)],
  ['12 March 2026 ⋅ 15:00 – 16:30', local(2026, 3, 12, 15), local(2026, 3, 12, 16, 30)],
  ['Sep 27, 2026 ⋅ 10:30 – 10:45am', local(2026, 9, 27, 10, 30), local(2026, 9, 27, 10, 45)],
  ['Mar 12, 2026 11:00pm – Mar 13, 2026 1:00am', local(2026, 3, 12, 23), local(2026, 3, 13, 1)],
  ['Friday, March 20 ⋅ 11:00pm – 1:00am', local(2025, 3, 20, 23), local(2025, 3, 21, 1)],
  ['Friday, March 20', local(2025, 3, 20), local(2025, 3, 20) + DAY],
  ['March 20 – March 22, 2026', local(2026, 3, 20), local(2026, 3, 22) + DAY],
  ['Tuesday, May 5 ⋅ 9am', local(2025, 5, 5, 9), undefined],
])('%s', (text, start, end) => {
  expect(spanFromText(text, 2025)).toEqual(end === undefined ? { start } : { start, end });
});

test.each([
  // Outlook's event view and peek in US English, and as other languages write dates.
  ['Fri 3/20/2026 9:00 AM - 10:30 AM', 'month-first', local(2026, 3, 20, 9), local(2026, 3, 20, 10, 30)],
  ['12/6/2026 10:00 AM', 'month-first', local(2026, 12, 6, 10), undefined],
  ['12/6/2026 10:00 AM', 'day-first', local(2026, 6, 12, 10), undefined],
  ['Fri 20/03/2026 09:00 - 10:30', 'month-first', local(2026, 3, 20, 9), local(2026, 3, 20, 10, 30)],
  ['3/20/2026 11:00 PM - 3/21/2026 1:00 AM', 'month-first', local(2026, 3, 20, 23), local(2026, 3, 21, 1)],
  ['Fr 20.03.2026 09:00 - 10:30', 'month-first', local(2026, 3, 20, 9), local(2026, 3, 20, 10, 30)],
  ['2026-03-20 09:00 - 10:30', 'day-first', local(2026, 3, 20, 9), local(2026, 3, 20, 10, 30)],
  ['2026/3/20 9:00 - 2026/3/22 17:00', 'day-first', local(2026, 3, 20, 9), local(2026, 3, 22, 17)],
  ['Release 1.2.26 review, 4/12 room, Friday 3/20/2026', 'month-first', local(2026, 3, 20), local(2026, 3, 20) + DAY],
] as const)('%s (%s)', (text, order, start, end) => {
  expect(spanFromText(text, 2025, order)).toEqual(end === undefined ? { start } : { start, end });
});

test.each([
  ['en', 'month-first'],
  ['en-US', 'month-first'],
  ['', 'month-first'],
  ['en-GB', 'day-first'],
  ['de', 'day-first'],
  ['fr-FR', 'day-first'],
] as const)('a page in %j writes numeric dates %s', (lang, order) => {
  expect(numericDateOrderOf(lang)).toBe(order);
});

test.each([[''], [null], ['13/13/2026 10:00'], ['0/12/2026'], ['no date here ⋅ 3:00 – 4:00pm'], ['Smarch 40, 2026'], ['Thursday ⋅ 25:00']])(
  '%s names no date',
  (text) => {
    expect(spanFromText(text, 2026)).toBeUndefined();
  },
);

test('a long hostile line is read only at its start, in linear time', () => {
  const started = performance.now();
  expect(spanFromText('1:'.repeat(200_000), 2026)).toBeUndefined();
  expect(performance.now() - started).toBeLessThan(200);
});

test('machine-readable times: ISO values, the end only when it is a date not before the start', () => {
  expect(spanFromMachineTimes(['2026-03-12T15:00:00Z', '2026-03-12T16:00:00Z'])).toEqual({ start: Date.UTC(2026, 2, 12, 15), end: Date.UTC(2026, 2, 12, 16) });
  expect(spanFromMachineTimes(['2026-03-12T15:00:00Z', 'soon'])).toEqual({ start: Date.UTC(2026, 2, 12, 15) });
  expect(spanFromMachineTimes(['2026-03-12T15:00:00Z', '2026-03-11T15:00:00Z'])).toEqual({ start: Date.UTC(2026, 2, 12, 15) });
  expect(spanFromMachineTimes(['later'])).toBeUndefined();
  expect(spanFromMachineTimes([])).toBeUndefined();
});
