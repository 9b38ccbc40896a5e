import type { Interaction } from '../model/records';
import type { ReadTx, WriteTx } from './schema';

/** Where a timeline page ends: the last entry shown. */
export interface TimelineCursor {
  at: number;
  id: string;
}

/**
 * The keys of a contact's timeline links (`[contactId, at, interactionId]`) from `from` on, up to
 * the end or, when `before` is given, up to just before that entry. The one place the range is written.
 */
export function timelineRange(contactId: string, from = -Infinity, before?: TimelineCursor): IDBKeyRange {
  const upper = before ? [contactId, before.at, before.id] : [contactId, Infinity, '\uffff'];
  return IDBKeyRange.bound([contactId, from, ''], upper, false, before !== undefined);
}

/** An interaction by id. */
export function getInteraction(tx: ReadTx, id: string): Promise<Interaction | undefined> {
  return tx.objectStore('interactions').get(id);
}

/** Store an interaction and link it into the timeline of each of its contacts. */
export async function addInteraction(tx: WriteTx, interaction: Interaction): Promise<void> {
  const timeline = tx.objectStore('timeline');
  await Promise.all([
    tx.objectStore('interactions').add(interaction),
    ...interaction.contactIds.map((contactId) => timeline.put({ contactId, at: interaction.at, interactionId: interaction.id })),
  ]);
}

/**
 * Write back an edit of an interaction's content. Its time and people are keys of its timeline
 * links, so they cannot change here (setEntryPeople changes the people): an edit that changes
 * them, or of an entry that is gone, aborts the transaction.
 */
export async function updateInteraction(tx: WriteTx, edited: Interaction): Promise<void> {
  const stored = await tx.objectStore('interactions').get(edited.id);
  const people = (entry: Interaction) => [...new Set(entry.contactIds)].sort().join();
  if (!stored || stored.at !== edited.at || people(stored) !== people(edited)) {
    tx.abort();
    await tx.done.catch(() => undefined);
    // A bug in the caller, not something the user can act on: a plain Error, not a TendError.
    throw new Error(`Tend: an edit cannot move entry ${edited.id} in time, change its people or bring it back`);
  }
  await tx.objectStore('interactions').put(edited);
}

/**
 * Give an entry these people (in the order given): its record is written with them and its
 * timeline links follow, so each of its people has exactly one link to it and no one else has
 * any. Returns the entry as written.
 */
export function setEntryPeople(tx: WriteTx, entry: Interaction, contactIds: readonly string[]): Promise<Interaction> {
  return writeEntryPeople(tx, entry, contactIds, entry.contactIds);
}

/**
 * Move an entry from one person to another (a merge): `to` takes `from`'s place among its people.
 * `from`'s link goes even if the entry did not list them (a link left by older data).
 */
export function relinkEntry(tx: WriteTx, entry: Interaction, from: string, to: string): Promise<Interaction> {
  const people = entry.contactIds.map((id) => (id === from ? to : id));
  return writeEntryPeople(tx, entry, people, [...entry.contactIds, from]);
}

/** Write an entry with `contactIds`, linked to each of them, and unlinked from the rest of `formerly`. */
async function writeEntryPeople(tx: WriteTx, entry: Interaction, contactIds: readonly string[], formerly: readonly string[]): Promise<Interaction> {
  const people = [...new Set(contactIds)];
  const next: Interaction = { ...entry, contactIds: people };
  const timeline = tx.objectStore('timeline');
  await Promise.all([
    tx.objectStore('interactions').put(next),
    ...[...new Set(formerly)].filter((id) => !people.includes(id)).map((id) => timeline.delete([id, entry.at, entry.id])),
    // Every person's link is written, not only the new ones': a put of an existing key replaces it.
    ...people.map((id) => timeline.put({ contactId: id, at: entry.at, interactionId: entry.id })),
  ]);
  return next;
}

/** True when an automatic entry with this dedupe key was already recorded. */
export async function hasDedupeKey(tx: ReadTx, dedupeKey: string): Promise<boolean> {
  return (await tx.objectStore('interactions').index('by-dedupe').count(dedupeKey)) > 0;
}

/**
 * A contact's interactions newest first, `limit` at a time, starting after `before` (the last
 * entry of the previous page) when given.
 */
