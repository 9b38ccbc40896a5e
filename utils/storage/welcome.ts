/** When the welcome page was opened for this profile's data, so it opens once, whatever Chrome reports. */
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
