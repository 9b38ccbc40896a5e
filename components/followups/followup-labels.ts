import { DAY, localDayAt, startOfLocalDay } from '../../utils/time/dates';
import { dateFormat, t, tCount, type MessageKey } from '../../utils/i18n';
import type { CadenceStatus } from '../../utils/messaging/features/followups';

const timeOnly = dateFormat({ hour: '2-digit', minute: '2-digit' });
const dayAndTime = dateFormat({ weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

/** "today 14:00", "tomorrow 09:00", or "Mon 10 Mar, 09:00" for a due or wake time. */
export function whenLabel(at: number, now = Date.now()): string {
  const day = startOfLocalDay(at);
  if (day === startOfLocalDay(now)) return t('whenToday', timeOnly().format(at));
  if (day === localDayAt(now, 1, 0)) return t('whenTomorrow', timeOnly().format(at));
  if (day === localDayAt(now, -1, 0)) return t('whenYesterday', timeOnly().format(at));
  return dayAndTime().format(at);
}

const CADENCE_LEVEL_LABELS: Record<CadenceStatus['level'], MessageKey> = { green: 'cadenceOnTrack', amber: 'cadenceSoon', red: 'cadenceOverdue' };

/** Words for a keep-in-touch level: colour alone never carries the meaning. */
export const cadenceLevelLabel = (level: CadenceStatus['level']): string => t(CADENCE_LEVEL_LABELS[level]);

/** "every 30 days (tag family)", "every 14 days (default)". */
export function cadenceLabel(status: Pick<CadenceStatus, 'days' | 'source' | 'tag'>): string {
  if (status.source === 'tag') return tCount('cadenceEveryByTag', status.days, status.tag ?? '');
  if (status.source === 'default') return tCount('cadenceEveryByDefault', status.days);
  return tCount('cadenceEvery', status.days);
}

/** "due in 5 days", "due today", "12 days overdue". */
export function cadenceDueLabel(status: Pick<CadenceStatus, 'dueAt' | 'overdueDays' | 'level'>, now = Date.now()): string {
  if (status.level === 'red') return status.overdueDays === 0 ? t('cadenceDueSinceToday') : tCount('cadenceDaysOverdue', status.overdueDays);
  const days = Math.ceil((status.dueAt - now) / DAY);
  return days <= 1 ? t('cadenceDueWithinADay') : tCount('cadenceDueInDays', days);
}
