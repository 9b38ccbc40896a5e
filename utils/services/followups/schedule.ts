/** Pure rules of when follow-ups are due, how they are listed and which alarms they need. */
import { DAY } from '../../time/dates';
import type { FollowUp } from '../../model/records';

/** How far ahead the "upcoming" list looks. */
export const UPCOMING_DAYS = 14;

/** When a follow-up next asks for attention: its snooze end if snoozed, else its due time. */
export const wakesAt = (followUp: FollowUp): number => followUp.snoozedUntil ?? followUp.due;

/** Open and its time has come. */
export const isDue = (followUp: FollowUp, now: number): boolean => !followUp.done && wakesAt(followUp) <= now;

/** How many follow-ups of people still in Tend are due: the toolbar badge. */
export function countDue(followUps: FollowUp[], contactExists: (id: string) => boolean, now: number): number {
  return followUps.filter((f) => isDue(f, now) && contactExists(f.contactId)).length;
}

/** The badge text for a count: empty hides the badge; big counts stay short. */
export const badgeText = (count: number): string => (count === 0 ? '' : count > 99 ? '99+' : String(count));

/** The lists follow-ups are shown in. */
export interface FollowUpGroups<T extends FollowUp> {
  /** Due and overdue, most overdue first. */
  due: T[];
  /** Waking within the next UPCOMING_DAYS days, soonest first. */
  upcoming: T[];
  /** Further ahead, soonest first. */
  later: T[];
  /** Done, most recently done first. */
  done: T[];
}

/** Sort follow-ups into the lists the user sees. */
export function groupFollowUps<T extends FollowUp>(followUps: T[], now: number): FollowUpGroups<T> {
  const byWake = (a: T, b: T) => wakesAt(a) - wakesAt(b);
  const open = followUps.filter((f) => !f.done).sort(byWake);
  const horizon = now + UPCOMING_DAYS * DAY;
  return {
    due: open.filter((f) => wakesAt(f) <= now),
    upcoming: open.filter((f) => wakesAt(f) > now && wakesAt(f) <= horizon),
    later: open.filter((f) => wakesAt(f) > horizon),
    done: followUps.filter((f) => f.done).sort((a, b) => (b.doneAt ?? b.due) - (a.doneAt ?? a.due)),
  };
}

/** The alarm each open follow-up of a person still in Tend needs: its wake time, if still ahead. */
export function plannedAlarms(followUps: FollowUp[], contactExists: (id: string) => boolean, now: number): Map<string, number> {
  const planned = new Map<string, number>();
  for (const f of followUps) if (!f.done && contactExists(f.contactId) && wakesAt(f) > now) planned.set(f.id, wakesAt(f));
  return planned;
}

/**
 * Follow-ups whose time passed without a notification (their alarm was lost, e.g. Chrome cleared
 * alarms on restart), newest first. Only the newest few are announced; the badge counts the rest.
 */
export function missedNotifications(followUps: FollowUp[], contactExists: (id: string) => boolean, now: number): FollowUp[] {
  return followUps.filter((f) => isDue(f, now) && contactExists(f.contactId) && f.notifiedFor !== wakesAt(f)).sort((a, b) => wakesAt(b) - wakesAt(a));
}

/** The origin of the reminders' own writes (which reminders were shown): no resync follows them. */
export const FOLLOW_UP_BOOKKEEPING = 'follow-up-bookkeeping';
