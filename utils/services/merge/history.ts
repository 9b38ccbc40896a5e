/** The merges that can still be undone, newest first, for the Search view's "Recent merges". */
import { contactExists } from '../../db/contacts-repo';
import { listOpenMerges } from '../../db/merges-repo';
import { readTx, type TendDatabase } from '../../db/schema';
import type { RecentMerge } from '../../messaging/features/search';

/** Merges not undone whose kept person is still in Tend, newest first. */
export async function recentMerges(db: TendDatabase, limit: number): Promise<RecentMerge[]> {
  const tx = readTx(db, ['merges', 'contacts']);
  const found: RecentMerge[] = (await listOpenMerges(tx, limit)).map((record) => ({
    mergeId: record.id,
    at: record.at,
    keptId: record.keptId,
    keptName: record.keptBefore.displayName,
    mergedName: record.mergedBefore.displayName,
    mergedIdentities: record.mergedBefore.identities.map((identity) => identity.value),
  }));
  const kept = await Promise.all(found.map((merge) => contactExists(tx, merge.keptId)));
  return found.filter((_, i) => kept[i]);
}
