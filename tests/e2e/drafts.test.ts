/**
 * Nothing typed is lost (issue 15) and a note goes to one person unless the user adds more
 * (issue 14): the popup's draft in real Chromium, across closing, saving, the context menu and a
 * browser restart with the same profile.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { seriousViolations } from './axe';
import { Tend } from './harness';
import { Popup } from './pages/popup';
import { SidePanel } from './pages/side-panel';
import { storedRecords } from './pages/stored';
import { clickLogMenu } from './pages/log-menu';

let tend: Tend | undefined;
const profiles: string[] = [];
afterEach(async () => {
  await tend?.close();
  tend = undefined;
  for (const dir of profiles.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const launch = async (profile = '') => (tend = await Tend.launch(profile));

interface StoredEntry {
  summary: string;
  contactIds: string[];
}
const storeOf = <T>(store: 'interactions' | 'followUps' | 'contacts') => storedRecords<T>(tend!, store);
const entriesSaying = async (text: string) => (await storeOf<StoredEntry>('interactions')).filter((entry) => entry.summary.includes(text));
const popupFor = async (tabId: number) => Popup.open(await tend!.context.newPage(), tend!.url('popup', `?tab=${tabId}`));

test('popup with three people on the page: the note is saved on exactly one by default (the one added in one click)', async () => {
  await launch();
  const gmail = await tend!.openGmail('thread-expanded', '#inbox/thread-one');
  const popup = await popupFor(await tend!.tabIdOf(gmail));
  await expect.poll(() => popup.offeredNames()).toEqual(['Ada Lovelace', 'Charles Babbage', 'Grace Hopper']);
  expect(await popup.selectedNames()).toEqual([]);
  await popup.note.fill('Only about Grace: she prefers mornings.');
  await popup.save();
  await popup.page.getByRole('alert').getByText('Choose who this is about first.').waitFor();
  await popup.addFromPage('Grace Hopper');
  await popup.save();
  await popup.page.getByRole('status', { name: 'Saved' }).getByText('Saved for Grace Hopper.').waitFor();
  const contacts = await storeOf<{ id: string; displayName: string }>('contacts');
  const [entry, ...more] = await entriesSaying('she prefers mornings');
  expect(more).toEqual([]);
  expect(entry!.contactIds.map((id) => contacts.find((c) => c.id === id)?.displayName)).toEqual(['Grace Hopper']);
});

test('popup: the person whose card is open in the side panel is preselected; with one person on the page, that one', async () => {
  await launch();
  const gmail = await tend!.openGmail('thread-expanded', '#inbox/thread-one');
  const tabId = await tend!.tabIdOf(gmail);
  const panel = await SidePanel.open(await tend!.context.newPage(), tend!.url('sidepanel', `?tab=${tabId}`));
  await panel.openPerson('Charles Babbage');
  const popup = await popupFor(tabId);
  await expect.poll(() => popup.selectedNames()).toEqual(['Charles Babbage']);
  await popup.page.close();
  // The panel closed: the card is no longer open, nobody is preselected.
  await panel.page.close();
  const later = await popupFor(tabId);
  await expect.poll(() => later.offeredNames()).toHaveLength(3);
  expect(await later.selectedNames()).toEqual([]);
});

test('popup: the open card’s person is preselected while "Remind me" is shown too (the card is open, not only its note box)', async () => {
  await launch();
  const gmail = await tend!.openGmail('thread-expanded', '#inbox/thread-one');
  const tabId = await tend!.tabIdOf(gmail);
  const panel = await SidePanel.open(await tend!.context.newPage(), tend!.url('sidepanel', `?tab=${tabId}`));
  await panel.openPerson('Grace Hopper');
  await panel.page.getByRole('button', { name: 'Remind me', exact: true }).click();
  await panel.page.getByRole('form', { name: 'New follow-up' }).waitFor();
  const popup = await popupFor(tabId);
  await expect.poll(() => popup.selectedNames()).toEqual(['Grace Hopper']);
});

test('popup: the whole draft survives closing, the follow-up included (ticked, its text, its due time); saving creates it', async () => {
  await launch();
  const gmail = await tend!.openGmail('thread-second', '#inbox/thread-two');
  const tabId = await tend!.tabIdOf(gmail);
  const first = await popupFor(tabId);
  await first.addFromPage('Katherine Johnson');
  await first.note.fill('Promised her the trajectory tables.');
  await first.page.getByRole('checkbox', { name: 'Add a follow-up' }).check();
  await first.page.getByLabel('Follow up on').fill('Send the tables');
  await first.page.getByLabel('Due').fill('2031-03-04T09:30');
  await first.page.close();

  const again = await popupFor(tabId);
  await expect.poll(() => again.note.inputValue()).toBe('Promised her the trajectory tables.');
  expect(await again.selectedNames()).toEqual(['Katherine Johnson']);
  expect(await again.page.getByRole('checkbox', { name: 'Add a follow-up' }).isChecked()).toBe(true);
  expect(await again.page.getByLabel('Follow up on').inputValue()).toBe('Send the tables');
  expect(await again.page.getByLabel('Due').inputValue()).toBe('2031-03-04T09:30');
  await again.save();
  await again.page.getByRole('status', { name: 'Saved' }).waitFor();
  const followUps = await storeOf<{ text: string; entryId: string }>('followUps');
  const [entry] = await entriesSaying('trajectory tables');
  expect(followUps.map((f) => [f.text, f.entryId])).toEqual([['Send the tables', (entry as unknown as { id: string }).id]]);
});

test('popup: Save then close at once, reopen: no old draft; the next note is saved too (a new request)', async () => {
  await launch();
  const gmail = await tend!.openGmail('thread-second', '#inbox/thread-two');
  const tabId = await tend!.tabIdOf(gmail);
  const first = await popupFor(tabId);
  await first.addFromPage('Ada Lovelace');
  await first.note.fill('First note, saved.');
  await first.save();
  await first.page.close();

  const again = await popupFor(tabId);
  await expect.poll(() => again.offeredNames()).toHaveLength(2);
  expect(await again.note.inputValue()).toBe('');
  await again.addFromPage('Ada Lovelace');
  await again.note.fill('Second note, also saved.');
  await again.save();
  await again.page.getByRole('status', { name: 'Saved' }).waitFor();
  expect(await entriesSaying('First note, saved.')).toHaveLength(1);
  expect(await entriesSaying('Second note, also saved.')).toHaveLength(1);
});

test('"Log this interaction" with several people leaves the popup’s unsaved draft alone', async () => {
  await launch();
  const gmail = await tend!.openGmail('thread-expanded', '#inbox/thread-one');
  const tabId = await tend!.tabIdOf(gmail);
  const popup = await popupFor(tabId);
  await popup.addFromPage('Ada Lovelace');
  await popup.note.pressSequentially('Unsaved thought', { delay: 5 });
  await popup.page.close();
  const panel = await SidePanel.open(await tend!.context.newPage(), tend!.url('sidepanel', `?tab=${tabId}`));
  expect(await clickLogMenu(tend!, gmail, tabId, { selectionText: 'Shall we meet on Thursday?' })).toBeUndefined();
  await expect.poll(() => panel.page.getByLabel('Note', { exact: true }).inputValue()).toBe('Shall we meet on Thursday?');

  const reopened = await popupFor(tabId);
  await expect.poll(() => reopened.note.inputValue()).toBe('Unsaved thought');
  expect(await reopened.selectedNames()).toEqual(['Ada Lovelace']);
});

test('popup draft after a browser restart (same profile, the tab has a new id): shown again on the same page', async () => {
  const profile = mkdtempSync(join(tmpdir(), 'tend-drafts-'));
  profiles.push(profile);
  await launch(profile);
  const gmail = await tend!.openGmail('thread-second', '#inbox/thread-two');
  const popup = await popupFor(await tend!.tabIdOf(gmail));
  await popup.addFromPage('Katherine Johnson');
  await popup.note.pressSequentially('Typed before the restart', { delay: 5 });
  await popup.page.close();
  await tend!.close();

  await launch(profile);
  const reopened = await tend!.openGmail('thread-second', '#inbox/thread-two');
  const again = await popupFor(await tend!.tabIdOf(reopened));
  await expect.poll(() => again.note.inputValue()).toBe('Typed before the restart');
  expect(await again.selectedNames()).toEqual(['Katherine Johnson']);
});

test('options: "Unsaved drafts" lists a draft and deletes it; no serious axe violation on it or the popup, light and dark', async () => {
  await launch();
  const gmail = await tend!.openGmail('thread-expanded', '#inbox/thread-one');
  const popup = await popupFor(await tend!.tabIdOf(gmail));
  await popup.addFromPage('Ada Lovelace');
  await popup.note.pressSequentially('Left unsaved', { delay: 5 });
  const found: string[] = [];
  for (const scheme of ['light', 'dark'] as const) found.push(...(await seriousViolations(popup.page, scheme)));
  await popup.page.close();
  const options = await tend!.context.newPage();
  await options.goto(tend!.url('options'));
  const drafts = options.getByRole('region', { name: 'Unsaved drafts' });
  await expect.poll(() => drafts.innerText()).toContain('1 draft not saved yet.');
  await drafts.getByText('Show them').click();
  expect(await drafts.getByRole('list', { name: 'Unsaved drafts, oldest first' }).innerText()).toContain('Left unsaved');
  for (const scheme of ['light', 'dark'] as const) found.push(...(await seriousViolations(options, scheme)));
  expect(found).toEqual([]);
  await drafts.getByRole('button', { name: 'Delete all drafts' }).click();
  await drafts.getByRole('status').getByText('1 draft deleted.').waitFor();
  await expect.poll(() => drafts.innerText()).toContain('None: everything you typed is saved.');
});
