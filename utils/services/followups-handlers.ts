import type { TendDatabase } from '../db/schema';

/** Handlers of the followups feature's page requests (see utils/messaging/features/followups.ts). */
export function createFollowUpHandlers(_db: Promise<TendDatabase>, _clock: () => number) {
  return {};
}
