// Wall-clock arithmetic is only meaningful in a zone with DST: Berlin, fixed before any date is built.
process.env.TZ = 'Europe/Berlin';

import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { parseLocalInputValue, periodAround, toLocalInputValue } from '../../utils/time/dates';
import { isInThePast, quickPickDue, snoozeUntil } from '../../utils/time/followup-times';

const utc = (iso: string) => new Date(iso).getTime();
const localHour = (at: number) => new Date(at).getHours();

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

test('the test runs in Berlin time (CET in winter, CEST in summer)', () => {
  expect(new Date(utc('2025-01-15T12:00:00Z')).getTimezoneOffset()).toBe(-60);
  expect(new Date(utc('2025-07-15T12:00:00Z')).getTimezoneOffset()).toBe(-120);
});

describe('snooze', () => {
  test.each([
    ['the evening before clocks go forward', '2025-03-29T19:00:00Z', '2025-03-30T07:00:00Z'],
    ['the evening before clocks go back', '2025-10-25T20:30:00Z', '2025-10-26T08:00:00Z'],
    ['New Year’s Eve, across month and year', '2025-12-31T22:30:00Z', '2026-01-01T08:00:00Z'],
    ['just after midnight: tomorrow is the next calendar day', '2025-03-29T23:30:00Z', '2025-03-31T07:00:00Z'],
    ['the morning itself, after nine', '2025-06-10T08:00:00Z', '2025-06-11T07:00:00Z'],
  ])('until tomorrow, %s: 09:00 local the next day', (_case, now, expected) => {
    vi.setSystemTime(utc(now));
    const until = snoozeUntil('tomorrow', Date.now());
    expect(new Date(until).toISOString()).toBe(new Date(expected).toISOString());
    expect(localHour(until)).toBe(9);
  });

  test('1 hour is one real hour: across the autumn change the wall clock shows 02:30 twice', () => {
    vi.setSystemTime(utc('2025-10-26T00:30:00Z')); // 02:30 CEST
    const until = snoozeUntil('hour', Date.now());
    expect(until - Date.now()).toBe(3_600_000);
    expect(new Date(until).toISOString()).toBe('2025-10-26T01:30:00.000Z');
    expect(localHour(Date.now())).toBe(2);
    expect(localHour(until)).toBe(2); // 02:30 CET
  });

  test('1 hour across the spring change moves the wall clock by two', () => {
    vi.setSystemTime(utc('2025-03-30T00:30:00Z')); // 01:30 CET
    const until = snoozeUntil('hour', Date.now());
    expect(until - Date.now()).toBe(3_600_000);
    expect(toLocalInputValue(until)).toBe('2025-03-30T03:30');
  });

  test('1 hour late in the evening lands on the next day', () => {
    vi.setSystemTime(utc('2025-05-31T21:45:00Z')); // 23:45 CEST
    expect(toLocalInputValue(snoozeUntil('hour', Date.now()))).toBe('2025-06-01T00:45');
  });
});

describe('quick picks', () => {
  test.each([
    ['tomorrow', '2025-03-29T15:00:00Z', '2025-03-30T09:00'],
    ['next-week', '2025-03-26T15:00:00Z', '2025-03-31T09:00'], // Wednesday -> Monday, across the DST change
    ['next-week', '2025-03-30T10:00:00Z', '2025-03-31T09:00'], // Sunday -> the next day, Monday
    ['next-week', '2025-03-31T08:00:00Z', '2025-04-07T09:00'], // Monday -> a week later
    ['in-a-month', '2025-01-31T10:00:00Z', '2025-02-28T09:00'], // a day February lacks -> its last day
    ['in-a-month', '2024-01-31T10:00:00Z', '2024-02-29T09:00'], // leap year
    ['in-a-month', '2025-10-15T10:00:00Z', '2025-11-15T09:00'], // across the autumn change
    ['in-a-month', '2025-12-20T10:00:00Z', '2026-01-20T09:00'],
  ] as const)('%s from %s is %s local', (pick, now, expected) => {
    vi.setSystemTime(utc(now));
    expect(toLocalInputValue(quickPickDue(pick, Date.now()))).toBe(expected);
  });
});

describe('date fields', () => {
  test('a real local date and time round-trips', () => {
    const at = parseLocalInputValue('2025-06-01T14:05');
    expect(at).toBe(utc('2025-06-01T12:05:00Z'));
    expect(toLocalInputValue(at!)).toBe('2025-06-01T14:05');
  });

  test.each(['', 'tomorrow', '2025-02-30T10:00', '2025-13-01T10:00', '2025-04-31T09:00', '2025-06-01T24:00', '0000-01-01T00:00', '2025-06-01'])(
    '%j is not a date that exists',
    (value) => {
      expect(parseLocalInputValue(value)).toBeUndefined();
    },
  );

  test('a time skipped by the spring change moves forward, as clocks do', () => {
    expect(toLocalInputValue(parseLocalInputValue('2025-03-30T02:30')!)).toBe('2025-03-30T03:30');
  });

  test('past means more than a few minutes ago', () => {
    vi.setSystemTime(utc('2025-06-01T12:00:00Z'));
    expect(isInThePast(Date.now() - 60_000, Date.now())).toBe(false);
    expect(isInThePast(Date.now() - 3_600_000, Date.now())).toBe(true);
  });

  test('a quarter runs from local midnight of its first day', () => {
    expect(periodAround('quarter', utc('2025-05-15T12:00:00Z'))).toEqual({ start: utc('2025-03-31T22:00:00Z'), end: utc('2025-06-30T22:00:00Z') });
    expect(periodAround('month', utc('2025-10-26T12:00:00Z'))).toEqual({ start: utc('2025-09-30T22:00:00Z'), end: utc('2025-10-31T23:00:00Z') });
  });
});
