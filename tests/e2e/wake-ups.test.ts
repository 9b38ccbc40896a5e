import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { watchWorker } from '../../bench/worker-watch.mjs';
import { Tend } from './harness';

let tend: Tend;
beforeAll(async () => {
  tend = await Tend.launch();
});
afterAll(() => tend?.close());

/** An ordinary page of a site Tend does not read (granted nothing, so no script of Tend's runs). */
const ordinary = (view: number) => `https://people.example/?tend-fixture=${view % 2 ? 'hcard-v1' : 'mailto-links'}&view=${view}`;

test('ten page views in new tabs and a new window never wake the stopped worker; a Tend page does', async () => {
  // Tend's own pages (the welcome page opened on install) would rightly wake it: close them first.
  await Promise.all(
    tend.context
      .pages()
      .filter((open) => open.url().startsWith('chrome-extension://'))
      .map((open) => open.close()),
  );
  // Watched through the CDP ServiceWorker domain from a blank tab that never navigates. (Playwright's
  // `serviceworker` event is no witness: it did not fire for a restart this watch saw.)
  const watch = await watchWorker(tend.context, `chrome-extension://${tend.extensionId}/`);
  try {
    await watch.stopIdle();
    const pages: Page[] = [];
    // Five views in new tabs of this window, each brought to the front (tab switches, focus).
    for (let view = 1; view <= 5; view++) {
      const page = await tend.open(ordinary(view));
      await page.bringToFront();
      pages.push(page);
    }
    // Two more in one of them (same tab navigations), then three in a new window.
    await pages[0]!.goto(ordinary(6));
    await pages[0]!.goto(ordinary(7));
    const [windowed] = await Promise.all([
      tend.context.waitForEvent('page'),
      pages[1]!.evaluate((url) => window.open(url, '_blank', 'popup,width=600,height=500'), ordinary(8)),
    ]);
    await windowed.waitForLoadState('load');
    await windowed.goto(ordinary(9));
    await windowed.goto(ordinary(10));
    await windowed.bringToFront();
    await pages[2]!.bringToFront();
    // Closing tabs and the window is ordinary browsing too.
    await windowed.close();
    for (const page of pages) await page.close();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(watch.starts()).toBe(0);

    // The watch can fail: a Tend page asking the worker something starts it, and the watch sees it.
    const options = await tend.open(tend.url('options'));
    await expect.poll(() => watch.starts(), { timeout: 10_000 }).toBe(1);
    await options.close();
  } finally {
    await watch.close();
  }
});
