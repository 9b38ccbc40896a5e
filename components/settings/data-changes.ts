/** Telling the other open Tend pages (side panel, popup) which people a bulk change touched. */
import type { TendDatabase } from '../../utils/db/schema';
import { broadcast } from '../../utils/messaging/client';

/** Broadcast `changed` for these people; nobody listening is fine. */
export function announceChanged(contactIds: readonly string[]): Promise<void> {
  return broadcast({ type: 'changed', contactIds: [...new Set(contactIds)] });
}

/** The people an import created or added to, from its record in the import history. */
export async function peopleOfImport(db: TendDatabase, importId: string): Promise<string[]> {
  const record = await db.get('imports', importId);
  if (!record) return [];
  return [...record.createdContacts.map((contact) => contact.id), ...record.changedContacts.map((change) => change.after.id)];
}
