/**
 * The relationship overview for a period: outcomes, new people, activity, experiences, drift, the
 * last week. It reads no record: people come from the roster (people-list/roster.ts) and what
 * happened from the running aggregate of entries per quarter hour (activity-index.ts), both kept
 * current by the commit path.
 */
import { DAY, addLocalMonths, localDayAt, periodAround, type Period } from '../../time/dates';
import { importedContactIds } from '../../db/imports-repo';
import { readTx, type TendDatabase } from '../../db/schema';
import { LoggableKind, type Settings } from '../../model/records';
import { driftingPeople } from '../followups/cadence';
import { rosterOf, type RosterRow } from '../people-list/roster';
import { activityOf, type TimedSummary } from './activity-index';
import { DistinctPeople, loggedCount, type PersonNumbers } from './activity-summary';
import { outcomeBetween, type DatedStageChange, type StageHistory } from './stage-at';

/** A person named in the overview. */
export interface PersonRef {
  id: string;
  displayName: string;
}

/** People whose stage at the end of a stretch of time differs from the stage at its start. */
export interface Outcomes {
  won: PersonRef[];
  lost: PersonRef[];
  grown: PersonRef[];
}

/** The last seven days against the seven before them. */
export interface LastWeek extends Outcomes {
  since: number;
  interactions: number;
  interactionsWeekBefore: number;
  peopleInTouch: number;
  peopleInTouchWeekBefore: number;
  newPeople: number;
}

/** What the overview shows for one period. */
export interface Overview extends Outcomes {
  period: Period;
  start: number;
  end: number;
  /** People Tend first met in the period (not those brought in by an import). */
  newPeople: number;
  /** Different people in a logged interaction or a mail thread with the user in the period. */
  peopleInTouch: number;
  /** Logged interactions by kind (notes, calls...). */
  byKind: Record<LoggableKind, number>;
  /** Automatic "seen in thread" entries. */
  sightings: number;
  experiences: { positive: number; neutral: number; negative: number };
  /** Per day (month), week (quarter) or month (year): logged interactions, and people in touch. */
  activity: { start: number; count: number; people: number }[];
  /** People past their cadence now, furthest first (the first few). */
  drifting: PersonRef[];
  driftingCount: number;
  lastWeek: LastWeek;
}

/** The starts of the chart's columns: days of a month, weeks of a quarter, months of a year. */
export function activityBuckets(period: Period, start: number, end: number): number[] {
  const starts: number[] = [];
  for (let at = start, i = 1; at < end; i++) {
    starts.push(at);
    at = period === 'year' ? addLocalMonths(start, i) : localDayAt(start, period === 'month' ? i : 7 * i, 0);
  }
  return starts;
}

type Person = RosterRow;
const ref = (person: Person): PersonRef => ({ id: person.id, displayName: person.displayName });

type PersonHistory = StageHistory & { contact: Person };

/** Each person's stage changes among the summaries' (oldest first, as they come). */
function stageHistories(people: Iterable<Person>, summaries: TimedSummary[], numbers: PersonNumbers): PersonHistory[] {
  const changes = new Map<string, DatedStageChange[]>();
  for (const { summary } of summaries) {
    for (const { at, people: changed, change } of summary.stages) {
      for (const person of changed) {
        const id = numbers.ids[person]!;
        const list = changes.get(id) ?? [];
        list.push({ ...change, at });
        changes.set(id, list);
      }
    }
  }
  return Array.from(people, (contact) => ({ contact, changes: changes.get(contact.id) ?? [] }));
}

/** Who was won, lost or grown over [start, end), by their stage at each end. */
function outcomes(histories: PersonHistory[], start: number, end: number): Outcomes {
  const result: Outcomes = { won: [], lost: [], grown: [] };
  for (const history of histories) {
    const outcome = outcomeBetween(history, start, end);
    if (outcome) result[outcome].push(ref(history.contact));
  }
  return result;
}

