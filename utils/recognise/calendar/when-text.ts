/**
 * Start and end of an event from what a calendar shows. Machine-readable values first (an ISO
 * `datetime`); else the localised text the calendars write ("Thursday, March 12, 2026 ⋅ 3:00 –
 * 4:00pm", "Mar 12, 2026" and "3:00pm" in an event form), read for English month names, numeric
 * dates with a four-digit year (Outlook's "Fri 3/20/2026 9:00 AM", "20.03.2026", "2026-03-20";
 * day or month first as the page's language writes them) and 12- or 24-hour times. Anything else
 * gives no time: the meeting is then logged at the moment it is.
 */

/** An event's time span, as epoch ms in the browser's time zone. */
export interface EventSpan {
  start: number;
  end?: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// "March 12, 2026" or "Mar 12" (month first), or "12 March 2026" (day first).
const DATE = /\b(?:([a-z]{3})[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?|(\d{1,2})\.?\s+([a-z]{3})[a-z]*\.?(?:,?\s+(\d{4}))?)\b/gi;
// "3:00", "3:00pm", "3pm", "15:00", "10:00 PM", "3 p.m.".
const TIME = /\b(\d{1,2})(?::(\d{2}))?\s*([ap])\.?m\b\.?|\b(\d{1,2}):(\d{2})\b/gi;
// "3/20/2026", "20/03/2026", "20.03.2026", "20-03-2026" (the same separator twice), or "2026-03-20".
// A four-digit year only: a title's "v1.2.26" or a room's "4/12" is no date.
const NUMERIC_DATE = /\b(?:(\d{4})([-/.])(\d{1,2})\2(\d{1,2})|(\d{1,2})([-/.])(\d{1,2})\6(\d{4}))\b/g;
const DAY_MS = 86_400_000;
/** Text longer than this is not a date line. */
const MAX_TEXT = 300;

interface DayOf {
  year: number;
  /** The text wrote the year (else it is the fallback). */
  yearWritten: boolean;
  month: number;
  day: number;
}
interface TimeOf {
  hours: number;
  minutes: number;
  meridiem?: 'a' | 'p';
}

/**
 * Which comes first in a numeric date both of whose first numbers could be a month ("3/4/2026"):
 * the month in US English, else the day. A number over 12 settles it whatever the language; a
 * date written with dots is always day first (German, Russian...).
 */
export type NumericDateOrder = 'month-first' | 'day-first';

// Languages whose numeric dates put the month first, lower-case; a bare "en" is Outlook's and
// Google's default (US English).
const MONTH_FIRST_LANGUAGES = ['en', 'en-us', 'en-ph', 'es-us'];

/** The numeric date order of a page's language (`<html lang>`). */
export const numericDateOrderOf = (lang: string | null | undefined): NumericDateOrder =>
  MONTH_FIRST_LANGUAGES.includes((lang || 'en').toLowerCase()) ? 'month-first' : 'day-first';

/** A numeric date's day, or undefined when its numbers name none. */
function numericDay(match: RegExpMatchArray, order: NumericDateOrder): DayOf | undefined {
  let [year, month, day] = [match[1], match[3], match[4]].map(Number) as [number, number, number];
  if (!match[1]) {
    const [first, second] = [Number(match[5]), Number(match[7])];
    const dayFirst = match[6] === '.' || first > 12 || (second <= 12 && order === 'day-first');
    [year, month, day] = [Number(match[8]), dayFirst ? second : first, dayFirst ? first : second];
  }
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? { year, yearWritten: true, month: month - 1, day } : undefined;
}

function datesIn(text: string, fallbackYear: number, order: NumericDateOrder): DayOf[] {
  const found: { at: number; date: DayOf }[] = [];
  for (const match of text.matchAll(DATE)) {
    const month = MONTHS.indexOf((match[1] ?? match[5] ?? '').toLowerCase());
    const day = Number(match[2] ?? match[4]);
    if (month < 0 || day < 1 || day > 31) continue;
    const written = match[3] ?? match[6];
    found.push({ at: match.index, date: { year: Number(written ?? fallbackYear), yearWritten: written !== undefined, month, day } });
  }
  for (const match of text.matchAll(NUMERIC_DATE)) {
    const date = numericDay(match, order);
    if (date) found.push({ at: match.index, date });
  }
  return found.sort((a, b) => a.at - b.at).map(({ date }) => date);
}

function timesIn(text: string): TimeOf[] {
  const found: TimeOf[] = [];
  for (const match of text.matchAll(TIME)) {
    const hours = Number(match[1] ?? match[4]);
    const minutes = Number(match[2] ?? match[5] ?? 0);
    const meridiem = match[3]?.toLowerCase() as 'a' | 'p' | undefined;
    if (minutes > 59 || hours > (meridiem ? 12 : 23)) continue;
    found.push({ hours, minutes, meridiem });
  }
  return found;
}

const hours24 = ({ hours, meridiem }: TimeOf, inherited?: 'a' | 'p') => {
  const m = meridiem ?? inherited;
  return m === 'p' ? (hours % 12) + 12 : m === 'a' ? hours % 12 : hours;
};

const at = (day: DayOf, time?: TimeOf, inherited?: 'a' | 'p') =>
  new Date(day.year, day.month, day.day, time ? hours24(time, inherited) : 0, time?.minutes ?? 0).getTime();

/**
 * The span a date-and-time text names, or undefined when it names no date (`fallbackYear` when
 * the text gives none; `order` for numeric dates that could be read either way).
 */
export function spanFromText(text: string | null | undefined, fallbackYear: number, order: NumericDateOrder = 'month-first'): EventSpan | undefined {
  if (!text) return undefined;
  const line = text.slice(0, MAX_TEXT);
  const [first, second] = datesIn(line, fallbackYear, order);
  if (!first) return undefined;
  // "March 20 – March 22, 2026": the year written once belongs to both dates.
  if (second?.yearWritten && !first.yearWritten) first.year = second.year;
  const [from, to] = timesIn(line);
  if (!from) return { start: at(first), end: at(second ?? first) + DAY_MS };
  // "3:00 – 4:00pm": the start takes the end's am/pm unless that would put it after the end.
  let inherited = from.meridiem ? undefined : to?.meridiem;
  if (inherited && to && hours24(from, inherited) > hours24(to)) inherited = inherited === 'p' ? 'a' : 'p';
  const start = at(first, from, inherited);
  if (!to) return { start };
  let end = at(second ?? first, to);
  if (end < start && !second) end += DAY_MS; // 11pm – 1am the next day.
  return { start, end: end >= start ? end : undefined };
}

/** The span two ISO datetimes name (`<time datetime>`), or undefined when the first is not a date. */
export function spanFromMachineTimes(values: readonly (string | null)[]): EventSpan | undefined {
  const [start, end] = values.map((value) => (value ? Date.parse(value) : NaN));
  if (start === undefined || Number.isNaN(start)) return undefined;
  return end !== undefined && !Number.isNaN(end) && end >= start ? { start, end } : { start };
}
