import { afterEach, beforeEach, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { Tend } from './harness';
import { askBackground } from './pages/ask';
import { localInput } from './pages/follow-ups';
import { Popup } from './pages/popup';
import { SidePanel } from './pages/side-panel';
import { clickLogMenu as logMenu } from './pages/log-menu';

let tend: Tend;
beforeEach(async () => {
  tend = await Tend.launch();
});
afterEach(() => tend?.close());

async function historyOf(tabId: number, name: string): Promise<string[]> {
  const panel = await SidePanel.open(await tend.context.newPage(), tend.url('sidepanel', `?tab=${tabId}`));
  await panel.openPerson(name);
  await panel.history.first().waitFor();
  const texts = await panel.historyTexts();
  await panel.page.close();
  return texts;
}

const clickLogMenu = (page: Page, tabId: number, info: Record<string, string>) => logMenu(tend, page, tabId, info);

test('popup: a note to the one person on the page appears on their timeline', async () => {
  const gmail = await tend.openGmail('thread-second', '#inbox/thread-two');
  const tabId = await tend.tabIdOf(gmail);
  const popup = await Popup.open(await tend.context.newPage(), tend.url('popup', `?tab=${tabId}`));
  // Two people on the page: the note is for no one until the user adds someone (one click each).
  await expect.poll(() => popup.offeredNames()).toEqual(['Katherine Johnson', 'Ada Lovelace']);
  expect(await popup.selectedNames()).toEqual([]);
  await popup.addFromPage('Katherine Johnson');
  await expect.poll(() => popup.selectedNames()).toEqual(['Katherine Johnson']);
  await popup.page.getByLabel('Kind').selectOption('call');
  await popup.note.fill('Called about the launch window; she needs the numbers by Friday.');
  await popup.save();
  await popup.page.getByRole('status', { name: 'Saved' }).getByText('Saved for Katherine Johnson.').waitFor();
  expect(await popup.page.getByRole('list', { name: 'Latest notes' }).innerText()).toContain('needs the numbers by Friday');
  expect(await popup.note.inputValue()).toBe('');
  expect((await historyOf(tabId, 'Katherine Johnson'))[0]).toContain('needs the numbers by Friday');
  expect((await historyOf(tabId, 'Ada Lovelace')).join('\n')).not.toContain('needs the numbers by Friday');
});

test('popup: one note to two people (one found by the picker) appears on both timelines; Ctrl+Enter saves once', async () => {
  const gmail = await tend.openGmail('thread-expanded', '#inbox/thread-one');
  const tabId = await tend.tabIdOf(gmail);
  const other = await tend.openGmail('thread-second', '#inbox/thread-two');
  const otherTabId = await tend.tabIdOf(other);
  const popup = await Popup.open(await tend.context.newPage(), tend.url('popup', `?tab=${tabId}`));
  await expect.poll(() => popup.offeredNames()).toEqual(['Ada Lovelace', 'Charles Babbage', 'Grace Hopper']);
  await popup.addFromPage('Ada Lovelace');
  await expect.poll(() => popup.selectedNames()).toEqual(['Ada Lovelace']);
  await popup.addPerson('kath', /Katherine Johnson/);
  await expect.poll(() => popup.selectedNames()).toEqual(['Ada Lovelace', 'Katherine Johnson']);
  await popup.note.fill('Dinner together: both want to review the trajectory maths.');
  await popup.note.press('Control+Enter');
  await popup.note.press('Control+Enter');
  await popup.page.getByRole('status', { name: 'Saved' }).waitFor();
  for (const [name, onTab] of [
    ['Ada Lovelace', tabId],
    ['Katherine Johnson', otherTabId],
  ] as const) {
    const history = await historyOf(onTab, name);
    expect(history.filter((h) => h.includes('trajectory maths'))).toHaveLength(1);
  }
  await other.close();
});

test('popup: the draft (text, people, kind) survives closing the popup; saving clears it', async () => {
  const gmail = await tend.openGmail('thread-expanded', '#inbox/thread-one');
  const tabId = await tend.tabIdOf(gmail);
  const first = await Popup.open(await tend.context.newPage(), tend.url('popup', `?tab=${tabId}`));
  await expect.poll(() => first.offeredNames()).toHaveLength(3);
  await first.addFromPage('Ada Lovelace');
  await first.addFromPage('Grace Hopper');
  await expect.poll(() => first.selectedNames()).toEqual(['Ada Lovelace', 'Grace Hopper']);
  await first.page.getByLabel('Kind').selectOption('meeting');
  await first.note.pressSequentially('Half-written thought about', { delay: 5 });
  await first.page.close();

  const again = await Popup.open(await tend.context.newPage(), tend.url('popup', `?tab=${tabId}`));
  await expect.poll(() => again.note.inputValue()).toBe('Half-written thought about');
  expect(await again.selectedNames()).toEqual(['Ada Lovelace', 'Grace Hopper']);
  expect(await again.page.getByLabel('Kind').inputValue()).toBe('meeting');
  await again.save();
  await again.page.getByRole('status', { name: 'Saved' }).waitFor();
  await again.page.close();

  const third = await Popup.open(await tend.context.newPage(), tend.url('popup', `?tab=${tabId}`));
  await expect.poll(() => third.offeredNames()).toHaveLength(3);
  expect(await third.selectedNames()).toEqual([]);
  expect(await third.note.inputValue()).toBe('');
});

test('popup: "When was it?" dates yesterday’s call; the draft keeps the date when the popup closes; the entry is at that time', async () => {
  const gmail = await tend.openGmail('thread-second', '#inbox/thread-two');
  const tabId = await tend.tabIdOf(gmail);
  const first = await Popup.open(await tend.context.newPage(), tend.url('popup', `?tab=${tabId}`));
  await first.addFromPage('Katherine Johnson');
  const when = new Date(Date.now() - 26 * 3_600_000);
  when.setSeconds(0, 0);
  await first.page.getByLabel('Kind').selectOption('call');
  await first.page.getByLabel('When was it?').fill(localInput(when.getTime()));
  await first.note.fill('Yesterday’s call about the launch window');
  // Kept on every change, as the rest of the draft is.
  await expect
    .poll(() => askBackground(first.page, { type: 'getTabDraft', tabId, slot: 'page' }).then((d) => d.record?.draft.when))
    .toBe(localInput(when.getTime()));
  await first.page.close();

  const popup = await Popup.open(await tend.context.newPage(), tend.url('popup', `?tab=${tabId}`));
  await expect.poll(() => popup.page.getByLabel('When was it?').inputValue()).toBe(localInput(when.getTime()));
  await popup.save();
  await popup.page.getByRole('status', { name: 'Saved' }).waitFor();
  const panel = await SidePanel.open(await tend.context.newPage(), tend.url('sidepanel', `?tab=${tabId}`));
  await panel.openPerson('Katherine Johnson');
  const entry = panel.history.filter({ hasText: 'Yesterday’s call about the launch window' });
  await entry.waitFor();
  expect(await entry.locator('time').getAttribute('datetime')).toBe(when.toISOString());
});

test('context menu, one person on the tab: the selection is logged at once; Undo removes it', async () => {
  const gmail = await tend.openGmail('thread-second', '#inbox/thread-two');
  const tabId = await tend.tabIdOf(gmail);
  const panel = await SidePanel.open(await tend.context.newPage(), tend.url('sidepanel', `?tab=${tabId}`));
  await expect.poll(() => panel.peopleNames()).toEqual(['Katherine Johnson', 'Ada Lovelace']);
  // Make the tab's people exactly one: Katherine, by marking Ada as never recorded.
  await askBackground(panel.page, { type: 'updateSettings', patch: { neverCapture: { addresses: ['ada@analytical.example'], domains: [], sites: [] } } });
  const worker = await tend.worker();
  await gmail.reload();
  await expect.poll(() => panel.peopleNames()).toEqual(['Katherine Johnson']);

  const entryId = await clickLogMenu(gmail, tabId, { selectionText: 'The numbers check out.' });
  expect(entryId).toBeTruthy();
  await panel.openPerson('Katherine Johnson');
  await expect.poll(() => panel.historyTexts().then((h) => h[0])).toContain('The numbers check out.');
  expect(await panel.history.first().getByRole('link').getAttribute('href')).toBe(gmail.url());

  const undone = await worker.evaluate(
    (id) => (globalThis as unknown as { tend: { undoLogged(n: string): Promise<boolean> } }).tend.undoLogged(`tend-logged:${id}`),
    entryId!,
  );
  expect(undone).toBe(true);
  await expect.poll(() => panel.historyTexts()).toEqual([expect.stringContaining('Launch window')]);
});

test('context menu on a mailto link: that person is created and the entry logged to them', async () => {
  const page = await tend.open('https://people.example/team?tend-fixture=mailto-links');
  const tabId = await tend.tabIdOf(page);
  const entryId = await clickLogMenu(page, tabId, {
    linkUrl: 'mailto:Christine@Darden.example?subject=Sonic',
    selectionText: 'Asked about the sonic boom paper',
  });
  expect(entryId).toBeTruthy();
  const worker = await tend.worker();
  const logged = await worker.evaluate(
    (id) =>
      new Promise<{ summary: string; contactIds: string[] }>((resolve) => {
        const open = indexedDB.open('tend');
        open.onsuccess = () => {
          const get = open.result.transaction('interactions').objectStore('interactions').get(id);
          get.onsuccess = () => resolve(get.result);
        };
      }),
    entryId!,
  );
  expect(logged.summary).toBe('Asked about the sonic boom paper');
  expect(logged.contactIds).toHaveLength(1);
});

test('context menu with several people on the tab: the side panel offers the entry pre-filled for nobody, the page’s people one click each; saved on exactly those added', async () => {
  const gmail = await tend.openGmail('thread-expanded', '#inbox/thread-one');
  const tabId = await tend.tabIdOf(gmail);
  const panel = await SidePanel.open(await tend.context.newPage(), tend.url('sidepanel', `?tab=${tabId}`));
  await expect.poll(() => panel.peopleNames()).toHaveLength(3);
  expect(await clickLogMenu(gmail, tabId, { selectionText: 'Shall we meet on Thursday?' })).toBeUndefined();

  const composer = panel.page.getByRole('form', { name: 'Quick note' });
  await composer.waitFor();
  expect(await panel.page.getByLabel('Note', { exact: true }).inputValue()).toBe('Shall we meet on Thursday?');
  // Three people on the page: a note about one must not land on all three (issue 14).
  const offered = composer.getByRole('group', { name: 'On this page:' }).getByRole('button');
  await expect.poll(() => offered.count()).toBe(3);
  expect(await composer.getByRole('list', { name: 'Selected people' }).locator('span').allInnerTexts()).toEqual([]);
  await composer.getByRole('button', { name: 'Add Charles Babbage' }).click();
  await expect.poll(() => composer.getByRole('list', { name: 'Selected people' }).locator('span').allInnerTexts()).toEqual(['Charles Babbage']);
  await composer.getByRole('button', { name: 'Save' }).click();
  await composer.waitFor({ state: 'detached' });
  expect((await historyOf(tabId, 'Charles Babbage'))[0]).toContain('Shall we meet on Thursday?');
  for (const name of ['Ada Lovelace', 'Grace Hopper']) expect((await historyOf(tabId, name)).join()).not.toContain('Thursday?');
});

test('context menu with several people while a card is open: the entry is for that card’s person', async () => {
  const gmail = await tend.openGmail('thread-expanded', '#inbox/thread-one');
  const tabId = await tend.tabIdOf(gmail);
  const panel = await SidePanel.open(await tend.context.newPage(), tend.url('sidepanel', `?tab=${tabId}`));
  await panel.openPerson('Grace Hopper');
  expect(await clickLogMenu(gmail, tabId, { selectionText: 'Sent the COBOL notes' })).toBeUndefined();
  const composer = panel.page.getByRole('form', { name: 'Quick note' });
  await composer.waitFor();
  await expect.poll(() => composer.getByRole('list', { name: 'Selected people' }).locator('span').allInnerTexts()).toEqual(['Grace Hopper']);
  await composer.getByRole('button', { name: 'Save' }).click();
  await composer.waitFor({ state: 'detached' });
  expect((await historyOf(tabId, 'Grace Hopper'))[0]).toContain('Sent the COBOL notes');
  for (const name of ['Ada Lovelace', 'Charles Babbage']) expect((await historyOf(tabId, name)).join()).not.toContain('COBOL');
});

test('popup: follow-ups due today are listed; later ones are not', async () => {
  const gmail = await tend.openGmail('thread-second', '#inbox/thread-two');
  const tabId = await tend.tabIdOf(gmail);
  const panel = await SidePanel.open(await tend.context.newPage(), tend.url('sidepanel', `?tab=${tabId}`));
  await expect.poll(() => panel.peopleNames()).toHaveLength(2);
  const worker = await tend.worker();
  const contactId = await worker.evaluate(async (id) => {
    const chrome = (
      globalThis as unknown as { chrome: { storage: { session: { get(k: string): Promise<Record<string, { people: { contactId: string }[] }>> } } } }
    ).chrome;
    return (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`]!.people[0]!.contactId;
  }, tabId);
  const soon = new Date(new Date().setHours(23, 59, 0, 0)).getTime();
  for (const [text, due] of [
    ['Send her the numbers', soon],
    ['Ask about the launch next month', Date.now() + 40 * 86_400_000],
  ] as const) {
    const reply = await panel.page.evaluate(
      async (request) =>
        (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<{ ok: boolean }> } } }).chrome.runtime.sendMessage(request),
      { type: 'createFollowUp', id: crypto.randomUUID(), contactId, text, due },
    );
    expect(reply.ok).toBe(true);
  }
  const popup = await Popup.open(await tend.context.newPage(), tend.url('popup', `?tab=${tabId}`));
  const due = popup.page.getByRole('list', { name: 'Follow-ups due today' });
  await due.waitFor();
  expect(await due.innerText()).toContain('Katherine Johnson: Send her the numbers');
  expect(await due.innerText()).not.toContain('next month');
});
