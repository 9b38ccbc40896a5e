/**
 * The words for each quick pick and snooze, as message keys (the times are in followup-times.ts).
 * Shared by the pages' follow-up controls and the background's reminder notifications.
 */
import type { QuickPick, Snooze } from './followup-times';
import type { MessageKey } from '../i18n';

/** The quick picks of a due field, in the order they are offered. */
export const QUICK_PICK_LABELS: Record<QuickPick, MessageKey> = {
  tomorrow: 'dueTomorrow',
  'next-week': 'dueNextWeek',
  'in-a-month': 'dueInAMonth',
};

/** The snoozes a due follow-up offers, in the order they are offered. */
export const SNOOZE_LABELS: Record<Snooze, MessageKey> = {
  hour: 'snoozeHour',
  tomorrow: 'snoozeTomorrow',
};
