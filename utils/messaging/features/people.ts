/**
 * Page requests of the People view (everyone Tend knows): schemas and result schemas, merged into
 * PageRequest in ../protocol.ts. One request answers the whole view: every row the filters let
 * through, in order, as parallel arrays (compact: no per-row objects or keys), the count of each
 * filter value, and the number of possible duplicates. With `limit`, only the first rows come
 * (the view's first screenful: 10,000 rows are ~900 KB through Chrome's messaging), counts whole.
 */
import { z } from 'zod';
import { MAX_NAME, Stage } from '../../model/records';

/** How the list is ordered: by name, newest interaction first, or furthest past their cadence first. */
export const PeopleSort = z.enum(['name', 'recent', 'drifting']);
export type PeopleSort = z.infer<typeof PeopleSort>;

/** A stage filter: one stage, or people without one. */
export const StageFilter = z.enum([...Stage.options, 'none']);
export type StageFilter = z.infer<typeof StageFilter>;

/** Keep-in-touch state: past the cadence, soon (from 80%), on track, or no cadence at all. */
export const KeepInTouch = z.enum(['overdue', 'soon', 'onTrack', 'none']);
export type KeepInTouch = z.infer<typeof KeepInTouch>;

/** The view's filters; an absent one lets everyone through. `tag` is a tag's key (see tagKey). */
export const PeopleFilters = z.object({
  tag: z.string().min(1).max(MAX_NAME).optional(),
  stage: StageFilter.optional(),
  keepInTouch: KeepInTouch.optional(),
});
export type PeopleFilters = z.infer<typeof PeopleFilters>;

const count = z.number().int().nonnegative();

/** One value of a filter and how many people have it (given the other filters). */
const FacetCount = <T extends z.ZodType>(value: T) => z.object({ value, count });

/** The rows of the list, one index per person in the order shown. */
export const PeopleRows = z.object({
  ids: z.array(z.uuid()),
  names: z.array(z.string()),
  /** Organisation, or '' when none. */
  orgs: z.array(z.string()),
  /** Last interaction (epoch ms), or null when none yet. */
  lastAt: z.array(z.number().nullable()),
  keepInTouch: z.array(KeepInTouch),
});
export type PeopleRows = z.infer<typeof PeopleRows>;

/** The People view's answer. */
export const PeopleList = z.object({
  /** Everyone in Tend, before filters. */
  total: count,
  /** The people the filters let through: all in `rows`, or the first `limit` of them when asked. */
  matched: count,
  rows: PeopleRows,
  /**
   * Per filter, each value with the number of people who have it among those the *other* filters
   * let through (so each count says what choosing that value would show). Tags are listed by
   * key with the spelling first seen; `any` is the count with that filter cleared.
   */
  facets: z.object({
    tags: z.object({ any: count, values: z.array(FacetCount(z.string()).extend({ label: z.string() })) }),
    stages: z.object({ any: count, values: z.array(FacetCount(StageFilter)) }),
    keepInTouch: z.object({ any: count, values: z.array(FacetCount(KeepInTouch)) }),
  }),
  /** Pairs of people who may be one person (see utils/services/merge/duplicates.ts). */
  duplicates: count,
});
export type PeopleList = z.infer<typeof PeopleList>;

/** The People view's page requests. */
export const peopleRequests = [
  /** Everyone the filters let through (or the first `limit`), in the order asked, with the filters' counts. Reads only. */
  z.object({
    type: z.literal('listPeople'),
    sort: PeopleSort.default('name'),
    filters: PeopleFilters.default({}),
    limit: z.number().int().positive().optional(),
  }),
] as const;

/** What each of the People view's requests answers with. */
export const peopleResults = {
  listPeople: PeopleList,
} satisfies Record<string, z.ZodType>;
