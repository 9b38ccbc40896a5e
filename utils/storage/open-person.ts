/**
 * "Open this person": a request from the background (a clicked reminder) to the side panel, kept
 * in chrome.storage.session so a panel that opens after the click, or a woken worker, still sees it.
 */
import { browser } from 'wxt/browser';
import { z } from 'zod';

const KEY = 'openPerson';
/** An old request is stale: a panel opened much later should not jump to that person. */
const FRESH_FOR_MS = 10 * 60_000;
const OpenPersonRequest = z.object({ contactId: z.uuid(), at: z.number() });

/** Ask the side panel to show this person's card. */
export async function requestOpenPerson(contactId: string, now = Date.now()): Promise<void> {
  await browser.storage.session.set({ [KEY]: { contactId, at: now } });
}

/** The person a fresh request names, removing the request (it is served once). */
export async function takeOpenPersonRequest(now = Date.now()): Promise<string | undefined> {
  const stored = (await browser.storage.session.get(KEY))[KEY];
  if (stored === undefined) return undefined;
  await browser.storage.session.remove(KEY);
  const parsed = OpenPersonRequest.safeParse(stored);
  return parsed.success && now - parsed.data.at < FRESH_FOR_MS ? parsed.data.contactId : undefined;
}

/** Call `listener` whenever a new request is stored; returns the function that stops listening. */
export function onOpenPersonRequested(listener: () => void): () => void {
  const handle = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'session' && changes[KEY]?.newValue !== undefined) listener();
  };
  browser.storage.onChanged.addListener(handle);
  return () => browser.storage.onChanged.removeListener(handle);
}
