/** The import history the options page lists, each entry with what Undo would take back. */
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

/** The most recent imports, newest first: a reverse walk of the `by-at` index. */
export async function listImports(db: ImportsDatabase, limit = 20): Promise<ImportSummary[]> {
  const summaries: ImportSummary[] = [];
  const tx = db.transaction('imports', 'readonly');
  for (let cursor = await tx.store.index('by-at').openCursor(null, 'prev'); cursor && summaries.length < limit; cursor = await cursor.continue()) {
    summaries.push(summarise(cursor.value));
  }
  await tx.done;
  return summaries;
}