/** Logged interactions and different people in touch in some summaries. */
function activityIn(summaries: TimedSummary[], distinct: DistinctPeople): { interactions: number; people: number } {
  distinct.reset();
  let interactions = 0;
  for (const { summary } of summaries) {
    interactions += loggedCount(summary);
    distinct.add(summary.people);
  }
  return { interactions, people: distinct.count };
}

/** The chart's columns: logged interactions and different people in touch per bucket. */
function activityColumns(buckets: number[], summaries: TimedSummary[], distinct: DistinctPeople): Overview['activity'] {
  const columns = buckets.map((start) => ({ start, count: 0, people: 0 }));
  let column = -1;
  for (const { start, summary } of summaries) {
    while (column + 1 < buckets.length && buckets[column + 1]! <= start) {
      if (column >= 0) columns[column]!.people = distinct.count;
      column++;
      distinct.reset();
    }
    const into = columns[column];
    if (!into) continue;
    into.count += loggedCount(summary);
    distinct.add(summary.people);
  }
  if (column >= 0) columns[column]!.people = distinct.count;
  return columns;
}

/** Count what happened in the period containing `now`, and in the last week; drift is as of `now`. */
export async function relationshipOverview(db: TendDatabase, settings: Settings, period: Period, now: number): Promise<Overview> {
  const { start, end } = periodAround(period, now);
  const weekAgo = now - 7 * DAY;
  const twoWeeksAgo = now - 14 * DAY;
  // Stage changes are read from the earliest moment asked to today: the stage at a date is worked
  // out backwards from the stage a person has now (stage-at.ts).
  const from = Math.min(start, twoWeeksAgo);
  const [roster, imported, activity] = await Promise.all([rosterOf(db), importedContactIds(readTx(db, ['imports'])), activityOf(db)]);
  const [sinceFrom, inPeriod, week, weekBefore] = await Promise.all([
    activity.between(from, Infinity),
    activity.between(start, end),
    activity.between(weekAgo, now + 1),
    activity.between(twoWeeksAgo, weekAgo),
  ]);
  const distinct = new DistinctPeople(activity.numbers.ids.length);
  const people = [...roster.rows.values()];
  const histories = stageHistories(people, sinceFrom, activity.numbers);
  const met = (a: number, b: number) => people.filter((c) => c.createdAt >= a && c.createdAt < b && !imported.has(c.id)).length;

  const byKind = Object.fromEntries(LoggableKind.options.map((kind) => [kind, 0])) as Record<LoggableKind, number>;
  const experiences = { positive: 0, neutral: 0, negative: 0 };
  let sightings = 0;
  for (const { summary } of inPeriod) {
    sightings += summary.kinds.sighting ?? 0;
    for (const kind of LoggableKind.options) byKind[kind] += summary.kinds[kind] ?? 0;
    for (const feeling of ['positive', 'neutral', 'negative'] as const) experiences[feeling] += summary.experiences[feeling];
  }
  const lastWeek = activityIn(week, distinct);
  const lastWeekBefore = activityIn(weekBefore, distinct);
  const drifting = driftingPeople(people, settings, now);
  return {
    period,
    start,
    end,
    ...outcomes(histories, start, end),
    newPeople: met(start, end),
    peopleInTouch: activityIn(inPeriod, distinct).people,
    byKind,
    sightings,
    experiences,
    activity: activityColumns(activityBuckets(period, start, end), inPeriod, distinct),
    drifting: drifting.slice(0, 5).map(({ contact }) => ref(contact)),
    driftingCount: drifting.length,
    lastWeek: {
      since: weekAgo,
      ...outcomes(histories, weekAgo, now + 1),
      interactions: lastWeek.interactions,
      interactionsWeekBefore: lastWeekBefore.interactions,
      peopleInTouch: lastWeek.people,
      peopleInTouchWeekBefore: lastWeekBefore.people,
      newPeople: met(weekAgo, now + 1),
    },
  };
}
