import type { Browser } from 'wxt/browser';

/** Who sent a message, as far as the router's permission checks are concerned. */
export type SenderRole = { role: 'content'; tabId: number; pageUrl: string } | { role: 'page' } | { role: 'foreign'; why: string };

/**
 * Classify a sender: our own extension pages (side panel, popup, options) by their origin; our
 * own content scripts by a tab and a web URL; anything else is foreign and is refused.
 */
export function classifySender(sender: Browser.runtime.MessageSender, extensionId: string, extensionOrigin: string): SenderRole {
  if (sender.id !== extensionId) return { role: 'foreign', why: `sender id ${String(sender.id)} is not Tend` };
  const url = sender.url ?? '';
  if (url.startsWith(extensionOrigin)) return { role: 'page' };
  const tabId = sender.tab?.id;
  if (tabId === undefined || tabId < 0) return { role: 'foreign', why: 'content message without a tab' };
  // Only the top frame speaks for a tab: an embedded frame must not set the tab's people.
  if (sender.frameId !== undefined && sender.frameId !== 0) return { role: 'foreign', why: 'message from a sub-frame' };
  return { role: 'content', tabId, pageUrl: url };
}
