import { browser } from 'wxt/browser';
import type { SightingMessage } from './protocol';

// Content scripts import only types from protocol.ts: zod stays out of every page's bundle.

/** Report what the page shows to the background. Failures (extension reloaded) are not the page's problem. */
export async function reportSighting(report: Omit<SightingMessage, 'type'>): Promise<void> {
  const sighting: SightingMessage = { type: 'sighting', ...report };
  await browser.runtime.sendMessage(sighting).catch((error: unknown) => {
    console.debug('Tend: could not report the people on this page', error);
  });
}
