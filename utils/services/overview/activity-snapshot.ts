/**
 * The overview's aggregate as saved in the `snapshots` store: every slot as one JSON string, the
 * people named by their place in one list of ids (the structured clone of two strings is far
 * cheaper than of thousands of objects, and an id said once is short), as the aggregate numbers them.
 */
import { Stage, type InteractionKind } from '../../model/records';
import { PersonNumbers, type ActivitySummary } from './activity-summary';

/** The snapshot's name in the `snapshots` store. */
export const ACTIVITY_SNAPSHOT = 'overview-activity';

/** Bump when a summary's shape or how it is made changes: a snapshot of another format is never used. */
const FORMAT = 1;

/** One slot: its number, kinds, experiences [positive, neutral, negative], people, stage changes [at, people, from, to]. */
type SavedSlot = [number, Partial<Record<InteractionKind, number>>, [number, number, number], number[], [number, number[], string, string][]];

interface SavedActivity {
  format: number;
  /** Contact ids joined by newlines. */
  ids: string;
  /** SavedSlot[] as JSON. */
  slots: string;
}

/** The aggregate's slots as saved, with the ids their people's numbers stand for. */
export function activitySnapshot(slots: Map<number, ActivitySummary>, numbers: PersonNumbers): SavedActivity {
  const saved: SavedSlot[] = [];
  for (const [slot, { kinds, experiences, people, stages }] of slots) {
    saved.push([
      slot,
      kinds,
      [experiences.positive, experiences.neutral, experiences.negative],
      people,
      stages.map(({ at, people: changed, change }) => [at, changed, change.from ?? '', change.to ?? '']),
    ]);
  }
  return { format: FORMAT, ids: numbers.ids.join('\n'), slots: JSON.stringify(saved) };
}

function isSavedActivity(data: unknown): data is SavedActivity {
  if (typeof data !== 'object' || data === null) return false;
  const saved = data as Partial<SavedActivity>;
  return saved.format === FORMAT && typeof saved.ids === 'string' && typeof saved.slots === 'string';
}

const stageOf = (text: string) => {
  const stage = Stage.safeParse(text);
  return stage.success ? stage.data : undefined;
};

/** The slots of a snapshot and their people's numbers, or undefined when it is of another format or does not parse (then every entry is read). */
export function activityFromSnapshot(data: unknown): { slots: Map<number, ActivitySummary>; numbers: PersonNumbers } | undefined {
  if (!isSavedActivity(data)) return undefined;
  const numbers = new PersonNumbers();
  if (data.ids !== '') for (const id of data.ids.split('\n')) numbers.of(id);
  const known = (person: unknown) => Number.isInteger(person) && (person as number) >= 0 && (person as number) < numbers.ids.length;
  try {
    const saved = JSON.parse(data.slots) as SavedSlot[];
    if (!Array.isArray(saved)) return undefined;
    const slots = new Map<number, ActivitySummary>();
    for (const [slot, kinds, [positive, neutral, negative], people, stages] of saved) {
      if (!people.every(known) || !stages.every(([, changed]) => changed.every(known))) return undefined;
      slots.set(slot, {
        kinds,
        experiences: { positive, neutral, negative },
        people,
        stages: stages.map(([at, changed, from, to]) => {
          const [before, after] = [stageOf(from), stageOf(to)];
          return { at, people: changed, change: { ...(before && { from: before }), ...(after && { to: after }) } };
        }),
      });
    }
    return { slots, numbers };
  } catch {
    // A snapshot that does not hold what its format says is not used: every entry is read instead.
    return undefined;
  }
}
