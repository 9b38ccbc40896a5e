import { afterAll, beforeAll, expect, test } from 'vitest';
import { Tend } from './harness';
import { SidePanel } from './pages/side-panel';
import { VirtualDisplay } from './virtual-display';

// Tests of Chrome's own UI (the native context menu, the permission prompt): headed, in a private
// Xvfb display.
let display: VirtualDisplay;
let tend: Tend;
beforeAll(async () => {
  display = await VirtualDisplay.start();
  tend = await Tend.launch('', display.display);
});
afterAll(async () => {
  await tend?.close();
  display?.stop();
});

test('the real context menu: "Log this interaction" on a selection opens the side panel with the entry', async () => {
  const page = await tend.open('https://people.example/notes?tend-fixture=visible-text');
  await page.bringToFront();
  await tend.tabIdOf(page);
  const paragraph = page.locator('p').first();
  const selected = (await paragraph.innerText()).trim();
  await paragraph.selectText();
  await paragraph.click({ button: 'right' });
  await page.waitForTimeout(500);
  // Chrome's menus jump to the item whose title starts with the typed letter: Tend's is the only "L…".
  await display.keys('l');

  const worker = await tend.worker();
  await expect
    .poll(
      () =>
        worker.evaluate(
          (url) =>
            new Promise<unknown>((resolve) => {
              // "Log this interaction" waits as a draft about the page, in Tend's database.
              const open = indexedDB.open('tend');
              open.onsuccess = () => {
                const get = open.result.transaction('drafts').objectStore('drafts').get(`menu:${url}`);
                get.onsuccess = () => resolve((get.result as { draft?: unknown } | undefined)?.draft);
              };
            }),
          page.url(),
        ),
      { timeout: 10_000 },
    )
    .toMatchObject({ text: selected, source: { url: page.url() } });
  // The side panel opened in the click's user gesture, not a fallback notification.
  const cdp = await tend.context.newCDPSession(page);
  const { targetInfos } = await cdp.send('Target.getTargets');
  expect(targetInfos.some((target) => target.url.startsWith(tend.url('sidepanel')))).toBe(true);
});

test('after the user grants all sites in Chrome’s prompt, any page is read without a click', async () => {
  const options = await tend.context.newPage();
  await options.goto(tend.url('options'));
  await options.bringToFront();
  await options.getByRole('button', { name: 'Read all sites' }).click();
  // Chrome's prompt focuses Deny; Tab moves to Allow. On a loaded machine the prompt can take a
  // while to appear (it is browser UI, invisible to Playwright): give it time, and try again once.
  const worker = await tend.worker();
  const granted = () =>
    worker.evaluate(() =>
      (globalThis as unknown as { chrome: { permissions: { contains(p: object): Promise<boolean> } } }).chrome.permissions.contains({
        origins: ['https://*/*'],
      }),
    );
  for (let attempt = 0; attempt < 2 && !(await granted()); attempt++) {
    await options.waitForTimeout(1500);
    await display.keys('Tab', 'Return');
    await expect
      .poll(granted, { timeout: 5_000 })
      .toBe(true)
      .catch(() => undefined);
  }
  expect(await granted()).toBe(true);
  await options.getByRole('list', { name: 'Sites you allowed' }).getByText('All https sites').waitFor({ timeout: 15_000 });

  const page = await tend.open('https://people.example/about?tend-fixture=visible-text');
  const panel = await SidePanel.open(await tend.context.newPage(), tend.url('sidepanel', `?tab=${await tend.tabIdOf(page)}`));
  await expect.poll(() => panel.peopleNames()).toContain('alan@orbit.example');
});
