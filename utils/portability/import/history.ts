/** The import history the options page lists, each entry with what Undo would take back. */
import { listRecentImports } from '../../db/imports-repo';
import { readTx } from '../../db/schema';
import type { ImportRecord } from '../../model/import';
import type { ImportsDatabase } from './store';

/** One applied import, summarised. */
export interface ImportSummary {
  id: string;
  at: number;
  source: string;
  createdPeople: number;
  changedPeople: number;
  undoneAt?: number;
}

const summarise = (record: ImportRecord): ImportSummary => ({
  id: record.id,
  at: record.at,
  source: record.source,
  createdPeople: record.createdContacts.length,
  changedPeople: record.changedContacts.length,
  ...(record.undoneAt !== undefined && { undoneAt: record.undoneAt }),
});

/** The most recent imports, newest first. */
export async function listImports(db: ImportsDatabase, limit = 20): Promise<ImportSummary[]> {
  const tx = readTx(db, ['imports']);
  const records = await listRecentImports(tx, limit);
  await tx.done;
  return records.map(summarise);
}
