/**
 * What the overview counts of a stretch of entries, as one small summary: entries by kind, the
 * experiences of logged ones, the people in touch and the stage changes. Summaries of quarter
 * hours are the overview's running aggregate (activity-index.ts): a quarter hour divides every
 * local day, week, month and year of every time zone in use (their offsets from UTC are whole
 * quarter hours), so each of the overview's columns is a sum of whole slots.
 */
import { MINUTE } from '../../time/dates';
import { LoggableKind, type Interaction, type InteractionKind, type StageChange } from '../../model/records';
import { parseStageChange } from './stages';

/** The aggregate's slot: a quarter hour, counted from the epoch in UTC. */
export const SLOT = 15 * MINUTE;

/** The slot an instant falls in. */
export const slotOf = (at: number): number => Math.floor(at / SLOT);

/** A stage change of some people (by their numbers: see PersonNumbers) at a moment. */
export interface DatedPeopleStageChange {
  at: number;
  people: number[];
  change: StageChange;
}

/** A number for each contact id, so summaries hold small numbers and people are counted with marks, not sets of strings. */
export class PersonNumbers {
  private readonly numbers = new Map<string, number>();
  readonly ids: string[] = [];

  /** The number of an id, given now if it has none. */
  of(id: string): number {
    let number = this.numbers.get(id);
    if (number === undefined) {
      number = this.ids.push(id) - 1;
      this.numbers.set(id, number);
    }
    return number;
  }
}

/** Counts different people across lists of their numbers: one mark per person, cleared by starting a new round. */
export class DistinctPeople {
  private readonly marks: Uint32Array;
  private round = 1;
  count = 0;

  constructor(size: number) {
    this.marks = new Uint32Array(size);
  }

  /** Count from zero again. */
  reset(): void {
    this.round++;
    this.count = 0;
  }

  add(people: readonly number[]): void {
    for (const person of people) {
      if (this.marks[person] === this.round) continue;
      this.marks[person] = this.round;
      this.count++;
    }
  }
}

/** What the overview counts of some entries. */
export interface ActivitySummary {
  /** Entries by kind (absent: none). */
  kinds: Partial<Record<InteractionKind, number>>;
  /** Experiences told on logged entries. */
  experiences: { positive: number; neutral: number; negative: number };
  /** Different people (their numbers) in an entry that is not a stage change (being in a thread together counts). */
  people: number[];
  /** The stage changes among them, oldest first. */
  stages: DatedPeopleStageChange[];
}

const isLogged = (kind: InteractionKind) => LoggableKind.safeParse(kind).success;

/** The summary of `entries` (oldest first, as the by-at index gives them), people numbered by `numbers`. */
export function summarizeEntries(entries: Iterable<Interaction>, numbers: PersonNumbers): ActivitySummary {
  const summary: ActivitySummary = { kinds: {}, experiences: { positive: 0, neutral: 0, negative: 0 }, people: [], stages: [] };
  const people = new Set<number>();
  for (const entry of entries) {
    summary.kinds[entry.kind] = (summary.kinds[entry.kind] ?? 0) + 1;
    if (entry.experience && isLogged(entry.kind)) summary.experiences[entry.experience]++;
    const change = parseStageChange(entry);
    if (change) summary.stages.push({ at: entry.at, people: entry.contactIds.map((id) => numbers.of(id)), change });
    // Being in a thread together counts as being in touch (as for keep-in-touch); a stage change does not.
    else if (entry.kind !== 'stage') for (const id of entry.contactIds) people.add(numbers.of(id));
  }
  summary.people = [...people];
  return summary;
}

/** How many logged entries (notes, calls, meetings...) a summary counts. */
export function loggedCount(summary: ActivitySummary): number {
  let count = 0;
  for (const kind of LoggableKind.options) count += summary.kinds[kind] ?? 0;
  return count;
}
