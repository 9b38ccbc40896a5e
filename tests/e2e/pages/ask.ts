import type { Page } from 'playwright-core';
import type { PageRequest, PageResult } from '../../../utils/messaging/protocol';

/**
 * Ask the background what an extension page may ask, from that page (the panel's own way in:
 * the router checks the sender and the schema validates the request). Throws on a refusal.
 */
export function askBackground<T extends PageRequest['type']>(page: Page, request: PageRequest & { type: T }): Promise<PageResult<T>> {
  return page.evaluate(
    async (message) => {
      const chrome = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<{ ok: boolean; data?: unknown; error?: unknown }> } } })
        .chrome;
      const reply = await chrome.runtime.sendMessage(message);
      if (!reply.ok) throw new Error(`${message.type}: ${JSON.stringify(reply.error)}`);
      return reply.data;
    },
    request as object & { type: string },
  ) as Promise<PageResult<T>>;
}
