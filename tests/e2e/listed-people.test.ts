import { afterEach, beforeEach, expect, test } from 'vitest';
import { seriousViolations } from './axe';
import { Tend } from './harness';
import { SidePanel } from './pages/side-panel';

// A fresh browser per test: each starts with no people known.
let tend: Tend;
beforeEach(async () => {
  tend = await Tend.launch();
});
afterEach(() => tend?.close());

test('a team page read by a click lists forty people and saves none until one is added; its mailboxes are listed apart', async () => {
  const page = await tend.open('https://people.example/team?tend-fixture=team-forty');
  const tabId = await tend.tabIdOf(page);
  const panel = await SidePanel.open(await tend.context.newPage(), tend.url('sidepanel', `?tab=${tabId}`));
  await page.bringToFront();
  await tend.clickToolbarButton(page);
  await expect.poll(() => panel.people.count()).toBe(40);
  expect(await panel.peopleList.getByRole('button', { name: /^Add to Tend: / }).count()).toBe(40);
  const teams = panel.page.getByRole('list', { name: 'Teams and mailboxes on this page' });
  await panel.page.getByRole('heading', { name: 'Teams and mailboxes' }).waitFor();
  expect(await teams.locator('.person-address').allInnerTexts()).toEqual(['tips@society.example', 'press@society.example', 'members@lists.society.example']);
  // noreply@ is left out altogether (the default "ignore automated senders"); none is a person.
  expect(await panel.peopleList.innerText()).not.toMatch(/tips@|press@|noreply@|members@/);
  expect(await tend.contactCount()).toBe(0);

  for (const scheme of ['light', 'dark'] as const) expect(await seriousViolations(panel.page, scheme)).toEqual([]);

  await panel.page.getByRole('button', { name: 'Add to Tend: Grace Hopper' }).click();
  await panel.card.getByRole('heading', { name: 'Grace Hopper', level: 2 }).waitFor();
  await panel.peopleList.getByRole('button', { name: /Grace Hopper/, pressed: true }).waitFor();
  expect(await panel.peopleList.getByRole('button', { name: /^Add to Tend: / }).count()).toBe(39);
  expect(await tend.contactCount()).toBe(1);

  // Reading the page again and reopening the panel: still exactly one saved, shown as known.
  await page.bringToFront();
  await tend.clickToolbarButton(page);
  await panel.page.reload();
  await expect.poll(() => panel.people.count()).toBe(40);
  await panel.peopleList.getByRole('button', { name: /Grace Hopper/ }).waitFor();
  expect(await panel.peopleList.getByRole('button', { name: /^Add to Tend: / }).count()).toBe(39);
  expect(await tend.contactCount()).toBe(1);
  await Promise.all([page.close(), panel.page.close()]);
});
