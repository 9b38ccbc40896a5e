import { afterEach, beforeEach, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { Tend } from './harness';
import { askBackground } from './pages/ask';
import { FollowUpsPanel, localInput, WorkerProbe } from './pages/follow-ups';
import { seriousAxeFindings } from './axe';
import { SidePanel } from './pages/side-panel';
import { keepScreenshots } from './screenshots';

const DAY = 86_400_000;
const RECORD_STORES = ['contacts', 'identities', 'interactions', 'timeline', 'followUps'] as const;

let tend: Tend;
let probe: WorkerProbe;
beforeEach(async () => {
  tend = await Tend.launch();
  probe = new WorkerProbe(() => tend.worker());
});
afterEach(() => tend?.close());

async function cardOf(tabId: number, name: string) {
  const panel = await SidePanel.open(await tend.context.newPage(), tend.url('sidepanel', `?tab=${tabId}`));
  await panel.openPerson(name);
  return { panel, followUps: new FollowUpsPanel(panel.page) };
}

/** Every record of the user's stores, each store in a stable order: equal before and after an undo. */
async function allRecords() {
  const stores = await Promise.all(RECORD_STORES.map((store) => probe.records<object>(store)));
  return Object.fromEntries(stores.map((records, i) => [RECORD_STORES[i], records.map((r) => JSON.stringify(r)).sort()]));
}

async function peopleIds() {
  return new Map((await probe.records<{ id: string; displayName: string }>('contacts')).map((c) => [c.displayName, c.id]));
}

/** Reload a mail tab and wait until Tend has read it again (the tab's people are newer than the reload). */
async function readAgain(panel: Page, gmail: Page, tabId: number) {
  const reloadedAt = Date.now();
  await gmail.reload();
  await expect.poll(async () => ((await askBackground(panel, { type: 'getTabPeople', tabId }))?.seenAt ?? 0) >= reloadedAt).toBe(true);
}

test('delete a person from the card: identities, follow-ups and links gone, a shared entry kept for the other; never recorded again; undo brings everything back', async () => {
  const gmail = await tend.openGmail('thread-second', '#inbox/thread-two');
  const tabId = await tend.tabIdOf(gmail);
  const { panel, followUps } = await cardOf(tabId, 'Ada Lovelace');
  const ids = await peopleIds();
  const [ada, katherine] = [ids.get('Ada Lovelace')!, ids.get('Katherine Johnson')!];
  const shared = await askBackground(panel.page, {
    type: 'logInteraction',
    contactIds: [ada, katherine],
    kind: 'meeting',
    text: 'Both at the launch review',
    requestId: crypto.randomUUID(),
  });
  await followUps.addOnCard('Send Ada the tables', localInput(Date.now() + DAY));
  await expect.poll(() => followUps.list('Upcoming (next 14 days)').count()).toBe(1);
  const before = await allRecords();
  expect((await probe.records<{ contactId: string }>('timeline')).filter((link) => link.contactId === ada).length).toBeGreaterThanOrEqual(2);

  await panel.page.getByText('Details').click();
  await panel.page.getByRole('button', { name: 'Delete this person…' }).click();
  const confirmation = panel.page.getByRole('group', { name: 'Delete Ada Lovelace?' });
  await expect.poll(() => confirmation.getByRole('button', { name: 'Cancel' }).evaluate((b) => b === document.activeElement)).toBe(true);
  await confirmation.getByLabel(/Never record these addresses again/).check();
  await confirmation.getByRole('button', { name: 'Delete', exact: true }).click();

  // The panel leaves the card; the tab's list no longer has her.
  await panel.page.getByRole('status').filter({ hasText: 'Ada Lovelace was deleted. Tend will not record their addresses again.' }).waitFor();
  // (Katherine, now the one person on the page, may get her card: the card follows the thread.)
  await expect.poll(() => panel.card.filter({ hasText: 'Ada Lovelace' }).count()).toBe(0);
  await expect.poll(() => panel.peopleNames()).toEqual(['Katherine Johnson']);
  // The records: nothing of hers left; the shared entry stays for Katherine only.
  expect((await peopleIds()).has('Ada Lovelace')).toBe(false);
  expect((await probe.records<{ contactId: string }>('identities')).filter((row) => row.contactId === ada)).toEqual([]);
  expect(await probe.records('followUps')).toEqual([]);
  expect((await probe.records<{ contactId: string }>('timeline')).filter((link) => link.contactId === ada)).toEqual([]);
  const entries = await probe.records<{ id: string; contactIds: string[] }>('interactions');
  expect(entries.filter((entry) => entry.contactIds.includes(ada))).toEqual([]);
  expect(entries.find((entry) => entry.id === shared.id)?.contactIds).toEqual([katherine]);

  // The thread read again: she is not recorded again.
  await readAgain(panel.page, gmail, tabId);
  expect([...(await peopleIds()).keys()]).toEqual(['Katherine Johnson']);

  await panel.page.getByRole('button', { name: 'Undo deleting Ada Lovelace' }).click();
  await panel.card.getByRole('heading', { name: 'Ada Lovelace', level: 2 }).waitFor();
  await panel.page.getByRole('status').filter({ hasText: 'Ada Lovelace is back.' }).waitFor();
  expect(await allRecords()).toEqual(before);
  await expect.poll(() => panel.peopleNames()).toEqual(['Katherine Johnson', 'Ada Lovelace']);
  await expect.poll(() => followUps.list('Upcoming (next 14 days)').allInnerTexts()).toEqual([expect.stringContaining('Send Ada the tables')]);
  // Off the never-record list again: the next read of the thread finds her as before.
  await readAgain(panel.page, gmail, tabId);
  await expect.poll(() => panel.peopleNames()).toEqual(['Katherine Johnson', 'Ada Lovelace']);
});

test('the undo offer outlives the panel: deleted, the panel closed and opened again, Undo is still there and brings the person back', async () => {
  const gmail = await tend.openGmail('thread-second', '#inbox/thread-two');
  const tabId = await tend.tabIdOf(gmail);
  const { panel } = await cardOf(tabId, 'Katherine Johnson');
  const before = await allRecords();
  await panel.page.getByText('Details').click();
  await panel.page.getByRole('button', { name: 'Delete this person…' }).click();
  await panel.page.getByRole('group', { name: 'Delete Katherine Johnson?' }).getByRole('button', { name: 'Delete', exact: true }).click();
  await panel.page.getByRole('status').filter({ hasText: 'Katherine Johnson was deleted.' }).waitFor();
  await panel.page.close();

  const reopened = await SidePanel.open(await tend.context.newPage(), tend.url('sidepanel', `?tab=${tabId}`));
  await reopened.page.getByRole('status').filter({ hasText: 'Katherine Johnson was deleted.' }).waitFor();
  await reopened.page.getByRole('button', { name: 'Undo deleting Katherine Johnson' }).click();
  await reopened.card.getByRole('heading', { name: 'Katherine Johnson', level: 2 }).waitFor();
  await reopened.page.getByRole('status').filter({ hasText: 'Katherine Johnson is back.' }).waitFor();
  expect(await allRecords()).toEqual(before);
  await reopened.page.close();

  // Undone: a panel opened now has nothing to offer.
  const again = await SidePanel.open(await tend.context.newPage(), tend.url('sidepanel', `?tab=${tabId}`));
  await expect.poll(() => again.peopleNames()).toContain('Katherine Johnson');
  expect(await again.page.getByRole('button', { name: 'Undo deleting Katherine Johnson' }).count()).toBe(0);
});

test('the delete confirmation passes axe in light and dark; Cancel closes it and deletes nothing', async () => {
  const gmail = await tend.openGmail('thread-second', '#inbox/thread-two');
  const { panel } = await cardOf(await tend.tabIdOf(gmail), 'Katherine Johnson');
  await panel.page.getByText('Details').click();
  await panel.page.getByRole('button', { name: 'Delete this person…' }).click();
  const confirmation = panel.page.getByRole('group', { name: 'Delete Katherine Johnson?' });
  await confirmation.waitFor();
  await confirmation.scrollIntoViewIfNeeded();
  expect(await seriousAxeFindings(panel.page)).toEqual([]);
  await keepScreenshots(panel.page, 'delete-confirmation', 480);

  await confirmation.getByRole('button', { name: 'Cancel' }).click();
  await expect.poll(() => confirmation.count()).toBe(0);
  expect((await peopleIds()).has('Katherine Johnson')).toBe(true);
  await panel.page.getByRole('button', { name: 'Delete this person…' }).click();
  await confirmation.getByRole('button', { name: 'Delete', exact: true }).click();
  const notice = panel.page.getByRole('status').filter({ hasText: 'Katherine Johnson was deleted.' });
  await notice.waitFor();
  expect(await seriousAxeFindings(panel.page)).toEqual([]);
  await keepScreenshots(panel.page, 'delete-undo-notice', 480);
});

test('edit a follow-up on the card; delete one from the Follow-ups view: its reminder leaves the screen; undo', async () => {
  const gmail = await tend.openGmail('thread-second', '#inbox/thread-two');
  const { panel, followUps } = await cardOf(await tend.tabIdOf(gmail), 'Katherine Johnson');
  await followUps.addOnCard('Send the launch numbers', localInput(Date.now() + DAY));
  await expect.poll(() => followUps.list('Upcoming (next 14 days)').count()).toBe(1);

  await panel.page.getByRole('button', { name: 'Edit: Send the launch numbers' }).click();
  const editor = panel.page.getByRole('form', { name: 'Edit follow-up' });
  expect(await editor.getByLabel('Follow up on').inputValue()).toBe('Send the launch numbers');
  await editor.getByLabel('Follow up on').fill('Send the corrected numbers');
  const due = Date.now() + 3 * DAY;
  await editor.getByLabel('Due', { exact: true }).fill(localInput(due));
  expect(await seriousAxeFindings(panel.page)).toEqual([]);
  await keepScreenshots(panel.page, 'followup-editor', 480);
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => followUps.list('Upcoming (next 14 days)').allInnerTexts()).toEqual([expect.stringContaining('Send the corrected numbers')]);
  const [edited] = await probe.records<{ id: string; text: string; due: number }>('followUps');
  expect(edited).toMatchObject({ text: 'Send the corrected numbers', due: new Date(localInput(due)).getTime() });
  expect(await probe.alarms()).toEqual([{ name: `tend-followup:${edited!.id}`, scheduledTime: edited!.due }]);

  // A second one, due now, whose reminder is on screen.
  await followUps.addOnCard('Ring her back', localInput(Date.now() - DAY), true);
  await expect.poll(() => probe.badge()).toBe('1');
  const ringBack = (await probe.records<{ id: string; text: string }>('followUps')).find((f) => f.text === 'Ring her back')!;
  const shown = await probe.call<string>('onFollowUpAlarm', `tend-followup:${ringBack.id}`);
  expect(await probe.notificationIds()).toEqual([shown]);
  const before = await probe.records('followUps');

  await followUps.openView();
  await panel.page.getByRole('button', { name: 'Delete: Ring her back' }).click();
  await panel.page.getByRole('status').filter({ hasText: 'Follow-up deleted: Ring her back' }).waitFor();
  await expect.poll(() => probe.notificationIds()).toEqual([]);
  await expect.poll(() => probe.badge()).toBe('');
  expect((await probe.records<{ text: string }>('followUps')).map((f) => f.text)).toEqual(['Send the corrected numbers']);
  await expect.poll(() => followUps.list('Due and overdue').count()).toBe(0);

  await panel.page.getByRole('status').filter({ hasText: 'Follow-up deleted' }).getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => followUps.list('Due and overdue').allInnerTexts()).toEqual([expect.stringContaining('Ring her back')]);
  await expect.poll(() => probe.badge()).toBe('1');
  const sortById = (records: { id: string }[]) => [...records].sort((a, b) => a.id.localeCompare(b.id));
  expect(sortById(await probe.records('followUps'))).toEqual(sortById(before as { id: string }[]));
});
