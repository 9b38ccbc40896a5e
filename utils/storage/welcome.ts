/**
 * When the welcome page was opened for this profile's data, so it opens once, whatever Chrome reports.
 * Kept in chrome.storage.local, unlike the settings (in the database since v6): it is neither typed
 * by the user nor decisive for what Tend records (a page that could change it would at worst
 * show the welcome tab again; the area is closed to content scripts anyway, utils/storage/access.ts),
 * and `runtime.onInstalled` reads it without waiting for the database to open and upgrade, which a
 * large or full-disk database can make slow or fail.
 */
import { z } from 'zod';
import { storedItem } from './item';

const welcomeShownAtItem = storedItem('local:welcomeShownAt', z.number().int().nonnegative());

/**
 * Record that the welcome page is shown now; false when it already was. Chrome reports "install"
 * again at every start for an extension loaded with --load-extension (developers, the demo, tests).
 */
export async function claimWelcome(now = Date.now()): Promise<boolean> {
  if ((await welcomeShownAtItem.get()) !== undefined) return false;
  await welcomeShownAtItem.set(now);
  return true;
}
