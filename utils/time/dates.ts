/**
 * Calendar arithmetic in the user's local time zone. "Tomorrow at nine" is a wall-clock time:
 * it is built from calendar fields, never by adding 24 hours, so a DST change does not move it.
 */

/** Durations in milliseconds (real time: a calendar day across a DST change is not a DAY). */
export const MINUTE = 60_000;
/** One hour in milliseconds. */
export const HOUR = 60 * MINUTE;
/** 24 hours in milliseconds. */
export const DAY = 24 * HOUR;
/** The latest instant a date field may hold (end of year 9999): beyond it dates stop round-tripping. */
export const MAX_DATE = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** The instant `days` calendar days after `at`, at the local wall-clock `hour`:`minute`. */
export function localDayAt(at: number, days: number, hour: number, minute = 0): number {
  const date = new Date(at);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days, hour, minute).getTime();
}

/** Local midnight starting the day of `at`. */
export const startOfLocalDay = (at: number): number => localDayAt(at, 0, 0);

/** The same wall-clock time `months` months later; a day the month lacks becomes its last day (Jan 31 -> Feb 28). */
export function addLocalMonths(at: number, months: number): number {
  const date = new Date(at);
  const target = new Date(date.getFullYear(), date.getMonth() + months, 1, date.getHours(), date.getMinutes());
  const lastDay = new Date(target.getFullYear(), target.getMonth() + 1, 0).getDate();
  target.setDate(Math.min(date.getDate(), lastDay));
  return target.getTime();
}

/** A calendar period the overview reports on. */
export type Period = 'month' | 'quarter' | 'year';

/** The calendar month, quarter or year containing `at`, as [start, end) instants. */
export function periodAround(period: Period, at: number): { start: number; end: number } {
  const date = new Date(at);
  const year = date.getFullYear();
  const firstMonth = period === 'year' ? 0 : period === 'quarter' ? date.getMonth() - (date.getMonth() % 3) : date.getMonth();
  const months = period === 'year' ? 12 : period === 'quarter' ? 3 : 1;
  return { start: new Date(year, firstMonth, 1).getTime(), end: new Date(year, firstMonth + months, 1).getTime() };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as a `<input type=datetime-local>` value (local time, minutes). */
export function toLocalInputValue(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * A `datetime-local` value as an instant, or undefined when it is not a real date ("2025-02-30",
 * an empty field, year 0). A wall-clock time skipped by a DST change moves forward, as clocks do.
 */
export function parseLocalInputValue(value: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/.exec(value.trim());
  if (!match) return undefined;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  if (year < 1970 || month < 1 || month > 12 || hour > 23 || minute > 59) return undefined;
  const date = new Date(year, month - 1, day, hour, minute);
  // Day 30 of February rolls into March: a date that does not round-trip does not exist.
  if (date.getDate() !== day || date.getMonth() !== month - 1) return undefined;
  const at = date.getTime();
  return Number.isFinite(at) && at <= MAX_DATE ? at : undefined;
}
