/**
 * Reads of the `imports` store (database v2) for the services. Import apply and undo, which write
 * it, live in utils/portability/import (moving into the worker; their store access follows after).
 */
import type { ReadTx } from './schema';

/** The ids of the people that imports not undone brought into Tend. */
export async function importedContactIds(tx: ReadTx): Promise<Set<string>> {
  const imports = await tx.objectStore('imports').getAll();
  return new Set(imports.filter((record) => record.undoneAt === undefined).flatMap((record) => record.createdContacts.map((contact) => contact.id)));
}
