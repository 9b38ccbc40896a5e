/**
 * Page requests of the followups feature: schemas and result schemas, merged into PageRequest in
 * ../protocol.ts. Follow-ups, keep-in-touch cadences and the relationship overview.
 */
import { z } from 'zod';
import { MAX_DATE } from '../../time/dates';
import { t } from '../../i18n';
import { FollowUp, LoggableKind, MAX_NOTE } from '../../model/records';

const contactId = z.uuid();
const followUpId = z.uuid();
/** A real instant: zod refuses NaN and Infinity, the bounds refuse dates no calendar shows. */
const instant = z.number().int().min(0).max(MAX_DATE);
const followUpText = z
  .string()
  .trim()
  .min(1, { error: () => t('errorFollowUpText') })
  .max(MAX_NOTE);

/** Keep-in-touch level (see utils/services/followups/cadence.ts). */
export const CadenceLevel = z.enum(['green', 'amber', 'red']);
/** Where someone stands against their cadence (see utils/services/followups/cadence.ts). */
export const CadenceStatus = z.object({
  days: z.number(),
  source: z.enum(['person', 'tag', 'default']),
  tag: z.string().optional(),
  level: CadenceLevel,
  since: z.number(),
  dueAt: z.number(),
  share: z.number(),
  overdueDays: z.number(),
});
export type CadenceStatus = z.infer<typeof CadenceStatus>;

/** A follow-up as the lists show it: with its person's name and the entry it came from. */
export const FollowUpItem = FollowUp.extend({
  contactName: z.string(),
  entrySummary: z.string().optional(),
  cadence: CadenceLevel.optional(),
});
export type FollowUpItem = z.infer<typeof FollowUpItem>;
const FollowUpGroups = z.object({
  due: z.array(FollowUpItem),
  upcoming: z.array(FollowUpItem),
  later: z.array(FollowUpItem),
  done: z.array(FollowUpItem),
});

const PersonRef = z.object({ id: z.uuid(), displayName: z.string() });
/** A person past their cadence, for the Drifting list. */
export const DriftingPerson = PersonRef.extend({ status: CadenceStatus });
export type DriftingPerson = z.infer<typeof DriftingPerson>;

/** The periods the overview offers. */
export const OverviewPeriod = z.enum(['month', 'quarter', 'year']);
const count = z.number().int().nonnegative();
/** The overview of a period (see utils/services/overview/overview.ts). */
export const Overview = z.object({
  period: OverviewPeriod,
  start: z.number(),
  end: z.number(),
  won: z.array(PersonRef),
  lost: z.array(PersonRef),
  grown: z.array(PersonRef),
  newPeople: count,
  byKind: z.record(LoggableKind, count),
  sightings: count,
  experiences: z.object({ positive: count, neutral: count, negative: count }),
  peopleInTouch: count,
  activity: z.array(z.object({ start: z.number(), count, people: count })),
  drifting: z.array(PersonRef),
  driftingCount: count,
  lastWeek: z.object({
    since: z.number(),
    won: z.array(PersonRef),
    lost: z.array(PersonRef),
    grown: z.array(PersonRef),
    interactions: count,
    interactionsWeekBefore: count,
    peopleInTouch: count,
    peopleInTouchWeekBefore: count,
    newPeople: count,
  }),
});
export type Overview = z.infer<typeof Overview>;

/** The page requests of follow-ups, cadences and the overview. */
export const followupsRequests = [
  /** Add a follow-up; `id` is chosen by the page so a retry creates one. A past due time needs `confirmPast`. */
  z.object({
    type: z.literal('createFollowUp'),
    id: followUpId,
    contactId,
    text: followUpText,
    due: instant,
    entryId: z.uuid().optional(),
    confirmPast: z.boolean().default(false),
  }),
  /** Change a follow-up's text and due time; a new due time in the past needs `confirmPast`. */
  z.object({
    type: z.literal('editFollowUp'),
    followUpId,
    text: followUpText,
    due: instant,
    confirmPast: z.boolean().default(false),
  }),
  /** Delete a follow-up; answers it as it was (for undo), or null when it was already gone. */
  z.object({ type: z.literal('deleteFollowUp'), followUpId }),
  /** Put a deleted follow-up back as it was (undo). */
  z.object({ type: z.literal('restoreFollowUp'), followUp: FollowUp }),
  /** Mark done, or undo that. */
  z.object({ type: z.literal('setFollowUpDone'), followUpId, done: z.boolean() }),
  z.object({ type: z.literal('snoozeFollowUp'), followUpId, snooze: z.enum(['hour', 'tomorrow']) }),
  /** Everyone's follow-ups: due and overdue, upcoming (14 days), later, recently done. */
  z.object({ type: z.literal('listFollowUps') }),
  /** One person's follow-ups, grouped the same way. */
  z.object({ type: z.literal('listContactFollowUps'), contactId }),
  /** Keep-in-touch state of these people (absent for people without a cadence). */
  z.object({ type: z.literal('getCadences'), contactIds: z.array(contactId).max(200) }),
  /** People past their cadence, furthest first. */
  z.object({ type: z.literal('listDrifting'), limit: z.number().int().min(1).max(500).default(100) }),
  z.object({ type: z.literal('getOverview'), period: OverviewPeriod }),
] as const;

/** What each of those requests answers with. */
export const followupsResults = {
  createFollowUp: FollowUp,
  editFollowUp: FollowUp,
  deleteFollowUp: FollowUp.nullable(),
  restoreFollowUp: FollowUp,
  setFollowUpDone: FollowUp,
  snoozeFollowUp: FollowUp,
  listFollowUps: FollowUpGroups,
  listContactFollowUps: FollowUpGroups,
  getCadences: z.record(z.string(), CadenceStatus),
  listDrifting: z.array(DriftingPerson),
  getOverview: Overview,
} satisfies Record<string, z.ZodType>;
