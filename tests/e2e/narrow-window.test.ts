import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousAxeFindings } from './axe';
import { askBackground } from './pages/ask';
import { OptionsPage } from './pages/options';
import { SidePanel } from './pages/side-panel';
import { keepScreenshots } from './screenshots';
import { headedTend } from './virtual-display';

// Narrow windows as a user has them: headed (in a private Xvfb display), so scrollbars take room
// as they do on the desktop; headless Chromium's take none and hid both defects (issues 14, 18).
// Set TEND_SCREENSHOTS=<dir> to keep pictures of both pages, light and dark.

const headed = headedTend();

const NAME = 'Mary Winston Jackson-Featherstonehaugh-Montgomery';

/** The right edges of the card's Pin and × buttons, and the width the page has for its content. */
async function headerEdges(panel: SidePanel) {
  const right = async (name: string) => {
    const box = (await panel.card.getByRole('button', { name }).boundingBox())!;
    return box.x + box.width;
  };
  return { pin: await right('Pin'), close: await right('Close card'), room: await panel.page.evaluate(() => document.documentElement.clientWidth) };
}

/** How far the page scrolls sideways: 0 or less when nothing is wider than the window. */
const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test('a 360 px side panel: a card with a long name, organisation, title, tags and stage keeps Pin and × in view, scrolling or not; nothing scrolls sideways', async () => {
  const gmail = await headed.tend.openGmail('app', '#inbox/FMfcgzQZTLnpWvpbLkvKqrbGrqzvDJXp');
  const tabId = await headed.tend.tabIdOf(gmail);
  const page = await headed.tend.context.newPage();
  await page.setViewportSize({ width: 360, height: 600 });
  const panel = await SidePanel.open(page, headed.tend.url('sidepanel', `?tab=${tabId}`));
  await panel.openPerson('Mary Jackson');
  const contactId = (await askBackground(page, { type: 'getTabPeople', tabId }))!.people.find((p) => p.displayName === 'Mary Jackson')!.contactId!;
  await askBackground(page, {
    type: 'updateContact',
    contactId,
    patch: {
      displayName: NAME,
      org: 'Langley Memorial Aeronautical Laboratory Compressibility Research Division',
      title: 'Principal Aerospace Engineer and Federal Women’s Program Manager',
      stage: 'customer',
      tags: ['supersonic-pressure-tunnel', 'human-computers', 'hampton-virginia'],
    },
  });
  await panel.card.getByRole('heading', { name: NAME, level: 2 }).waitFor();

  // Taller than the panel: it scrolls, and the scrollbar takes its room.
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeGreaterThan(600);
  const scrolling = await headerEdges(panel);
  expect(scrolling.room).toBeLessThan(360);
  expect(Math.max(scrolling.pin, scrolling.close)).toBeLessThanOrEqual(scrolling.room);
  expect(await sideways(page)).toBeLessThanOrEqual(0);

  // As tall as the card (a full-page screenshot, a card that shrinks): the header stays where it
  // was; before, it moved 15 px right and the screenshot, as wide as the scrolling page, cut × off.
  await page.setViewportSize({ width: 360, height: await page.evaluate(() => document.documentElement.scrollHeight) });
  const still = await headerEdges(panel);
  expect({ pin: still.pin, close: still.close }).toEqual({ pin: scrolling.pin, close: scrolling.close });
  expect(Math.max(still.pin, still.close)).toBeLessThanOrEqual(still.room);
  expect(await sideways(page)).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 360, height: 600 });

  await keepScreenshots(page, 'narrow-card', 360);
  expect(await seriousAxeFindings(page)).toEqual([]);
});

test('the options page in a 360 px window and in the narrowest (320 px) fits: nothing scrolls sideways, light and dark', async () => {
  const page = await headed.tend.context.newPage();
  for (const width of [360, 320]) {
    await page.setViewportSize({ width, height: 800 });
    const options = await OptionsPage.open(page, headed.tend.url('options'));
    // Every section has come (the sync form and the data sections load after the settings).
    await options.page.getByLabel('Server address').waitFor();
    await options.page.getByRole('button', { name: 'Delete everything' }).waitFor();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await sideways(page)).toBeLessThanOrEqual(0);
      // The keep-in-touch row, the widest, wraps inside the page.
      const add = (await page.getByRole('region', { name: 'Keep in touch', exact: true }).getByRole('button', { name: 'Add' }).boundingBox())!;
      expect(add.x + add.width).toBeLessThanOrEqual(await page.evaluate(() => document.documentElement.clientWidth));
    }
    await keepScreenshots(page, 'narrow-options', width);
  }
});
