/** Clearing everything Tend keeps in chrome.storage (delete everything). */
import { browser } from 'wxt/browser';

/**
 * Clear both areas Tend uses: the welcome-once flag, and whatever an earlier Tend left there
 * (local), and the people on each tab (session). Whole areas, not known keys: whatever a later
 * version keeps there goes too.
 */
export async function clearAllStorage(): Promise<void> {
  await browser.storage.local.clear();
  await browser.storage.session.clear();
}
