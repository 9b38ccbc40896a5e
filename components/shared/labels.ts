import { t, uiLanguage, type MessageKey } from '../../utils/i18n';
import type { Interaction, Stage } from '../../utils/model/records';
import { parseStageChange } from '../../utils/services/overview/stages';

type Experience = NonNullable<Interaction['experience']>;

// Literal keys per value (never built from the value): a check finds every message in use.
const KIND_LABELS: Record<Interaction['kind'], MessageKey> = {
  note: 'kindNote',
  email: 'kindEmail',
  call: 'kindCall',
  meeting: 'kindMeeting',
  message: 'kindMessage',
  sighting: 'kindSighting',
  stage: 'kindStage',
  other: 'kindOther',
};

const STAGE_LABELS: Record<Stage, MessageKey> = {
  prospect: 'stageProspect',
  active: 'stageActive',
  customer: 'stageCustomer',
  won: 'stageWon',
  lost: 'stageLost',
  dormant: 'stageDormant',
};

const EXPERIENCE_LABELS: Record<Experience, MessageKey> = {
  positive: 'experiencePositive',
  neutral: 'experienceNeutral',
  negative: 'experienceNegative',
};

/** How a kind of history entry is named in the UI. */
export const kindLabel = (kind: Interaction['kind']): string => t(KIND_LABELS[kind]);

/** The name of a relationship stage. */
export const stageLabel = (stage: Stage): string => t(STAGE_LABELS[stage]);

/** The experience marks: the moments that strengthened or strained the relationship. */
export const experienceLabel = (experience: Experience): string => t(EXPERIENCE_LABELS[experience]);

/**
 * An entry's text as shown: a stage change is stored as data (`stage: {from, to}`, or in older
 * entries the summary "Stage: prospect → won") and shown in the UI language with the stages'
 * names; any other entry is what the user wrote.
 */
export function entrySummaryText(entry: Pick<Interaction, 'kind' | 'summary' | 'stage'>): string {
  const change = parseStageChange(entry);
  if (!change) return entry.summary;
  const name = (stage: Stage | undefined) => (stage ? stageLabel(stage) : t('timelineNoStage'));
  return t('timelineStageChange', name(change.from), name(change.to));
}

let relative: Intl.RelativeTimeFormat | undefined;
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "3 weeks ago", "yesterday", "just now", in the UI language. */
export function timeAgo(at: number, now = Date.now()): string {
  const elapsed = now - at;
  relative ??= new Intl.RelativeTimeFormat(uiLanguage(), { numeric: 'auto' });
  for (const [unit, size] of UNITS) if (Math.abs(elapsed) >= size) return relative.format(-Math.round(elapsed / size), unit);
  return t('timeJustNow');
}
