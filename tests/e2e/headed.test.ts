import { expect, test } from 'vitest';
import { SidePanel } from './pages/side-panel';
import { headedTend } from './virtual-display';

// Tests of Chrome's own UI (the native context menu, the permission prompt): headed, in a private
// Xvfb display.
const headed = headedTend();

test('the real context menu: "Log this interaction" on a selection opens the side panel with the entry', async () => {
  const page = await headed.tend.open('https://people.example/notes?tend-fixture=visible-text');
  await page.bringToFront();
  await headed.tend.tabIdOf(page);
  const paragraph = page.locator('p').first();
  const selected = (await paragraph.innerText()).trim();
  const worker = await headed.tend.worker();
  // "Log this interaction" waits as a draft about the page, in Tend's database.
  const menuDraft = () =>
    worker.evaluate(
      (url) =>
        new Promise<unknown>((resolve) => {
          const open = indexedDB.open('tend');
          open.onsuccess = () => {
            const get = open.result.transaction('drafts').objectStore('drafts').get(`menu:${url}`);
            get.onsuccess = () => resolve((get.result as { draft?: unknown } | undefined)?.draft);
          };
        }),
      page.url(),
    );
  // Chrome's menus jump to the item whose title starts with the typed letter: Tend's is the only
  // "L…". On a loaded machine the menu may open after the key is pressed (the key then goes to the
  // page, harmlessly): the user's gesture is tried again, up to three times.
  for (let attempt = 1; attempt <= 3; attempt++) {
    await paragraph.selectText();
    await paragraph.click({ button: 'right' });
    await page.waitForTimeout(500 * attempt);
    await headed.display.keys('l');
    const saved = await expect
      .poll(menuDraft, { timeout: 5_000 })
      .toBeDefined()
      .then(
        () => true,
        () => false,
      );
    if (saved) break;
    await headed.display.keys('Escape');
  }
  expect(await menuDraft()).toMatchObject({ text: selected, source: { url: page.url() } });
  // The side panel opened in the click's user gesture, not a fallback notification.
  const cdp = await headed.tend.context.newCDPSession(page);
  const { targetInfos } = await cdp.send('Target.getTargets');
  expect(targetInfos.some((target) => target.url.startsWith(headed.tend.url('sidepanel')))).toBe(true);
});

test('after the user grants all sites in Chrome’s prompt, any page is read without a click', async () => {
  const options = await headed.tend.context.newPage();
  await options.goto(headed.tend.url('options'));
  await options.bringToFront();
  await options.getByRole('button', { name: 'Read all sites' }).click();
  // Chrome's prompt focuses Deny; Tab moves to Allow. On a loaded machine the prompt can take a
  // while to appear (it is browser UI, invisible to Playwright): give it time, and try again once.
  const worker = await headed.tend.worker();
  const granted = () =>
    worker.evaluate(() =>
      (globalThis as unknown as { chrome: { permissions: { contains(p: object): Promise<boolean> } } }).chrome.permissions.contains({
        origins: ['https://*/*'],
      }),
    );
  for (let attempt = 0; attempt < 2 && !(await granted()); attempt++) {
    await options.waitForTimeout(1500);
    await headed.display.keys('Tab', 'Return');
    await expect
      .poll(granted, { timeout: 5_000 })
      .toBe(true)
      .catch(() => undefined);
  }
  expect(await granted()).toBe(true);
  await options.getByRole('list', { name: 'Sites you allowed' }).getByText('All https sites').waitFor({ timeout: 15_000 });

  const page = await headed.tend.open('https://people.example/about?tend-fixture=visible-text');
  const panel = await SidePanel.open(await headed.tend.context.newPage(), headed.tend.url('sidepanel', `?tab=${await headed.tend.tabIdOf(page)}`));
  await expect.poll(() => panel.peopleNames()).toContain('alan@orbit.example');
});
