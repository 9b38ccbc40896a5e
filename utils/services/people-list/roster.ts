/**
 * Everyone Tend knows, as compact rows kept in the worker's memory: a maintained aggregate, so the
 * People view never reads every record per request. Kept current by the commit path
 * (utils/db/commit.ts), which hands every committed put and delete of a person to its listeners
 * with the record written. A `clear` (restore, delete everything) makes the next use read the store
 * again. It survives the worker as the search index does: saved to the `snapshots` store with the
 * last change it includes, so the first use after a worker start loads it and re-reads only the
 * people changed since (roster-snapshot.ts); with no usable snapshot it reads every person.
 */
import { onCommit, type Change } from '../../db/commit';
import { latestChangeSeq } from '../../db/changes-repo';
import { readAllRecords } from '../../db/records-repo';
import { loadSnapshotWithChanges, SnapshotSaver } from '../../db/snapshot-replay';
import type { TendDatabase } from '../../db/schema';
import type { Contact } from '../../model/records';
import { duplicateKeys } from '../merge/duplicates-rules';
import { MAX_GROUP } from '../merge/duplicates';
import { nameOrder } from './list';
import { ROSTER_SNAPSHOT, rosterFromSnapshot, rosterSnapshot } from './roster-snapshot';
import { keptCurrent } from '../../db/kept-current';

/** What the People view needs of a person: what it shows, sorts, filters and counts on. */
export type RosterRow = Pick<Contact, 'id' | 'displayName' | 'org' | 'tags' | 'stage' | 'cadenceDays' | 'createdAt' | 'lastInteractionAt'> & {
  /** Their keys under the duplicate rules: two people sharing one may be one person. */
  duplicateKeys: string[];
};

/** Records read per IndexedDB request while building: bounds memory and lets writes interleave. */
const BUILD_PAGE = 5_000;
/** Save the rows again once 1,000 changes were applied since they were last saved, 2 s after they settle. */
const SAVE_RULE = { afterChanges: 1_000, delayMs: 2_000 };

interface Roster {
  rows: Map<string, RosterRow>;
  built: boolean;
  /** The last logged change the rows include. */
  seq: number;
  saver: SnapshotSaver;
  pending: Change[];
  rebuildNeeded: boolean;
  /** Bumped on every change to the rows: the duplicate count is recounted only after one. */
  version: number;
  duplicates?: { version: number; count: number };
  names?: { version: number; places: Map<string, number> };
  stopListening: () => void;
  work?: Promise<void>;
}

const rosters = new WeakMap<TendDatabase, Roster>();

/** The compact row of a person. */
export function rosterRow(contact: Contact): RosterRow {
  const { id, displayName, org, tags, stage, cadenceDays, createdAt, lastInteractionAt } = contact;
  return {
    id,
    displayName,
    tags,
    createdAt,
    ...(org && { org }),
    ...(stage && { stage }),
    ...(cadenceDays && { cadenceDays }),
    ...(lastInteractionAt !== undefined && { lastInteractionAt }),
    duplicateKeys: [...new Set(duplicateKeys(contact).map((key) => key.key))],
  };
}

/** Everyone's rows, current with every committed change: read from the store once, then maintained. */
export async function rosterOf(db: TendDatabase): Promise<Roster> {
  let roster = rosters.get(db);
  if (!roster) {
    const fresh: Roster = {
      rows: new Map(),
      built: false,
      seq: 0,
      saver: new SnapshotSaver(db, ROSTER_SNAPSHOT, SAVE_RULE),
      pending: [],
      rebuildNeeded: false,
      version: 0,
      // Listening starts before anything is read, so no commit falls between the read and the listener.
      stopListening: onCommit(db, ({ changes }) => {
        for (const change of changes) if (change.store === 'contacts') fresh.pending.push(change);
      }),
    };
    roster = fresh;
    rosters.set(db, roster);
  }
  return keptCurrent(
    roster,
    (state) => state.built && !state.rebuildNeeded && state.pending.length === 0,
    (state) => maintain(db, state),
  );
}

/** How the last first use went, for tests and the bench: from the snapshot plus N changes, or read whole. */
export const lastRosterLoad = { from: 'none' as 'none' | 'snapshot' | 'rebuild', replayed: 0 };

async function maintain(db: TendDatabase, roster: Roster): Promise<void> {
  if (roster.rebuildNeeded) await build(db, roster);
  else if (!roster.built) await load(db, roster);
  applyPending(roster);
  roster.saver.schedule(() => (rosters.get(db) !== roster || roster.work || !roster.built ? undefined : saveState(roster)));
}

