import { browser } from 'wxt/browser';
import type { SightingMessage } from './protocol';

// Content scripts import only types from protocol.ts: zod stays out of every page's bundle.
// In content scripts `wxt/browser` is Chrome's own `chrome` (wxt.config.ts keeps the polyfill out
// of their builds): MV3's `runtime.sendMessage` returns a promise without it.

/** Report what the page shows to the background. Failures (extension reloaded) are not the page's problem. */
export async function reportSighting(report: Omit<SightingMessage, 'type'>): Promise<void> {
  const sighting: SightingMessage = { type: 'sighting', ...report };
  const sent: Promise<unknown> = browser.runtime.sendMessage(sighting);
  await sent.catch((error: unknown) => {
    console.debug('Tend: could not report the people on this page', error);
  });
}
