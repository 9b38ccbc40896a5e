import type { TendDatabase } from '../db/schema';
import { broadcast } from '../messaging/client';
import { searchEverything } from '../search/search';
import { findDuplicates } from './duplicates';
import { mergeContacts, undoMerge } from './merge';
import { recentMerges } from './merge-history';

/** Handlers of the search feature's page requests (see utils/messaging/features/search.ts). */
export function createSearchHandlers(db: Promise<TendDatabase>, clock: () => number) {
  return {
    search: async ({ query, peopleLimit, notesLimit }: { query: string; peopleLimit: number; notesLimit: number }) =>
      searchEverything(await db, query, { people: peopleLimit, notes: notesLimit }),
    findDuplicates: async ({ limit }: { limit: number }) => findDuplicates(await db, limit),
    async mergeContacts({ keepId, mergeId }: { keepId: string; mergeId: string }) {
      const outcome = await mergeContacts(await db, keepId, mergeId, clock());
      await broadcast({ type: 'changed', contactIds: [keepId, mergeId] });
      return outcome;
    },
    recentMerges: async ({ limit }: { limit: number }) => recentMerges(await db, limit),
    async undoMerge({ mergeId }: { mergeId: string }) {
      const outcome = await undoMerge(await db, mergeId, clock());
      await broadcast({ type: 'changed', contactIds: [outcome.kept.id, outcome.restored.id] });
      return outcome;
    },
  };
}
