/**
 * The overview's aggregate as saved in the `snapshots` store: every slot as one JSON string, the
 * people named by their place in one list of ids (the structured clone of two strings is far
 * cheaper than of thousands of objects, and an id said once is short).
 */
import { Stage, type InteractionKind } from '../../model/records';
import type { ActivitySummary } from './activity-summary';

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

/** The aggregate's slots as saved. */
export function activitySnapshot(slots: Map<number, ActivitySummary>): SavedActivity {
  const places = new Map<string, number>();
  const place = (id: string) => places.get(id) ?? (places.set(id, places.size), places.size - 1);
  const saved: SavedSlot[] = [];
  for (const [slot, { kinds, experiences, people, stages }] of slots) {
    saved.push([
      slot,
      kinds,
      [experiences.positive, experiences.neutral, experiences.negative],
      people.map(place),
      stages.map(({ at, contactIds, change }) => [at, contactIds.map(place), change.from ?? '', change.to ?? '']),
    ]);
  }
  return { format: FORMAT, ids: [...places.keys()].join('\n'), slots: JSON.stringify(saved) };
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

/** The slots of a snapshot, or undefined when it is of another format or does not parse (then every entry is read). */
export function activityFromSnapshot(data: unknown, intern: (id: string) => string): Map<number, ActivitySummary> | undefined {
  if (!isSavedActivity(data)) return undefined;
  const ids = data.ids === '' ? [] : data.ids.split('\n').map(intern);
  let saved: SavedSlot[];
  try {
    saved = JSON.parse(data.slots) as SavedSlot[];
    if (!Array.isArray(saved)) return undefined;
    const person = (place: number) => {
      const id = ids[place];
      if (id === undefined) throw new RangeError(`no person ${place}`);
      return id;
    };
    const slots = new Map<number, ActivitySummary>();
    for (const [slot, kinds, [positive, neutral, negative], people, stages] of saved) {
      slots.set(slot, {
        kinds,
        experiences: { positive, neutral, negative },
        people: people.map(person),
        stages: stages.map(([at, contactIds, from, to]) => {
          const [before, after] = [stageOf(from), stageOf(to)];
          return { at, contactIds: contactIds.map(person), change: { ...(before && { from: before }), ...(after && { to: after }) } };
        }),
      });
    }
    return slots;
  } catch {
    // A snapshot that does not hold what its format says is not used: every entry is read instead.
    return undefined;
  }
}
