/**
 * "Open this person": a request from the background (a clicked reminder) to the side panel, kept
 * in chrome.storage.session so a panel that opens after the click, or a woken worker, still sees it.
 */
import { z } from 'zod';
import { perTabItems, storedItem } from './item';

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

/** The person whose card a side panel shows for a tab (session `card:<tabId>`), for the popup's note. */
const ShownCard = z.object({ contactId: z.uuid(), at: z.number() });
const shownCards = perTabItems('session:card:', ShownCard);

/** A side panel shows this person's card for the tab. */
export async function setShownCard(tabId: number, contactId: string, now = Date.now()): Promise<void> {
  await shownCards.of(tabId).set({ contactId, at: now });
}

/** The card was closed (or its panel): forget it, unless another card has replaced it since. */
export async function clearShownCard(tabId: number, contactId: string): Promise<void> {
  if ((await shownCards.of(tabId).get())?.contactId === contactId) await shownCards.of(tabId).remove();
}

/** The person whose card a side panel shows for the tab, if any. */
export async function getShownCard(tabId: number): Promise<string | undefined> {
  return (await shownCards.of(tabId).get())?.contactId;
}
