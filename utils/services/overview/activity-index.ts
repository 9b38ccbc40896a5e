/**
 * The overview's running aggregate: one ActivitySummary per quarter hour that holds entries, kept
 * in the worker's memory, so an overview sums a few thousand summaries instead of reading every
 * entry of the year. It follows the commit path (utils/db/commit.ts): a committed put of an entry
 * marks its slot stale (an entry's time never changes once written: interactions-repo.ts), and so
 * does a deleted entry, whose slot its deleted timeline links name ([person, at, entry]); a stale
 * slot is summarised again from the entries the by-at index holds for it. What cannot be placed (a
 * cleared store, an entry deleted without links) makes the next use read every entry again.
 *
 * It survives the worker as the roster does (snapshot-replay.ts): saved to the `snapshots` store
 * with the last change it includes, loaded at the first use after a start with the slots of the
 * entries changed since summarised again. A deleted entry's slot cannot be found after the fact
 * (its record and links are gone), so an entry deleted after the snapshot makes that start read
 * every entry; the snapshot is saved again soon after every commit that deletes one.
 */
import { onCommit, type Change } from '../../db/commit';
import { latestChangeSeq } from '../../db/changes-repo';
import { listInteractionsBetween } from '../../db/interactions-repo';
import { readAllRecords } from '../../db/records-repo';
import { loadSnapshotWithChanges, SnapshotSaver } from '../../db/snapshot-replay';
import { readTx, type TendDatabase } from '../../db/schema';
import type { Interaction } from '../../model/records';
import { PersonNumbers, SLOT, slotOf, summarizeEntries, type ActivitySummary } from './activity-summary';
import { ACTIVITY_SNAPSHOT, activityFromSnapshot, activitySnapshot } from './activity-snapshot';
import { keptCurrent } from '../../db/kept-current';

/** Entries read per IndexedDB request while building: bounds memory and lets writes interleave. */
const BUILD_PAGE = 5_000;
/** Save again once 1,000 changes were applied since the last save, 2 s after they settle. */
const SAVE_RULE = { afterChanges: 1_000, delayMs: 2_000 };

/** Summaries over a stretch of time, each with the instant it starts at. */
export type TimedSummary = { start: number; summary: ActivitySummary };

interface ActivityIndex {
  slots: Map<number, ActivitySummary>;
  /** The slots' numbers in order, made again after a slot is added or removed. */
  order?: number[];
  built: boolean;
  rebuildNeeded: boolean;
  /** Slots whose entries changed since they were summarised. */
  stale: Set<number>;
  /** The last logged change the slots include, and the newest heard (included once stale slots are read). */
  seq: number;
  heardSeq: number;
  saver: SnapshotSaver;
  /** The people's numbers the slots use. */
  numbers: PersonNumbers;
  stopListening: () => void;
  work?: Promise<void>;
}

const indexes = new WeakMap<TendDatabase, ActivityIndex>();

/** How the last first use went, for tests and the bench: from the snapshot plus N slots, or read whole. */
export const lastActivityLoad = { from: 'none' as 'none' | 'snapshot' | 'rebuild', restated: 0 };

/** Mark the slots a commit's entry changes touch; false when one cannot be placed. */
function markStale(index: ActivityIndex, changes: readonly Change[]): boolean {
  const deletedLinks = new Map<string, number>();
  for (const { store, op, key } of changes) {
    if (store === 'timeline' && op === 'delete' && Array.isArray(key) && typeof key[2] === 'string' && typeof key[1] === 'number')
      deletedLinks.set(key[2], key[1]);
  }
  for (const { store, op, key, value, seq } of changes) {
    if (store !== 'interactions') continue;
    if (seq !== undefined) index.heardSeq = Math.max(index.heardSeq, seq);
    if (op === 'put') index.stale.add(slotOf((value as Interaction).at));
    else if (op === 'delete' && typeof key === 'string' && deletedLinks.has(key)) index.stale.add(slotOf(deletedLinks.get(key)!));
    else return false;
  }
  return true;
}

