/** The merges that can still be undone, newest first, for the Search view's "Recent merges". */
import type { TendDatabase } from '../../db/schema';
import type { RecentMerge } from '../../messaging/features/search';

/** Merges not undone whose kept person is still in Tend, newest first. */
export async function recentMerges(db: TendDatabase, limit: number): Promise<RecentMerge[]> {
  const tx = db.transaction(['merges', 'contacts'], 'readonly');
  const found: RecentMerge[] = [];
  for (let cursor = await tx.objectStore('merges').index('by-at').openCursor(null, 'prev'); cursor && found.length < limit; cursor = await cursor.continue()) {
    const record = cursor.value;
    if (record.undoneAt !== undefined) continue;
    found.push({
      mergeId: record.id,
      at: record.at,
      keptId: record.keptId,
      keptName: record.keptBefore.displayName,
      mergedName: record.mergedBefore.displayName,
      mergedIdentities: record.mergedBefore.identities.map((identity) => identity.value),
    });
  }
  const kept = await Promise.all(found.map((merge) => tx.objectStore('contacts').getKey(merge.keptId)));
  return found.filter((_, i) => kept[i] !== undefined);
}
