import { z } from 'zod';
import { Experience, LoggableKind, MAX_NOTE, Source } from '../model/records';
import { perTabItems, storedItem } from './item';

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

/**
 * A draft the database had no room for (a full disk): kept in chrome.storage.session (in memory,
 * closed to content scripts) under `draft:<what it is about>` until there is room again, so
 * closing the popup still loses nothing.
 */
const SessionDraft = z.object({ key: z.string(), about: z.unknown(), draft: z.unknown(), updatedAt: z.number() });
const sessionDraft = (key: string) => storedItem(`session:draft:${key}`, SessionDraft);

/** Keep a draft in session storage (the database refused it for lack of room). */
export function keepDraftInSession(record: z.infer<typeof SessionDraft>): Promise<void> {
  return sessionDraft(record.key).set(record);
}

/** The draft kept in session storage under this key, unchecked (the caller's schema checks it). */
export async function sessionDraftOf(key: string): Promise<z.infer<typeof SessionDraft> | undefined> {
  return sessionDraft(key).get();
}

/** Forget a draft kept in session storage (saved, or stored in the database again). */
export function forgetSessionDraft(key: string): Promise<void> {
  return sessionDraft(key).remove();
}
