import { z } from 'zod';
import { Experience, LoggableKind, MAX_NOTE, Source } from '../model/records';
import { perTabItems } from './item';

/** A quick note being written: saved on every keystroke so a closed popup loses nothing. */
export const Draft = z.object({
  text: z.string().max(MAX_NOTE),
  kind: LoggableKind,
  experience: Experience.optional(),
  contactIds: z.array(z.uuid()).max(50),
  /** True once the user changed who the note is for: the page's people no longer replace them. */
  peopleChosen: z.boolean(),
  /** Kept until the save succeeds, so a retry (or a second click) logs once. */
  requestId: z.uuid(),
  /** The page the note is about, when it came from "Log this interaction". */
  source: Source.optional(),
  /** Started from the context menu: the side panel shows it for the user to pick people and save. */
  fromMenu: z.boolean().optional(),
});
export type Draft = z.infer<typeof Draft>;

// Drafts are per tab (key `draft:<tabId>`), in chrome.storage.local so they also survive a
// browser restart; the background deletes a tab's draft when the tab closes.
const drafts = perTabItems('local:draft:', Draft);

export const emptyDraft = (contactIds: string[] = []): Draft => ({
  text: '',
  kind: 'note',
  contactIds,
  peopleChosen: false,
  requestId: crypto.randomUUID(),
});

/** The tab's draft, or undefined when there is none (or it is unreadable). */
export function loadDraft(tabId: number): Promise<Draft | undefined> {
  return drafts.of(tabId).get();
}

/** Keep the tab's draft (on every keystroke). */
export function saveDraft(tabId: number, draft: Draft): Promise<void> {
  return drafts.of(tabId).set(draft);
}

/** Forget the tab's draft (saved, or the tab closed). */
export function clearDraft(tabId: number): Promise<void> {
  return drafts.of(tabId).remove();
}

/** Call `listener` with the tab's draft whenever it changes; returns the function that stops listening. */
export function watchDraft(tabId: number, listener: (draft: Draft | undefined) => void): () => void {
  return drafts.of(tabId).watch(listener);
}
