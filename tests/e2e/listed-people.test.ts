import { afterEach, beforeEach, expect, test } from 'vitest';
import { seriousViolations } from './axe';
import { Tend } from './harness';
import { OptionsPage } from './pages/options';
import { Popup } from './pages/popup';
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

test('"Ignore automated senders" turned off in the options: a noreply@ address is listed with the mailboxes', async () => {
  const options = await OptionsPage.open(await tend.context.newPage(), tend.url('options'));
  const box = options.page.getByLabel('Ignore automated senders');
  expect(await box.isChecked()).toBe(true);
  await box.uncheck();
  // Saved in the worker, not only shown: the page read again holds it.
  await expect.poll(() => options.page.reload().then(() => options.page.getByLabel('Ignore automated senders').isChecked())).toBe(false);

  const page = await tend.open('https://people.example/team?tend-fixture=team-forty');
  const panel = await SidePanel.open(await tend.context.newPage(), tend.url('sidepanel', `?tab=${await tend.tabIdOf(page)}`));
  await page.bringToFront();
  await tend.clickToolbarButton(page);
  const teams = panel.page.getByRole('list', { name: 'Teams and mailboxes on this page' });
  await expect.poll(() => teams.locator('.person-address').allInnerTexts()).toContain('noreply@society.example');
  expect(await tend.contactCount()).toBe(0);
});

/** Each person in the database with their identities and the text of their timeline, read in the worker. */
async function people(): Promise<{ name: string; identities: string[]; notes: string[] }[]> {
  return (await tend.worker()).evaluate(
    () =>
      new Promise<{ name: string; identities: string[]; notes: string[] }[]>((resolve) => {
        const open = indexedDB.open('tend');
        open.onsuccess = () => {
          const tx = open.result.transaction(['contacts', 'interactions']);
          const contacts = tx.objectStore('contacts').getAll();
          const entries = tx.objectStore('interactions').getAll();
          tx.oncomplete = () =>
            resolve(
              contacts.result.map((c: { id: string; displayName: string; identities: { value: string }[] }) => ({
                name: c.displayName,
                identities: c.identities.map((i) => i.value),
                notes: entries.result.filter((e: { contactIds: string[] }) => e.contactIds.includes(c.id)).map((e: { summary: string }) => e.summary),
              })),
            );
        };
      }),
  );
}

test('a note from the popup about one listed person saves that person with the note (not when chosen), with every address and URL of their card, and no one else', async () => {
  const page = await tend.open('https://people.example/people?tend-fixture=one-card-one-person');
  const tabId = await tend.tabIdOf(page);
  await tend.clickToolbarButton(page);
  const chosen = await Popup.open(await tend.context.newPage(), tend.url('popup', `?tab=${tabId}`));
  // An ordinary page lists its people: none is saved, each is offered for the note.
  await expect.poll(() => chosen.offeredNames()).toEqual(['Lin Okafor', 'Omar Haddad', 'Jane Roe']);
  expect(await tend.contactCount()).toBe(0);
  await chosen.note.fill('Met at the foundation dinner; wants the grant report.');
  await chosen.addFromPage('Jane Roe');
  await expect.poll(() => chosen.selectedNames()).toEqual(['Jane Roe']);
  // Chosen, not saved: closing the popup without saving saves nobody; the draft keeps the note and the choice.
  await chosen.page.close();
  expect(await tend.contactCount()).toBe(0);
  const popup = await Popup.open(await tend.context.newPage(), tend.url('popup', `?tab=${tabId}`));
  await expect.poll(() => popup.selectedNames()).toEqual(['Jane Roe']);
  expect(await popup.note.inputValue()).toBe('Met at the foundation dinner; wants the grant report.');
  expect(await popup.offeredNames()).toEqual(['Lin Okafor', 'Omar Haddad']);
  expect(await tend.contactCount()).toBe(0);
  await popup.save();
  await popup.page.getByRole('status', { name: 'Saved' }).getByText('Saved for Jane Roe.').waitFor();
  expect(await people()).toEqual([
    {
      name: 'Jane Roe',
      identities: ['jane@roe.example', 'jane.roe@foundation.example', 'https://roe.example'],
      notes: ['Met at the foundation dinner; wants the grant report.'],
    },
  ]);
  // The others are still only listed, in the side panel too.
  const panel = await SidePanel.open(await tend.context.newPage(), tend.url('sidepanel', `?tab=${tabId}`));
  await panel.peopleList.getByRole('button', { name: /Jane Roe/ }).waitFor();
  expect(await panel.peopleList.getByRole('button', { name: /^Add to Tend: / }).allInnerTexts()).toHaveLength(2);
  await panel.page.getByRole('button', { name: 'Add to Tend: Lin Okafor' }).waitFor();
  await panel.page.getByRole('button', { name: 'Add to Tend: Omar Haddad' }).waitFor();
  await Promise.all([page.close(), popup.page.close(), panel.page.close()]);
});
