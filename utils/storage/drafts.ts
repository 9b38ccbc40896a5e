import { z } from 'zod';
import { Experience, LoggableKind, MAX_NOTE, Source } from '../model/records';
import { perTabItems } from './item';

/**
 * A quick note's draft as Tend up to database v4 kept it: per tab (key `draft:<tabId>`) in
 * chrome.storage.local. Drafts now live in the worker's IndexedDB (utils/model/drafts.ts); this
 * is read once, at worker start, to move what users still have (utils/services/drafts/migrate-storage.ts).
 */
export const LegacyTabDraft = z.object({
  text: z.string().max(MAX_NOTE),
  kind: LoggableKind,
  experience: Experience.optional(),
  contactIds: z.array(z.uuid()).max(50),
  peopleChosen: z.boolean(),
  requestId: z.uuid(),
  source: Source.optional(),
  fromMenu: z.boolean().optional(),
});
export type LegacyTabDraft = z.infer<typeof LegacyTabDraft>;

const legacyDrafts = perTabItems('local:draft:', LegacyTabDraft);

/** Every tab's draft still in chrome.storage.local, by tab id. */
export function loadLegacyTabDrafts(): Promise<Map<number, LegacyTabDraft>> {
  return legacyDrafts.all();
}

/** Remove a tab's old draft (moved to the database). */
export function removeLegacyTabDraft(tabId: number): Promise<void> {
  return legacyDrafts.of(tabId).remove();
}
