import { afterAll, beforeAll, expect, test } from 'vitest';
import { Tend } from './harness';
import { SidePanel } from './pages/side-panel';

let tend: Tend;
beforeAll(async () => {
  tend = await Tend.launch();
});
afterAll(() => tend?.close());

async function panelFor(tabId: number): Promise<SidePanel> {
  return SidePanel.open(await tend.context.newPage(), tend.url('sidepanel', `?tab=${tabId}`));
}

test('a GitHub profile: the person with their address and profile URL, one contact', async () => {
  const page = await tend.open('https://github.com/GraceH?tend-fixture=profile-with-email');
  const panel = await panelFor(await tend.tabIdOf(page));
  await expect.poll(() => panel.peopleNames()).toEqual(['Grace Brewster Hopper']);
  await panel.openPerson('Grace Brewster Hopper');
  expect(await panel.card.getByRole('list', { name: 'Addresses' }).innerText()).toBe('grace@navy.example\nhttps://github.com/graceh');
  await Promise.all([page.close(), panel.page.close()]);
});

test('a LinkedIn profile: the person by name and profile URL, and nothing changes on the page', async () => {
  const page = await tend.context.newPage();
  // Record every DOM change from the page's own world: Tend must not touch LinkedIn pages.
  await page.addInitScript(() => {
    const w = window as unknown as { __mutations: number };
    w.__mutations = 0;
    document.addEventListener('DOMContentLoaded', () => {
      new MutationObserver((records) => (w.__mutations += records.length)).observe(document.documentElement, {
        subtree: true,
        childList: true,
        attributes: true,
        characterData: true,
      });
    });
  });
  await page.goto('https://www.linkedin.com/in/ada-lovelace-1815/?tend-fixture=profile');
  const panel = await panelFor(await tend.tabIdOf(page));
  await expect.poll(() => panel.peopleNames()).toEqual(['Ada Lovelace']);
  expect(await panel.peopleList.innerText()).toContain('https://linkedin.com/in/ada-lovelace-1815');
  expect(await page.evaluate(() => (window as unknown as { __mutations: number }).__mutations)).toBe(0);
  await Promise.all([page.close(), panel.page.close()]);
});

test('any other page is read when the user clicks the toolbar button (activeTab), not before', async () => {
  const page = await tend.open('https://people.example/team?tend-fixture=mailto-links');
  const tabId = await tend.tabIdOf(page);
  const panel = await panelFor(tabId);
  await panel.page.getByText('No people recognised on this page').waitFor();
  await page.waitForTimeout(500);
  expect(await panel.peopleNames()).toEqual([]);

  await page.bringToFront();
  await tend.clickToolbarButton(page);
  await expect.poll(() => panel.peopleNames()).toEqual(expect.arrayContaining(['Ada Lovelace', 'Grace Hopper', 'Christine Darden']));
  const listed = await panel.peopleList.innerText();
  expect(listed).toContain('grace.hopper@navy.example');
  expect(listed).not.toContain('notthis@decoy.example');
  await Promise.all([page.close(), panel.page.close()]);
});
