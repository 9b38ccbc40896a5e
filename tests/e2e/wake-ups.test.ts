import { afterAll, beforeAll, expect, test } from 'vitest';
import { Tend } from './harness';

let tend: Tend;
beforeAll(async () => {
  tend = await Tend.launch();
});
afterAll(() => tend?.close());

test('ten page views on sites Tend does not read never wake its stopped service worker', async () => {
  const page = await tend.open('https://people.example/?tend-fixture=mailto-links&view=0');
  // Tend's own pages (the welcome page opened on install) would rightly wake it: close them first.
  await Promise.all(
    tend.context
      .pages()
      .filter((open) => open.url().startsWith('chrome-extension://'))
      .map((open) => open.close()),
  );
  const { runningAgain } = await tend.stopServiceWorker(page);
  let woke = false;
  void runningAgain().then(() => (woke = true));
  for (let view = 1; view <= 10; view++) {
    await page.goto(`https://people.example/?tend-fixture=${view % 2 ? 'hcard-v1' : 'mailto-links'}&view=${view}`);
    await page.waitForLoadState('load');
  }
  // Also a new tab and a closed one: neither is Tend's business.
  const other = await tend.open('https://people.example/?tend-fixture=hcard-v2');
  await other.close();
  await new Promise((resolve) => setTimeout(resolve, 1500));
  expect(woke).toBe(false);
  // The same CDP watch does see the worker start when something Tend serves asks it: the check can fail.
  await tend.open(tend.url('options'));
  await expect.poll(() => woke, { timeout: 10_000 }).toBe(true);
});
