/** The records an applied (or undone) import touched, from its record in the import history. */
import type { TendDatabase } from '../../db/schema';
import type { BulkChange } from './after-bulk-write';

/** The people an import created or added to, and the entries it added. */
export async function changesOfImport(db: TendDatabase, importId: string): Promise<BulkChange> {
  const record = await db.get('imports', importId);
  return {
    kind: 'records',
    contactIds: record ? [...record.createdContacts.map((contact) => contact.id), ...record.changedContacts.map((change) => change.after.id)] : [],
    interactionIds: record?.addedInteractionIds ?? [],
  };
}
