import { afterAll, beforeAll, expect, test } from 'vitest';
import { seriousAxeFindings } from './axe';
import { Tend } from './harness';
import { SidePanel } from './pages/side-panel';

let tend: Tend;
beforeAll(async () => {
  tend = await Tend.launch();
});
afterAll(() => tend?.close());

const CLICK_TO_READ = 'Click Tend on this page to read it';

test('the side panel on an ordinary page says "Click Tend on this page", and its button reads the page', async () => {
  // Without a click on Tend, Chrome refuses: the panel says what to do, not Chrome's words.
  const page = await tend.open('https://people.example/about?tend-fixture=json-ld-person');
  const panel = await SidePanel.open(await tend.context.newPage(), tend.url('sidepanel', `?tab=${await tend.tabIdOf(page)}`));
  await panel.page.getByText(CLICK_TO_READ).waitFor();
  expect(await seriousAxeFindings(panel.page)).toEqual([]);
  await panel.page.getByRole('button', { name: 'Read this page' }).click();
  await panel.page.getByText('Chrome lets Tend read this page only after you click Tend’s icon').waitFor();
  expect(await panel.page.locator('main').innerText()).not.toMatch(/Cannot access|manifest/);

  // Clicking Tend's icon grants activeTab for the tab (the popup reads this page); the next page of
  // the same site, reached by a link, starts unread with the grant still standing.
  await page.bringToFront();
  await tend.clickToolbarButton(page);
  await Promise.all([page.waitForURL(/\/team/), page.evaluate(() => location.assign('/team?tend-fixture=mailto-links'))]);
  await panel.page.bringToFront();
  await expect.poll(() => panel.page.getByText(CLICK_TO_READ).count()).toBe(1);
  await panel.page.waitForTimeout(500);
  expect(await panel.peopleNames()).toEqual([]);

  await panel.page.getByRole('button', { name: 'Read this page' }).click();
  await expect.poll(() => panel.peopleNames()).toEqual(expect.arrayContaining(['Ada Lovelace', 'Grace Hopper', 'Christine Darden']));
  await Promise.all([page.close(), panel.page.close()]);
});

test('pages no extension may read: the side panel and the popup say so in plain words, not Chrome’s', async () => {
  const page = await tend.open('chrome://version');
  const tabId = await tend.tabIdOf(page);
  const panel = await SidePanel.open(await tend.context.newPage(), tend.url('sidepanel', `?tab=${tabId}`));
  await panel.page.getByText(CLICK_TO_READ).waitFor(); // Chrome hides the tab's address from Tend until it reads
  await panel.page.getByRole('button', { name: 'Read this page' }).click();
  await panel.page.getByText('Chrome does not let extensions read its own pages').waitFor();
  expect(await panel.page.locator('main').innerText()).not.toMatch(/chrome:\/\/ URL|Cannot access/);

  const popup = await tend.context.newPage();
  await popup.goto(tend.url('popup', `?tab=${tabId}`));
  await popup.getByText('Chrome does not let extensions read its own pages').waitFor();
  expect(await popup.locator('main').innerText()).not.toMatch(/chrome:\/\/ URL|Cannot access/);
  await Promise.all([page.close(), panel.page.close(), popup.close()]);
});

test('on one of Tend’s own pages the side panel says what it is', async () => {
  const page = await tend.open(tend.url('welcome'));
  const panel = await SidePanel.open(await tend.context.newPage(), tend.url('sidepanel', `?tab=${await tend.tabIdOf(page)}`));
  await panel.page.getByText('This is one of Tend’s own pages.').waitFor();
  expect(await panel.page.getByRole('button', { name: 'Read this page' }).count()).toBe(0);
  await Promise.all([page.close(), panel.page.close()]);
});
