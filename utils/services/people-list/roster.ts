/**
 * Everyone Tend knows, as compact rows kept in the worker's memory: a maintained aggregate, so the
 * People view never reads every record per request. Built from the contacts store on first use
 * (after a worker start), then kept current by the commit path (utils/db/commit.ts), which hands
 * every committed put and delete of a person to its listeners with the record written. A `clear`
 * (restore, delete everything) makes the next use read the store again.
 */
import { onCommit, type Change } from '../../db/commit';
import { readAllRecords } from '../../db/records-repo';
import type { TendDatabase } from '../../db/schema';
import type { Contact } from '../../model/records';
import { duplicateKeys } from '../merge/duplicates-rules';
import { MAX_GROUP } from '../merge/duplicates';
import { nameOrder } from './list';

/** What the People view needs of a person: what it shows, sorts, filters and counts on. */
export type RosterRow = Pick<Contact, 'id' | 'displayName' | 'org' | 'tags' | 'stage' | 'cadenceDays' | 'createdAt' | 'lastInteractionAt'> & {
  /** Their keys under the duplicate rules: two people sharing one may be one person. */
  duplicateKeys: string[];
};

/** Records read per IndexedDB request while building: bounds memory and lets writes interleave. */
const BUILD_PAGE = 5_000;

interface Roster {
  rows: Map<string, RosterRow>;
  built: boolean;
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
  for (;;) {
    if (roster.work) {
      await roster.work;
      continue;
    }
    if (roster.built && !roster.rebuildNeeded && roster.pending.length === 0) return roster;
    const state = roster;
    state.work = maintain(db, state).finally(() => (state.work = undefined));
  }
}

async function maintain(db: TendDatabase, roster: Roster): Promise<void> {
  if (!roster.built || roster.rebuildNeeded) await build(db, roster);
  applyPending(roster);
}

/**
 * Read every person into fresh rows. Changes heard while reading are applied after it; one that
 * the read already saw is applied again, which changes nothing (a put is the record as written,
 * a delete of an absent row is nothing).
 */
async function build(db: TendDatabase, roster: Roster): Promise<void> {
  roster.rebuildNeeded = false;
  roster.pending = [];
  const rows = new Map<string, RosterRow>();
  for await (const contact of readAllRecords(db, 'contacts', BUILD_PAGE)) rows.set(contact.id, rosterRow(contact));
  roster.rows = rows;
  roster.built = true;
  roster.version++;
}

function applyPending(roster: Roster): void {
  const changes = roster.pending;
  roster.pending = [];
  for (const { op, key, value } of changes) {
    if (op === 'clear') roster.rebuildNeeded = true;
    else if (op === 'put') roster.rows.set((value as Contact).id, rosterRow(value as Contact));
    else if (typeof key === 'string') roster.rows.delete(key);
    // A delete by key range never happens to people; if one did, read them all again.
    else roster.rebuildNeeded = true;
  }
  if (changes.length > 0) roster.version++;
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
  rosters.get(db)?.stopListening();
  rosters.delete(db);
}
