/**
 * "Open this person": a request from the background (a clicked reminder) to the side panel, kept
 * in chrome.storage.session so a panel that opens after the click, or a woken worker, still sees it.
 */
import { z } from 'zod';
import { storedItem } from './item';

/** An old request is stale: a panel opened much later should not jump to that person. */
const FRESH_FOR_MS = 10 * 60_000;
const OpenPersonRequest = z.object({ contactId: z.uuid(), at: z.number() });
const openPersonItem = storedItem('session:openPerson', OpenPersonRequest);

/** Ask the side panel to show this person's card. */
export async function requestOpenPerson(contactId: string, now = Date.now()): Promise<void> {
  await openPersonItem.set({ contactId, at: now });
}

/** The person a fresh request names, removing the request (it is served once; an unreadable one goes too). */
export async function takeOpenPersonRequest(now = Date.now()): Promise<string | undefined> {
  const request = await openPersonItem.get();
  await openPersonItem.remove();
  return request && now - request.at < FRESH_FOR_MS ? request.contactId : undefined;
}

/** Call `listener` whenever a new request is stored; returns the function that stops listening. */
export function onOpenPersonRequested(listener: () => void): () => void {
  return openPersonItem.watch((request) => {
    if (request) listener();
  });
}