/** The saved rows with the people changed since; every person read when there is none or it cannot be used. */
async function load(db: TendDatabase, roster: Roster): Promise<void> {
  const saved = await loadSnapshotWithChanges(db, ROSTER_SNAPSHOT, ['contacts']);
  const kept = saved && rosterFromSnapshot(saved.data);
  if (!saved || !kept) return build(db, roster);
  for (const [id, contact] of saved.contacts) contact ? kept.rows.set(id, rosterRow(contact)) : kept.rows.delete(id);
  roster.rows = kept.rows;
  roster.seq = saved.seq;
  roster.built = true;
  roster.version++;
  // What the snapshot knew of the rows holds only if no person changed since.
  if (saved.contacts.size === 0) {
    if (kept.places) roster.names = { version: roster.version, places: kept.places };
    roster.duplicates = { version: roster.version, count: kept.duplicates };
  }
  roster.saver.reset(saved.logged);
  Object.assign(lastRosterLoad, { from: 'snapshot', replayed: saved.contacts.size });
}

/** The rows as saved: with their name places and duplicate count, computed now if not yet. */
function saveState(roster: Roster): { seq: number; data: unknown } {
  return { seq: roster.seq, data: rosterSnapshot(roster.rows, namePlaces(roster), duplicateCount(roster)) };
}

/**
 * Read every person into fresh rows. Changes heard while reading are applied after it; one that
 * the read already saw is applied again, which changes nothing (a put is the record as written,
 * a delete of an absent row is nothing).
 */
async function build(db: TendDatabase, roster: Roster): Promise<void> {
  roster.rebuildNeeded = false;
  roster.pending = [];
  const seq = await latestChangeSeq(db);
  const rows = new Map<string, RosterRow>();
  for await (const contact of readAllRecords(db, 'contacts', BUILD_PAGE)) rows.set(contact.id, rosterRow(contact));
  roster.rows = rows;
  roster.seq = seq;
  roster.built = true;
  roster.version++;
  roster.saver.reset(-1);
  Object.assign(lastRosterLoad, { from: 'rebuild', replayed: 0 });
}

function applyPending(roster: Roster): void {
  const changes = roster.pending;
  roster.pending = [];
  for (const { op, key, value, seq } of changes) {
    if (seq !== undefined) roster.seq = Math.max(roster.seq, seq);
    if (op === 'clear') roster.rebuildNeeded = true;
    else if (op === 'put') roster.rows.set((value as Contact).id, rosterRow(value as Contact));
    else if (typeof key === 'string') roster.rows.delete(key);
    // A delete by key range never happens to people; if one did, read them all again.
    else roster.rebuildNeeded = true;
  }
  if (changes.length > 0) roster.version++;
  roster.saver.applied(changes.length);
  // A clear seen here: the rows are stale until read again, now rather than at the next request.
  if (roster.rebuildNeeded) roster.built = false;
}

/**
 * How many pairs of people share a duplicate key, counted as utils/services/merge/duplicates.ts
 * pairs them (a key shared by more than MAX_GROUP people is noise), recounted only after a change.
 */
export function duplicateCount(roster: Roster): number {
  if (roster.duplicates?.version === roster.version) return roster.duplicates.count;
  const groups = new Map<string, string[]>();
  for (const row of roster.rows.values()) {
    for (const key of row.duplicateKeys) {
      const group = groups.get(key);
      if (group) group.push(row.id);
      else groups.set(key, [row.id]);
    }
  }
  const pairs = new Set<string>();
  for (const group of groups.values()) {
    if (group.length < 2 || group.length > MAX_GROUP) continue;
    for (let i = 0; i < group.length; i++)
      for (let j = i + 1; j < group.length; j++) pairs.add(group[i]! < group[j]! ? `${group[i]}|${group[j]}` : `${group[j]}|${group[i]}`);
  }
  roster.duplicates = { version: roster.version, count: pairs.size };
  return pairs.size;
}

/** Each person's place in name order (see nameOrder), sorted again only after a change. */
export function namePlaces(roster: Roster): Map<string, number> {
  if (roster.names?.version !== roster.version) roster.names = { version: roster.version, places: nameOrder(roster.rows.values()) };
  return roster.names.places;
}

/** Forget the rows of a database, as a worker restart does; the next use reads the store again. */
export function dropRoster(db: TendDatabase): void {
  const roster = rosters.get(db);
  roster?.stopListening();
  roster?.saver.cancel();
  rosters.delete(db);
}

/** Save the rows now (tests and the bench; the worker saves on its own a little after changes). */
export async function saveRosterNow(db: TendDatabase): Promise<void> {
  const roster = await rosterOf(db);
  await roster.saver.saveNow(() => saveState(roster));
}
