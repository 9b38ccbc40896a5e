/**
 * The People view's answer from the roster's rows: filter, count each filter's values, sort, and
 * pack the rows as parallel arrays. Pure: rows, settings and the time in; the answer out.
 */
import type { KeepInTouch, PeopleFilters, PeopleList, PeopleRows, PeopleSort, StageFilter } from '../../messaging/features/people';
import { Stage, type Settings } from '../../model/records';
import { cadenceStatus, tagKey } from '../followups/cadence';
import type { RosterRow } from './roster';

/** A row with what depends on the time and the settings: where they stand against their cadence. */
interface Placed {
  row: RosterRow;
  keepInTouch: KeepInTouch;
  /** Time since the last interaction as a share of the cadence; -1 without a cadence. */
  share: number;
  tagKeys: string[];
}

const LEVEL_STATE = { red: 'overdue', amber: 'soon', green: 'onTrack' } as const;
const STAGE_FILTERS: readonly StageFilter[] = [...Stage.options, 'none'];
const KEEP_IN_TOUCH: readonly KeepInTouch[] = ['overdue', 'soon', 'onTrack', 'none'];

let collator: Intl.Collator | undefined;
/** Names compare as people read them: case and accents aside, "Item 2" before "Item 10". */
const byName = (a: RosterRow, b: RosterRow) =>
  (collator ??= new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })).compare(a.displayName, b.displayName) ||
  (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Each person's place in name order. Comparing names through the collator is most of a request's
 * time at 10,000 people (measured); the worker keeps these places until people change, so every
 * order compares numbers.
 */
export function nameOrder(rows: Iterable<RosterRow>): Map<string, number> {
  return new Map([...rows].sort(byName).map((row, place) => [row.id, place]));
}

type Order = (a: Placed, b: Placed) => number;

function orders(place: Map<string, number>): Record<PeopleSort, Order> {
  const byPlace: Order = (a, b) => place.get(a.row.id)! - place.get(b.row.id)!;
  return {
    name: byPlace,
    // Newest interaction first; people never in touch after everyone else, by name.
    recent: (a, b) => (b.row.lastInteractionAt ?? -1) - (a.row.lastInteractionAt ?? -1) || byPlace(a, b),
    // Furthest past their cadence (as a share of it) first; people without a cadence last, by name.
    drifting: (a, b) => b.share - a.share || byPlace(a, b),
  };
}

function place(row: RosterRow, settings: Settings, now: number): Placed {
  const status = cadenceStatus(row, settings, now);
  return {
    row,
    keepInTouch: status ? LEVEL_STATE[status.level] : 'none',
    share: status ? status.share : -1,
    tagKeys: [...new Set(row.tags.map(tagKey))],
  };
}

const stageOf = (placed: Placed): StageFilter => placed.row.stage ?? 'none';

/** Count how often each value occurs among `people`. */
function tally<T>(people: readonly Placed[], valuesOf: (placed: Placed) => readonly T[]): Map<T, number> {
  const counts = new Map<T, number>();
  for (const placed of people) for (const value of valuesOf(placed)) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

/**
 * The view's answer: the people the filters let through, in `sort` order (the first `limit` of
 * them when given); for each filter, the count of each of its values among the people the other
 * filters let through; `duplicates` as given; `names`, each person's place in name order (see
 * nameOrder), when the caller keeps it.
 */
export function listPeople(
  rows: Iterable<RosterRow>,
  { sort, filters, limit }: { sort: PeopleSort; filters: PeopleFilters; limit?: number },
  settings: Settings,
  now: number,
  duplicates: number,
  names?: Map<string, number>,
): PeopleList {
  const everyone: Placed[] = [];
  for (const row of rows) everyone.push(place(row, settings, now));
  const order = orders(names ?? nameOrder(everyone.map((placed) => placed.row)));
  const passes = {
    tag: (p: Placed) => filters.tag === undefined || p.tagKeys.includes(filters.tag),
    stage: (p: Placed) => filters.stage === undefined || stageOf(p) === filters.stage,
    keepInTouch: (p: Placed) => filters.keepInTouch === undefined || p.keepInTouch === filters.keepInTouch,
  };
  // Each facet is counted among the people the two other filters let through.
  const notTag = everyone.filter((p) => passes.stage(p) && passes.keepInTouch(p));
  const notStage = everyone.filter((p) => passes.tag(p) && passes.keepInTouch(p));
  const notKeepInTouch = everyone.filter((p) => passes.tag(p) && passes.stage(p));
  const shown = notTag.filter(passes.tag).sort(order[sort]);

  const tagLabels = new Map<string, string>();
  for (const { row } of everyone) for (const tag of row.tags) if (!tagLabels.has(tagKey(tag))) tagLabels.set(tagKey(tag), tag.trim());
  const tagCounts = tally(notTag, (p) => p.tagKeys);
  const tagValues = [...tagCounts]
    .map(([value, count]) => ({ value, label: tagLabels.get(value) ?? value, count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  const stageCounts = tally(notStage, (p) => [stageOf(p)]);
  const stateCounts = tally(notKeepInTouch, (p) => [p.keepInTouch]);

  const packed: PeopleRows = { ids: [], names: [], orgs: [], lastAt: [], keepInTouch: [] };
  for (const { row, keepInTouch } of limit === undefined ? shown : shown.slice(0, limit)) {
    packed.ids.push(row.id);
    packed.names.push(row.displayName);
    packed.orgs.push(row.org ?? '');
    packed.lastAt.push(row.lastInteractionAt ?? null);
    packed.keepInTouch.push(keepInTouch);
  }
  return {
    total: everyone.length,
    matched: shown.length,
    rows: packed,
    facets: {
      tags: { any: notTag.length, values: tagValues },
      stages: { any: notStage.length, values: STAGE_FILTERS.map((value) => ({ value, count: stageCounts.get(value) ?? 0 })) },
      keepInTouch: { any: notKeepInTouch.length, values: KEEP_IN_TOUCH.map((value) => ({ value, count: stateCounts.get(value) ?? 0 })) },
    },
    duplicates,
  };
}
