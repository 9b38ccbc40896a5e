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
