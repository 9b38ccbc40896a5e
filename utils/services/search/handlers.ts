import type { TendDatabase } from '../../db/schema';
import { searchEverything } from '../../search/search';
import { findDuplicates } from '../merge/duplicates';
import { mergeContacts, undoMerge } from '../merge/merge';
import { recentMerges } from '../merge/history';

/** Handlers of the search feature's page requests (see utils/messaging/features/search.ts). */
export function createSearchHandlers(db: Promise<TendDatabase>, clock: () => number) {
  return {
    search: async ({ query, peopleLimit, notesLimit }: { query: string; peopleLimit: number; notesLimit: number }) =>
      searchEverything(await db, query, { people: peopleLimit, notes: notesLimit }),
    findDuplicates: async ({ limit }: { limit: number }) => findDuplicates(await db, limit),
    mergeContacts: async ({ keepId, mergeId }: { keepId: string; mergeId: string }) => mergeContacts(await db, keepId, mergeId, clock()),
    recentMerges: async ({ limit }: { limit: number }) => recentMerges(await db, limit),
    undoMerge: async ({ mergeId }: { mergeId: string }) => undoMerge(await db, mergeId, clock()),
  };
}