/** The aggregate of a database, current with every committed change. */
async function activityIndexOf(db: TendDatabase): Promise<ActivityIndex> {
  let index = indexes.get(db);
  if (!index) {
    const fresh: ActivityIndex = {
      slots: new Map(),
      built: false,
      rebuildNeeded: false,
      stale: new Set(),
      seq: 0,
      heardSeq: 0,
      saver: new SnapshotSaver(db, ACTIVITY_SNAPSHOT, SAVE_RULE),
      numbers: new PersonNumbers(),
      // Listening starts before anything is read, so no commit falls between the read and the listener.
      stopListening: onCommit(db, ({ changes }) => {
        if (!changes.some((change) => change.store === 'interactions')) return;
        if (!markStale(fresh, changes)) fresh.rebuildNeeded = true;
        // A deletion cannot be replayed from the change log: the saved state is no longer one to load.
        if (changes.some((change) => change.store === 'interactions' && change.op !== 'put')) fresh.saver.reset(-1);
      }),
    };
    index = fresh;
    indexes.set(db, index);
  }
  return keptCurrent(
    index,
    (state) => state.built && !state.rebuildNeeded && state.stale.size === 0,
    (state) => maintain(db, state),
  );
}

async function maintain(db: TendDatabase, index: ActivityIndex): Promise<void> {
  if (index.rebuildNeeded) await build(db, index);
  else if (!index.built) await load(db, index);
  const before = index.stale.size;
  await restate(db, index);
  index.saver.applied(before);
  // Saved only when current: slots still stale would be claimed by the snapshot's seq.
  const current = () => indexes.get(db) === index && !index.work && index.built && !index.rebuildNeeded && index.stale.size === 0;
  index.saver.schedule(() => (current() ? { seq: index.seq, data: activitySnapshot(index.slots, index.numbers) } : undefined));
}

/** Summaries of `entries` per slot (entries oldest first). */
function summarizeBySlot(index: ActivityIndex, entries: Interaction[]): Map<number, ActivitySummary> {
  const bySlot = new Map<number, Interaction[]>();
  for (const entry of entries) {
    const slot = slotOf(entry.at);
    const list = bySlot.get(slot);
    if (list) list.push(entry);
    else bySlot.set(slot, [entry]);
  }
  return new Map([...bySlot].map(([slot, list]) => [slot, summarizeEntries(list, index.numbers)]));
}

/**
 * Read every entry into fresh slots. Commits heard while reading mark their slots stale, and they
 * are read again after: reading a slot twice changes nothing.
 */
async function build(db: TendDatabase, index: ActivityIndex): Promise<void> {
  index.rebuildNeeded = false;
  index.stale.clear();
  const seq = await latestChangeSeq(db);
  const entries: Interaction[] = [];
  for await (const entry of readAllRecords(db, 'interactions', BUILD_PAGE)) entries.push(entry);
  entries.sort((a, b) => a.at - b.at);
  index.numbers = new PersonNumbers();
  index.slots = summarizeBySlot(index, entries);
  index.order = undefined;
  index.seq = seq;
  index.built = true;
  index.saver.reset(-1);
  Object.assign(lastActivityLoad, { from: 'rebuild', restated: 0 });
}

/** The saved slots with those of the entries changed since marked stale; every entry read when that cannot be done. */
async function load(db: TendDatabase, index: ActivityIndex): Promise<void> {
  const saved = await loadSnapshotWithChanges(db, ACTIVITY_SNAPSHOT, ['interactions']);
  const kept = saved && activityFromSnapshot(saved.data);
  const changed = saved ? [...saved.interactions.values()] : [];
  if (!saved || !kept || changed.includes(undefined)) return build(db, index);
  index.slots = kept.slots;
  index.numbers = kept.numbers;
  index.order = undefined;
  for (const entry of changed) index.stale.add(slotOf(entry!.at));
  index.seq = saved.seq;
  index.built = true;
  index.saver.reset(saved.logged);
  Object.assign(lastActivityLoad, { from: 'snapshot', restated: index.stale.size });
}