export async function listTimeline(tx: ReadTx, contactId: string, limit: number, before?: TimelineCursor): Promise<Interaction[]> {
  const ids = await newestTimelineIds(tx, timelineRange(contactId, -Infinity, before), limit);
  const store = tx.objectStore('interactions');
  const found = await Promise.all(ids.map((id) => store.get(id)));
  return found.filter((interaction): interaction is Interaction => interaction !== undefined);
}

/** Timeline keys as IndexedDB 3's `getAllKeys({query, count, direction})` reads them. */
type ReverseKeyRead = { getAllKeys(options: { query: IDBKeyRange; count: number; direction: IDBCursorDirection }): Promise<[string, number, string][]> };

/**
 * The interaction ids of the last `limit` links of a timeline range, newest first. Where the
 * browser has IndexedDB 3 (Chrome 141+, which shipped `getAllRecords` with it) that is one request
 * for the keys, as Dexie 4 reads it; a cursor walk costs one round trip to the database per link
 * (issue 17: 1.24-1.48x Dexie on disk). Older browsers walk a key cursor.
 */
async function newestTimelineIds(tx: ReadTx, range: IDBKeyRange, limit: number): Promise<string[]> {
  if (limit <= 0) return []; // a count of 0 would mean "all" to getAllKeys
  const timeline = tx.objectStore('timeline');
  if ('getAllRecords' in IDBObjectStore.prototype) {
    const keys = await (timeline as unknown as ReverseKeyRead).getAllKeys({ query: range, count: limit, direction: 'prev' });
    return keys.map(([, , id]) => id);
  }
  const ids: string[] = [];
  for (let cursor = await timeline.openKeyCursor(range, 'prev'); cursor && ids.length < limit; cursor = await cursor.continue()) ids.push(cursor.primaryKey[2]);
  return ids;
}

/** Every entry of a contact's timeline, oldest first (keys are read first: no entry is read twice). */
export async function listAllEntriesOf(tx: ReadTx, contactId: string): Promise<Interaction[]> {
  const keys = await tx.objectStore('timeline').getAllKeys(timelineRange(contactId));
  const store = tx.objectStore('interactions');
  const found = await Promise.all([...new Set(keys.map(([, , id]) => id))].map((id) => store.get(id)));
  return found.filter((interaction): interaction is Interaction => interaction !== undefined);
}

/** Every interaction that happened in [start, end), in time order. */
export function listInteractionsBetween(tx: ReadTx, start: number, end: number): Promise<Interaction[]> {
  return tx
    .objectStore('interactions')
    .index('by-at')
    .getAll(IDBKeyRange.bound(start, end, false, true));
}

/** Remove an interaction and its timeline links; returns it, or undefined when it was not there. */
export async function removeInteraction(tx: WriteTx, id: string): Promise<Interaction | undefined> {
  const interaction = await tx.objectStore('interactions').get(id);
  if (!interaction) return undefined;
  const timeline = tx.objectStore('timeline');
  await Promise.all([
    tx.objectStore('interactions').delete(id),
    ...interaction.contactIds.map((contactId) => timeline.delete([contactId, interaction.at, id])),
  ]);
  return interaction;
}

/** The id of an automatic or idempotent entry with this dedupe key, if recorded. */
export async function findByDedupeKey(tx: ReadTx, dedupeKey: string): Promise<Interaction | undefined> {
  return tx.objectStore('interactions').index('by-dedupe').get(dedupeKey);
}

/** When a contact's newest remaining entry happened, if any. */
export async function newestEntryAt(tx: ReadTx, contactId: string): Promise<number | undefined> {
  const cursor = await tx.objectStore('timeline').openCursor(timelineRange(contactId), 'prev');
  return cursor?.value.at;
}

/** How many entries of a contact's timeline happened at or after `since`, by kind. */
export async function countTimelineSince(tx: ReadTx, contactId: string, since: number): Promise<Map<string, number>> {
  const ids = (await tx.objectStore('timeline').getAll(timelineRange(contactId, since))).map((link) => link.interactionId);
  const store = tx.objectStore('interactions');
  const counts = new Map<string, number>();
  for (const entry of await Promise.all(ids.map((id) => store.get(id)))) {
    if (entry) counts.set(entry.kind, (counts.get(entry.kind) ?? 0) + 1);
  }
  return counts;
}
