import type { Interaction } from '../model/records';
import type { ReadTx, WriteTx } from './schema';

/** Store an interaction and link it into the timeline of each of its contacts. */
export async function addInteraction(tx: WriteTx, interaction: Interaction): Promise<void> {
  const timeline = tx.objectStore('timeline');
  await Promise.all([
    tx.objectStore('interactions').add(interaction),
    ...interaction.contactIds.map((contactId) =>
      timeline.put({ contactId, at: interaction.at, interactionId: interaction.id }),
    ),
  ]);
}

/** True when an automatic entry with this dedupe key was already recorded. */
export async function hasDedupeKey(tx: ReadTx, dedupeKey: string): Promise<boolean> {
  return (await tx.objectStore('interactions').index('by-dedupe').count(dedupeKey)) > 0;
}

/** Where a timeline page ends: the last entry shown. */
export interface TimelineCursor {
  at: number;
  id: string;
}

/**
 * A contact's interactions newest first: a reverse walk of its timeline range, `limit` at a
 * time, starting after `before` (the last entry of the previous page) when given.
 */
export async function listTimeline(tx: ReadTx, contactId: string, limit: number, before?: TimelineCursor): Promise<Interaction[]> {
  const upper = before ? [contactId, before.at, before.id] : [contactId, Infinity, '\uffff'];
  const range = IDBKeyRange.bound([contactId, -Infinity, ''], upper, false, before !== undefined);
  const ids: string[] = [];
  for (
    let cursor = await tx.objectStore('timeline').openCursor(range, 'prev');
    cursor && ids.length < limit;
    cursor = await cursor.continue()
  ) {
    ids.push(cursor.value.interactionId);
  }
  const store = tx.objectStore('interactions');
  const found = await Promise.all(ids.map((id) => store.get(id)));
  return found.filter((interaction): interaction is Interaction => interaction !== undefined);
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
  const range = IDBKeyRange.bound([contactId, -Infinity, ''], [contactId, Infinity, '\uffff']);
  const cursor = await tx.objectStore('timeline').openCursor(range, 'prev');
  return cursor?.value.at;
}

/** How many entries of a contact's timeline happened at or after `since`, by kind. */
export async function countTimelineSince(tx: ReadTx, contactId: string, since: number): Promise<Map<string, number>> {
  const range = IDBKeyRange.bound([contactId, since, ''], [contactId, Infinity, '\uffff']);
  const ids = (await tx.objectStore('timeline').getAll(range)).map((link) => link.interactionId);
  const store = tx.objectStore('interactions');
  const counts = new Map<string, number>();
  for (const entry of await Promise.all(ids.map((id) => store.get(id)))) {
    if (entry) counts.set(entry.kind, (counts.get(entry.kind) ?? 0) + 1);
  }
  return counts;
}
