import { afterEach, beforeEach, expect, test } from 'vitest';
import { Tend } from './harness';
import { SidePanel } from './pages/side-panel';

// A fresh browser per test: each starts with no people known, whatever ran before.
let tend: Tend;
beforeEach(async () => {
  tend = await Tend.launch();
});
afterEach(() => tend?.close());

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
  await panel.page.getByText('Click Tend on this page to read it').waitFor();
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

test('Outlook reading pane: sender, To and Cc; my mailbox is not a person; a mailing list is listed apart', async () => {
  const page = await tend.open('https://outlook.office.com/mail/inbox/id/AAQkAGI2?tend-fixture=reading-pane');
  const panel = await panelFor(await tend.tabIdOf(page));
  await expect.poll(() => panel.peopleNames()).toEqual(['Ada Lovelace', 'Charles Babbage', 'Grace Hopper']);
  const teams = panel.page.getByRole('list', { name: 'Teams and mailboxes on this page' });
  expect(await teams.locator('.person-address').allInnerTexts()).toEqual(['team-list@analytical.example']);
  expect(await panel.peopleList.innerText()).not.toContain('me@contoso.example');
  await Promise.all([page.close(), panel.page.close()]);
});

test('Outlook people shown by name only are listed as unconfirmed, not saved', async () => {
  const page = await tend.open('https://outlook.office.com/mail/inbox/id/AAQkAGI3?tend-fixture=name-only');
  const panel = await panelFor(await tend.tabIdOf(page));
  await expect.poll(() => panel.peopleNames()).toEqual(['Annie Easley', 'Dorothy Vaughan', 'Jackson, Mary', 'Katherine Johnson']);
  await expect.poll(() => panel.peopleList.getByText('Name only: not saved').count()).toBe(3);
  expect(await panel.peopleList.getByRole('button', { name: /^Add to Tend: / }).count()).toBe(3);
  await Promise.all([page.close(), panel.page.close()]);
});

test('Gmail compose: recipients are listed, and a chip added while writing appears within a second', async () => {
  const page = await tend.openGmail('compose-chips', '#inbox?compose=new');
  const panel = await panelFor(await tend.tabIdOf(page));
  await expect
    .poll(() => panel.peopleNames())
    .toEqual(expect.arrayContaining(['Ada Lovelace', 'Grace Hopper', 'Christine Darden', 'new.person@guest.example']));
  await page.bringToFront();
  await page.evaluate(() => {
    const field = document.querySelector('[role="option"][data-hovercard-id]')!.parentElement!;
    const chip = document.createElement('div');
    chip.setAttribute('role', 'option');
    chip.setAttribute('data-hovercard-id', 'dorothy@vaughan.example');
    chip.setAttribute('data-name', 'Dorothy Vaughan');
    field.append(chip);
  });
  await expect.poll(() => panel.peopleNames(), { timeout: 1000, interval: 50 }).toContain('Dorothy Vaughan');
  await Promise.all([page.close(), panel.page.close()]);
});

test('a hostile page: at most 500 people kept from one scan, the panel says so, names stay text', async () => {
  const page = await tend.open('https://people.example/everyone?tend-fixture=many-people');
  const panel = await panelFor(await tend.tabIdOf(page));
  await page.bringToFront();
  await tend.clickToolbarButton(page);
  await expect.poll(() => panel.people.count()).toBe(500);
  await panel.page.getByRole('status').getByText('the first 500 are listed').waitFor();
  const names = await panel.peopleNames();
  expect(names[0]).toBe('<img src=x onerror="window.__pwned=1">Eve');
  expect(names[1]).toBe('Mallorytxt.exe');
  expect(names[2]!.length).toBeLessThanOrEqual(200);
  expect(await panel.page.locator('img').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  const stored = await tend.contactCount();
  // Any other page lists its people and saves none until the user adds one.
  expect(stored).toBe(0);

  // The popup preselects no one from a crowd, and shows no page text as markup.
  const popup = await tend.context.newPage();
  await popup.goto(tend.url('popup', `?tab=${await tend.tabIdOf(page)}`));
  await popup.getByLabel('Add a person').waitFor();
  expect(await popup.getByRole('list', { name: 'Selected people' }).locator('li').count()).toBe(0);
  expect(await popup.locator('img').count()).toBe(0);
  console.info(`trust: hostile page: 700 people offered, ${stored} stored (cap 500), scripts run from page text = 0`);
  await Promise.all([page.close(), panel.page.close()]);
});

test('a person shown by name only is added to Tend with one click, and their card opens', async () => {
  const page = await tend.open('https://outlook.office.com/mail/inbox/id/AAQkAGI3?tend-fixture=name-only');
  const panel = await panelFor(await tend.tabIdOf(page));
  await expect.poll(() => panel.peopleList.getByText('Name only: not saved').count()).toBe(3);
  const newBefore = await panel.peopleList.getByText('new', { exact: true }).count();
  await panel.page.getByRole('button', { name: 'Add to Tend: Dorothy Vaughan' }).click();
  await panel.card.getByRole('heading', { name: 'Dorothy Vaughan', level: 2 }).waitFor();
  // Her row now stands for the saved person, without reading the page again.
  await panel.peopleList.getByRole('button', { name: /Dorothy Vaughan/, pressed: true }).waitFor();
  expect(await panel.peopleList.getByText('Name only: not saved').count()).toBe(2);
  expect(await panel.peopleList.getByText('new', { exact: true }).count()).toBe(newBefore + 1);
});
