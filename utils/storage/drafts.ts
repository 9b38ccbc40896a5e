import { z } from 'zod';
import { browser } from 'wxt/browser';
import { Experience, LoggableKind, MAX_NOTE, Source } from '../model/records';

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

// Drafts are per tab, in chrome.storage.local so they also survive a browser restart; the
// background deletes a tab's draft when the tab closes.
const keyOf = (tabId: number) => `draft:${tabId}`;

export const emptyDraft = (contactIds: string[] = []): Draft => ({
  text: '',
  kind: 'note',
  contactIds,
  peopleChosen: false,
  requestId: crypto.randomUUID(),
});

/** The tab's draft, or undefined when there is none (or it is unreadable). */
export async function loadDraft(tabId: number): Promise<Draft | undefined> {
  const parsed = Draft.safeParse((await browser.storage.local.get(keyOf(tabId)))[keyOf(tabId)]);
  return parsed.success ? parsed.data : undefined;
}

export async function saveDraft(tabId: number, draft: Draft): Promise<void> {
  await browser.storage.local.set({ [keyOf(tabId)]: draft });
}

export async function clearDraft(tabId: number): Promise<void> {
  await browser.storage.local.remove(keyOf(tabId));
}
