import { DAY, localDayAt, startOfLocalDay } from '../utils/dates';
import type { CadenceStatus } from '../utils/messaging/features/followups';

const timeOnly = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dayAndTime = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

/** "today 14:00", "tomorrow 09:00", or "Mon 10 Mar, 09:00" for a due or wake time. */
export function whenLabel(at: number, now = Date.now()): string {
  const day = startOfLocalDay(at);
  if (day === startOfLocalDay(now)) return `today ${timeOnly.format(at)}`;
  if (day === localDayAt(now, 1, 0)) return `tomorrow ${timeOnly.format(at)}`;
  if (day === localDayAt(now, -1, 0)) return `yesterday ${timeOnly.format(at)}`;
  return dayAndTime.format(at);
}

/** Words for a keep-in-touch level: colour alone never carries the meaning. */
export const CADENCE_LEVEL_LABELS = { green: 'On track', amber: 'Soon', red: 'Overdue' } as const;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "every 30 days (tag family)", "every 14 days (default)". */
export function cadenceLabel(status: Pick<CadenceStatus, 'days' | 'source' | 'tag'>): string {
  const origin = status.source === 'tag' ? ` (tag ${status.tag ?? ''})` : status.source === 'default' ? ' (default)' : '';
  return `every ${plural(status.days, 'day')}${origin}`;
}

/** "due in 5 days", "due today", "12 days overdue". */
export function cadenceDueLabel(status: Pick<CadenceStatus, 'dueAt' | 'overdueDays' | 'level'>, now = Date.now()): string {
  if (status.level === 'red') return status.overdueDays === 0 ? 'due since today' : `${plural(status.overdueDays, 'day')} overdue`;
  const days = Math.ceil((status.dueAt - now) / DAY);
  return days <= 1 ? 'due within a day' : `due in ${plural(days, 'day')}`;
}
