import type { TendDatabase } from '../db/schema';

/** Handlers of the search feature's page requests (see utils/messaging/features/search.ts). */
export function createSearchHandlers(_db: Promise<TendDatabase>, _clock: () => number) {
  return {};
}
