/** When follow-ups fall due and wake from a snooze: quick picks and snoozes as local wall-clock times. */
import { addLocalMonths, HOUR, localDayAt, MINUTE } from './dates';

/** Morning is when a reminder is useful: quick picks and "tomorrow" land at 09:00 local time. */
export const MORNING_HOUR = 9;

/** The quick picks of a due field (their words: followup-time-labels.ts). */
export const QUICK_PICKS = ['tomorrow', 'next-week', 'in-a-month'] as const;
export type QuickPick = (typeof QUICK_PICKS)[number];

/**
 * The due time of a quick pick: tomorrow 09:00; next week's Monday 09:00 (weeks start on Monday);
 * the same day next month 09:00 (Jan 31 -> the last day of February).
 */
export function quickPickDue(pick: QuickPick, now: number): number {
  if (pick === 'tomorrow') return localDayAt(now, 1, MORNING_HOUR);
  if (pick === 'next-week') {
    const weekday = (new Date(now).getDay() + 6) % 7; // Monday 0 ... Sunday 6
    return localDayAt(now, 7 - weekday, MORNING_HOUR);
  }
  return addLocalMonths(localDayAt(now, 0, MORNING_HOUR), 1);
}

/** The snoozes a due follow-up offers (their words: followup-time-labels.ts). */
export const SNOOZES = ['hour', 'tomorrow'] as const;
export type Snooze = (typeof SNOOZES)[number];

/**
 * When a snoozed follow-up wakes: one real hour later (across a DST change the wall clock may
 * show the same hour again), or the next calendar day at 09:00 local time.
 */
export function snoozeUntil(snooze: Snooze, now: number): number {
  return snooze === 'hour' ? now + HOUR : localDayAt(now, 1, MORNING_HOUR);
}

/** A due time this far in the past still counts as "now" (the form was filled a moment ago). */
export const PAST_GRACE_MS = 5 * MINUTE;

/** True when a follow-up due at `due` would already be overdue: the user is asked first. */
export const isInThePast = (due: number, now: number): boolean => due < now - PAST_GRACE_MS;
