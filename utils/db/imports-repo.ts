/** The `imports` store (database v2): one record per applied import, so it can be undone. */
import type { ImportRecord } from '../model/import';
import type { ReadTx, WriteTx } from './schema';

/** The ids of the people that imports not undone brought into Tend. */
export async function importedContactIds(tx: ReadTx): Promise<Set<string>> {
  const imports = await tx.objectStore('imports').getAll();
  return new Set(imports.filter((record) => record.undoneAt === undefined).flatMap((record) => record.createdContacts.map((contact) => contact.id)));
}

/** An import's record by id. */
export function getImport(tx: ReadTx, id: string): Promise<ImportRecord | undefined> {
  return tx.objectStore('imports').get(id);
}

/** True when an import with this id was already applied (a key read). */
export async function importExists(tx: ReadTx, id: string): Promise<boolean> {
  return (await tx.objectStore('imports').getKey(id)) !== undefined;
}

/** Record an applied import; one with the same id already there fails the transaction. */
export async function addImport(tx: WriteTx, record: ImportRecord): Promise<void> {
  await tx.objectStore('imports').add(record);
}

/** The most recent imports, newest first, at most `limit`: a reverse walk of the `by-at` index. */
export async function listRecentImports(tx: ReadTx, limit: number): Promise<ImportRecord[]> {
  const records: ImportRecord[] = [];
  for (
    let cursor = await tx.objectStore('imports').index('by-at').openCursor(null, 'prev');
    cursor && records.length < limit;
    cursor = await cursor.continue()
  ) {
    records.push(cursor.value);
  }
  return records;
}

/** Mark an import as undone at `at` (its record is kept, for the history). */
export async function markImportUndone(tx: WriteTx, record: ImportRecord, at: number): Promise<void> {
  await tx.objectStore('imports').put({ ...record, undoneAt: at });
}
