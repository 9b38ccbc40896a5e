import type { Interaction, Stage } from '../utils/model';

/** How each kind of history entry is named in the UI. */
export const KIND_LABELS: Record<Interaction['kind'], string> = {
  note: 'Note',
  email: 'Email',
  call: 'Call',
  meeting: 'Meeting',
  message: 'Message',
  sighting: 'Seen in thread',
  stage: 'Stage changed',
  other: 'Other',
};

export const STAGE_LABELS: Record<Stage, string> = {
  prospect: 'Prospect',
  active: 'Active',
  customer: 'Customer',
  won: 'Won',
  lost: 'Lost',
  dormant: 'Dormant',
};

/** The experience marks: the moments that strengthened or strained the relationship. */
export const EXPERIENCE_LABELS = {
  positive: 'Went well',
  neutral: 'Neutral',
  negative: 'Strained',
} as const;

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "3 weeks ago", "yesterday", "just now". */
export function timeAgo(at: number, now = Date.now()): string {
  const elapsed = now - at;
  for (const [unit, size] of UNITS) if (Math.abs(elapsed) >= size) return relative.format(-Math.round(elapsed / size), unit);
  return 'just now';
}
