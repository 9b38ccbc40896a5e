import type { Interaction } from '../model';
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

/** A contact's newest interactions, newest first: a reverse walk of its timeline range. */
export async function listTimeline(tx: ReadTx, contactId: string, limit: number): Promise<Interaction[]> {
  const range = IDBKeyRange.bound([contactId, -Infinity, ''], [contactId, Infinity, '\uffff']);
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
