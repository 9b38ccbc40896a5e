import { mkdirSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';

/** Where pictures go for a person to look at: set TEND_SCREENSHOTS=<dir>; unset, none are taken. */
export const SHOTS_DIR = process.env.TEND_SCREENSHOTS;

/**
 * Pictures of a page (or one part of it) as it is now: light and dark at `width`, and light 360 px
 * wide (the narrowest side panel). Named `<name>-<scheme>-<width>.png`; leaves the page light.
 */
export async function keepScreenshots(target: Page | Locator, name: string, width = 800): Promise<void> {
  if (!SHOTS_DIR) return;
  const page = 'page' in target ? target.page() : target;
  mkdirSync(SHOTS_DIR, { recursive: true });
  for (const [scheme, w] of [
    ['light', width],
    ['dark', width],
    ['light', 360],
  ] as const) {
    await page.setViewportSize({ width: w, height: 900 });
    await page.emulateMedia({ colorScheme: scheme });
    const path = `${SHOTS_DIR}/${name}-${scheme}-${w}.png`;
    if ('page' in target) await target.screenshot({ path });
    else await target.screenshot({ path, fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}