/** Summarise the stale slots again from their entries, reading runs of adjacent slots at once. */
async function restate(db: TendDatabase, index: ActivityIndex): Promise<void> {
  if (index.stale.size === 0) return;
  const slots = [...index.stale].sort((a, b) => a - b);
  const heard = index.heardSeq;
  index.stale.clear();
  const runs: [number, number][] = [];
  for (const slot of slots) {
    const last = runs.at(-1);
    if (last && last[1] === slot - 1) last[1] = slot;
    else runs.push([slot, slot]);
  }
  const tx = readTx(db, ['interactions']);
  const read = await Promise.all(runs.map(([first, last]) => listInteractionsBetween(tx, first * SLOT, (last + 1) * SLOT)));
  for (const slot of slots) index.slots.delete(slot);
  for (const entries of read) for (const [slot, summary] of summarizeBySlot(index, entries)) index.slots.set(slot, summary);
  index.order = undefined;
  index.seq = Math.max(index.seq, heard);
}

/** The first position in sorted `order` whose slot is at least `slot`. */
function firstAtLeast(order: number[], slot: number): number {
  let [low, high] = [0, order.length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (order[middle]! < slot) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The aggregate brought up to date, to ask several stretches of time of: its people are numbered (see PersonNumbers). */
export interface Activity {
  /** Summaries covering exactly [start, end), in time order. */
  between(start: number, end: number): Promise<TimedSummary[]>;
  /** The contact ids the summaries' numbers stand for (it grows as edges are read). */
  readonly numbers: PersonNumbers;
}

/** The aggregate of a database, current with every committed change. */
export async function activityOf(db: TendDatabase): Promise<Activity> {
  const index = await activityIndexOf(db);
  // Taken together now: a rebuild started by another request numbers people anew in new slots.
  const { numbers, slots } = index;
  const order = (index.order ??= [...slots.keys()].sort((a, b) => a - b));
  return { numbers, between: (start, end) => summariesBetween(db, { numbers, slots, order }, start, end) };
}

type Taken = Pick<ActivityIndex, 'numbers' | 'slots'> & { order: number[] };

/**
 * Summaries covering exactly [start, end), in time order: whole slots from the aggregate, and the
 * part of a slot an edge cuts (an instant like "a week ago") from its entries.
 */
async function summariesBetween(db: TendDatabase, { numbers, slots, order }: Taken, start: number, end: number): Promise<TimedSummary[]> {
  const [first, last] = [Math.ceil(start / SLOT), Number.isFinite(end) ? Math.floor(end / SLOT) : Infinity];
  const edges: [number, number][] = [];
  if (first > last) edges.push([start, end]);
  else {
    if (start < first * SLOT) edges.push([start, first * SLOT]);
    if (Number.isFinite(end) && last * SLOT < end) edges.push([last * SLOT, end]);
  }
  const tx = edges.length > 0 ? readTx(db, ['interactions']) : undefined;
  const cut = await Promise.all(
    edges.map(async ([from, to]) => ({ start: from, summary: summarizeEntries(await listInteractionsBetween(tx!, from, to), numbers) })),
  );
  const whole: TimedSummary[] = [];
  for (let i = firstAtLeast(order, first); i < order.length && order[i]! < last; i++) {
    // A slot restated since the order was taken may be gone: it then holds nothing.
    const summary = slots.get(order[i]!);
    if (summary) whole.push({ start: order[i]! * SLOT, summary });
  }
  return [...cut.filter((part) => part.start < first * SLOT), ...whole, ...cut.filter((part) => part.start >= first * SLOT)];
}

/** Forget the aggregate of a database, as a worker restart does; the next use loads or reads it again. */
export function dropActivityIndex(db: TendDatabase): void {
  const index = indexes.get(db);
  index?.stopListening();
  index?.saver.cancel();
  indexes.delete(db);
}

/** Save the aggregate now (tests and the bench; the worker saves on its own a little after changes). */
export async function saveActivityIndexNow(db: TendDatabase): Promise<void> {
  const index = await activityIndexOf(db);
  await index.saver.saveNow(() => ({ seq: index.seq, data: activitySnapshot(index.slots, index.numbers) }));
}
