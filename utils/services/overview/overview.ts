/** The relationship overview for a period: outcomes, new people, activity, experiences, drift, the last week. */
import { DAY, addLocalMonths, localDayAt, periodAround, type Period } from '../../time/dates';
import { listAllContacts } from '../../db/contacts-repo';
import { importedContactIds } from '../../db/imports-repo';
import { listInteractionsBetween } from '../../db/interactions-repo';
import { readTx, type TendDatabase } from '../../db/schema';
import { LoggableKind, type Contact, type Interaction, type Settings } from '../../model/records';
import { driftingPeople } from '../followups/cadence';
import { outcomeBetween, type DatedStageChange, type StageHistory } from './stage-at';
import { parseStageChange } from './stages';

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

const ref = (contact: Contact): PersonRef => ({ id: contact.id, displayName: contact.displayName });
const isLogged = (entry: Interaction) => LoggableKind.safeParse(entry.kind).success;
// Being in a thread together counts as being in touch (as for keep-in-touch); a stage change does not.
const isTouch = (entry: Interaction) => entry.kind !== 'stage';

type PersonHistory = StageHistory & { contact: Contact };

/** Each person's stage changes among `entries` (oldest first, as the by-at index gives them). */
function stageHistories(contacts: Contact[], entries: Interaction[]): PersonHistory[] {
  const changes = new Map<string, DatedStageChange[]>();
  for (const entry of entries) {
    const change = parseStageChange(entry);
    if (!change) continue;
    for (const id of entry.contactIds) {
      const list = changes.get(id) ?? [];
      list.push({ ...change, at: entry.at });
      changes.set(id, list);
    }
  }
  return contacts.map((contact) => ({ contact, changes: changes.get(contact.id) ?? [] }));
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

/** Logged interactions and different people in touch among entries in [start, end). */
function activityIn(entries: Interaction[], start: number, end: number): { interactions: number; people: number } {
  const within = entries.filter((entry) => entry.at >= start && entry.at < end);
  const people = new Set(within.filter(isTouch).flatMap((entry) => entry.contactIds));
  return { interactions: within.filter(isLogged).length, people: people.size };
}

/** Count what happened in the period containing `now`, and in the last week; drift is as of `now`. */
export async function relationshipOverview(db: TendDatabase, settings: Settings, period: Period, now: number): Promise<Overview> {
  const { start, end } = periodAround(period, now);
  const weekAgo = now - 7 * DAY;
  const twoWeeksAgo = now - 14 * DAY;
  // Stage changes are read from the earliest moment asked to today: the stage at a date is worked
  // out backwards from the stage a person has now (stage-at.ts).
  const from = Math.min(start, twoWeeksAgo);
  const tx = readTx(db, ['contacts', 'interactions', 'imports']);
  const [contacts, entries, imported] = await Promise.all([listAllContacts(tx), listInteractionsBetween(tx, from, Infinity), importedContactIds(tx)]);
  await tx.done;
  const histories = stageHistories(contacts, entries);
  const met = (a: number, b: number) => contacts.filter((c) => c.createdAt >= a && c.createdAt < b && !imported.has(c.id)).length;

  const byKind = Object.fromEntries(LoggableKind.options.map((kind) => [kind, 0])) as Record<LoggableKind, number>;
  const experiences = { positive: 0, neutral: 0, negative: 0 };
  let sightings = 0;
  const inPeriod = entries.filter((entry) => entry.at >= start && entry.at < end);
  for (const entry of inPeriod) {
    if (entry.kind === 'sighting') sightings++;
    const logged = LoggableKind.safeParse(entry.kind);
    if (!logged.success) continue;
    byKind[logged.data]++;
    if (entry.experience) experiences[entry.experience]++;
  }
  const buckets = activityBuckets(period, start, end);
  const columns = buckets.map(() => ({ count: 0, people: new Set<string>() }));
  for (const entry of inPeriod) {
    const column = columns[buckets.findLastIndex((bucketStart) => bucketStart <= entry.at)];
    if (!column) continue;
    if (isLogged(entry)) column.count++;
    if (isTouch(entry)) entry.contactIds.forEach((id) => column.people.add(id));
  }
  const activity = buckets.map((bucketStart, i) => ({ start: bucketStart, count: columns[i]!.count, people: columns[i]!.people.size }));
  const week = activityIn(entries, weekAgo, now + 1);
  const weekBefore = activityIn(entries, twoWeeksAgo, weekAgo);
  const drifting = driftingPeople(contacts, settings, now);
  return {
    period,
    start,
    end,
    ...outcomes(histories, start, end),
    newPeople: met(start, end),
    peopleInTouch: activityIn(inPeriod, start, end).people,
    byKind,
    sightings,
    experiences,
    activity,
    drifting: drifting.slice(0, 5).map(({ contact }) => ref(contact)),
    driftingCount: drifting.length,
    lastWeek: {
      since: weekAgo,
      ...outcomes(histories, weekAgo, now + 1),
      interactions: week.interactions,
      interactionsWeekBefore: weekBefore.interactions,
      peopleInTouch: week.people,
      peopleInTouchWeekBefore: weekBefore.people,
      newPeople: met(weekAgo, now + 1),
    },
  };
}
