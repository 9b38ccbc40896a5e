/** The relationship overview for a period: outcomes, new people, activity, experiences, drift. */
import { addLocalMonths, localDayAt, periodAround, type Period } from '../../time/dates';
import { listAllContacts } from '../../db/contacts-repo';
import { importedContactIds } from '../../db/imports-repo';
import { listInteractionsBetween } from '../../db/interactions-repo';
import { readTx, type TendDatabase } from '../../db/schema';
import { LoggableKind, type Contact, type Interaction, type Settings } from '../../model/records';
import { driftingPeople } from '../followups/cadence';
import { parseStageChange, stageOutcome } from './stages';

/** A person named in the overview. */
export interface PersonRef {
  id: string;
  displayName: string;
}

/** What the overview shows for one period. */
export interface Overview {
  period: Period;
  start: number;
  end: number;
  won: PersonRef[];
  lost: PersonRef[];
  grown: PersonRef[];
  /** People Tend first met in the period (not those brought in by an import). */
  newPeople: number;
  /** Logged interactions by kind (notes, calls...). */
  byKind: Record<LoggableKind, number>;
  /** Automatic "seen in thread" entries. */
  sightings: number;
  experiences: { positive: number; neutral: number; negative: number };
  /** Logged interactions per day (month), week (quarter) or month (year). */
  activity: { start: number; count: number }[];
  /** People past their cadence now, furthest first (the first few). */
  drifting: PersonRef[];
  driftingCount: number;
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

/** Count what happened in the period containing `now`; drift is as of `now`. */
export async function relationshipOverview(db: TendDatabase, settings: Settings, period: Period, now: number): Promise<Overview> {
  const { start, end } = periodAround(period, now);
  const tx = readTx(db, ['contacts', 'interactions', 'imports']);
  const [contacts, entries, imported] = await Promise.all([listAllContacts(tx), listInteractionsBetween(tx, start, end), importedContactIds(tx)]);
  await tx.done;
  const byId = new Map(contacts.map((c) => [c.id, c]));

  const outcomes = { won: new Set<string>(), lost: new Set<string>(), grown: new Set<string>() };
  const byKind = Object.fromEntries(LoggableKind.options.map((kind) => [kind, 0])) as Record<LoggableKind, number>;
  const experiences = { positive: 0, neutral: 0, negative: 0 };
  const buckets = activityBuckets(period, start, end);
  const activity = buckets.map((bucketStart) => ({ start: bucketStart, count: 0 }));
  let sightings = 0;
  for (const entry of entries as Interaction[]) {
    const change = parseStageChange(entry);
    const outcome = change && stageOutcome(change);
    if (outcome) entry.contactIds.forEach((id) => outcomes[outcome].add(id));
    if (entry.kind === 'sighting') sightings++;
    const logged = LoggableKind.safeParse(entry.kind);
    if (!logged.success) continue;
    byKind[logged.data]++;
    if (entry.experience) experiences[entry.experience]++;
    const column = buckets.findLastIndex((bucketStart) => bucketStart <= entry.at);
    if (column >= 0) activity[column]!.count++;
  }
  const people = (ids: Set<string>) => [...ids].flatMap((id) => (byId.has(id) ? [ref(byId.get(id)!)] : []));
  const drifting = driftingPeople(contacts, settings, now);
  return {
    period,
    start,
    end,
    won: people(outcomes.won),
    lost: people(outcomes.lost),
    grown: people(outcomes.grown),
    newPeople: contacts.filter((c) => c.createdAt >= start && c.createdAt < end && !imported.has(c.id)).length,
    byKind,
    sightings,
    experiences,
    activity,
    drifting: drifting.slice(0, 5).map(({ contact }) => ref(contact)),
    driftingCount: drifting.length,
  };
}
