import type { Contact, Interaction } from '../model/records';
import type { TendDatabase } from './schema';

/** People and entries by id, read in one transaction (undefined where one is gone). */
export async function readRecords(
  db: TendDatabase,
  contactIds: readonly string[],
  interactionIds: readonly string[],
): Promise<{ contacts: Map<string, Contact | undefined>; interactions: Map<string, Interaction | undefined> }> {
  const tx = db.transaction(['contacts', 'interactions'], 'readonly');
  const [contacts, interactions] = await Promise.all([
    Promise.all(contactIds.map(async (id) => [id, await tx.objectStore('contacts').get(id)] as const)),
    Promise.all(interactionIds.map(async (id) => [id, await tx.objectStore('interactions').get(id)] as const)),
  ]);
  return { contacts: new Map(contacts), interactions: new Map(interactions) };
}

/**
 * Every person or entry, in key order, read a page of `pageSize` per transaction: a full read of a
 * large store never holds one long transaction (the caller may do other work between pages).
 */
export async function* readAllRecords<S extends 'contacts' | 'interactions'>(db: TendDatabase, store: S, pageSize: number) {
  let after: string | undefined;
  for (;;) {
    const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
    const page = await db.getAll(store, range, pageSize);
    yield* page;
    if (page.length < pageSize) return;
    after = page.at(-1)!.id;
  }
}
