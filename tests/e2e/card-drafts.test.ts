/**
 * Nothing typed on a card is lost (issue 15), in real Chromium: a card field typed just before the
 * browser quits (same profile on relaunch), two panels writing "What matters" of one person, and
 * a follow-up half written when the panel closes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, expect, test } from 'vitest';
import { seriousViolations } from './axe';
import { Tend } from './harness';
import { SidePanel } from './pages/side-panel';
import { storedRecords } from './pages/stored';

let tend: Tend | undefined;
const profiles: string[] = [];
afterEach(async () => {
  await tend?.close();
  tend = undefined;
  for (const dir of profiles.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const launch = async (profile = '') => (tend = await Tend.launch(profile));

async function cardOf(tabId: number, name: string): Promise<SidePanel> {
  const panel = await SidePanel.open(await tend!.context.newPage(), tend!.url('sidepanel', `?tab=${tabId}`));
  await panel.openPerson(name);
  return panel;
}
const whatMattersBox = (panel: SidePanel) => panel.page.getByRole('textbox', { name: 'What matters to them' });

const storeOf = <T>(store: 'contacts' | 'followUps' | 'drafts') => storedRecords<T>(tend!, store);
const storedWhatMatters = async (name: string) =>
  (await storeOf<{ displayName: string; whatMatters?: string }>('contacts')).find((c) => c.displayName === name)?.whatMatters;

/**
 * Hold this page's card-field saves until `release` is called: a save that leaves late, as when
 * two panels write at once. The page's own code decides what it sends.
 */
async function holdFieldSaves(page: Page): Promise<{ held: () => Promise<number>; release: () => Promise<void> }> {
  await page.evaluate(() => {
    const { runtime } = (globalThis as unknown as { chrome: { runtime: { sendMessage: (...args: unknown[]) => unknown } } }).chrome;
    const original = runtime.sendMessage.bind(runtime);
    const held: (() => void)[] = [];
    Object.assign(window, { tendHeldSaves: held });
    runtime.sendMessage = (...args: unknown[]) => {
      if ((args[0] as { type?: string } | undefined)?.type !== 'saveCardField') return original(...args);
      return new Promise((resolve) => held.push(() => resolve(original(...args))));
    };
  });
  return {
    held: () => page.evaluate(() => (window as unknown as { tendHeldSaves: unknown[] }).tendHeldSaves.length),
    release: () => page.evaluate(() => (window as unknown as { tendHeldSaves: (() => void)[] }).tendHeldSaves.splice(0).forEach((send) => send())),
  };
}

test('a card field typed just before the browser quits is there after a restart (same profile), and saved', async () => {
  const profile = mkdtempSync(join(tmpdir(), 'tend-card-drafts-'));
  profiles.push(profile);
  await launch(profile);
  const gmail = await tend!.openGmail('thread-second', '#inbox/thread-two');
  const panel = await cardOf(await tend!.tabIdOf(gmail), 'Katherine Johnson');
  await whatMattersBox(panel).fill('Typed just before the browser quit');
  // Well within the autosave's pause: only the draft, kept on the keystroke, can have it.
  await tend!.close();

  await launch(profile);
  const again = await tend!.openGmail('thread-second', '#inbox/thread-two');
  const reopened = await cardOf(await tend!.tabIdOf(again), 'Katherine Johnson');
  await expect.poll(() => whatMattersBox(reopened).inputValue()).toBe('Typed just before the browser quit');
  await reopened.page.getByText('Restored what you typed earlier.').waitFor();
  // Shown again, it is saved like text just typed, and its draft goes with the save.
  await expect.poll(() => storedWhatMatters('Katherine Johnson')).toBe('Typed just before the browser quit');
  await expect.poll(() => storeOf('drafts')).toEqual([]);
});

test('two panels write "What matters" of one person: the second is told, keeps its text, and the first text is kept in the history', async () => {
  await launch();
  const gmail = await tend!.openGmail('thread-second', '#inbox/thread-two');
  const tabId = await tend!.tabIdOf(gmail);
  const [first, second] = [await cardOf(tabId, 'Ada Lovelace'), await cardOf(tabId, 'Ada Lovelace')];
  // The second panel starts typing on an empty field; its save leaves after the first panel's.
  const late = await holdFieldSaves(second.page);
  await whatMattersBox(second).fill('Her notes on the engine');
  await expect.poll(() => late.held()).toBe(1);
  await whatMattersBox(first).fill('Her mother’s opinion of poetry');
  await whatMattersBox(first).blur();
  await expect.poll(() => storedWhatMatters('Ada Lovelace')).toBe('Her mother’s opinion of poetry');

  await late.release();
  await second.page.getByText('This field was changed in another window while you typed.', { exact: false }).waitFor();
  expect(await whatMattersBox(second).inputValue()).toBe('Her notes on the engine');
  await expect.poll(() => storedWhatMatters('Ada Lovelace')).toBe('Her notes on the engine');
  // Neither text is lost: the one replaced is an entry of Ada's history, shown in both panels.
  for (const panel of [first, second]) {
    await expect.poll(() => panel.historyTexts().then((texts) => texts.join('\n'))).toContain('Earlier “What matters to them”: Her mother’s opinion of poetry');
  }
  await expect.poll(() => whatMattersBox(first).inputValue()).toBe('Her notes on the engine');
  const found: string[] = [];
  for (const scheme of ['light', 'dark'] as const) found.push(...(await seriousViolations(second.page, scheme)));
  expect(found).toEqual([]);
});

test('a follow-up half written when the panel closes is there when the card is shown again; added, it is created once and its draft is gone', async () => {
  await launch();
  const gmail = await tend!.openGmail('thread-second', '#inbox/thread-two');
  const tabId = await tend!.tabIdOf(gmail);
  const panel = await cardOf(tabId, 'Katherine Johnson');
  await panel.page.getByRole('button', { name: 'Remind me', exact: true }).click();
  const form = panel.page.getByRole('form', { name: 'New follow-up' });
  await form.getByLabel('Follow up on').pressSequentially('Send her the launch tables', { delay: 5 });
  await form.getByLabel('Due', { exact: true }).fill('2031-03-04T09:30');
  await panel.page.close();

  const again = await cardOf(tabId, 'Katherine Johnson');
  const reopened = again.page.getByRole('form', { name: 'New follow-up' });
  await expect.poll(() => reopened.getByLabel('Follow up on').inputValue()).toBe('Send her the launch tables');
  expect(await reopened.getByLabel('Due', { exact: true }).inputValue()).toBe('2031-03-04T09:30');
  await reopened.getByRole('button', { name: 'Add follow-up' }).click();
  await again.page
    .getByRole('status')
    .getByText(/^Follow-up added/)
    .waitFor();
  await expect.poll(() => storeOf<{ text: string }>('followUps').then((all) => all.map((f) => f.text))).toEqual(['Send her the launch tables']);
  await expect.poll(() => storeOf('drafts')).toEqual([]);
  await again.page.close();

  const third = await cardOf(tabId, 'Katherine Johnson');
  await third.page.getByRole('button', { name: 'Remind me', exact: true }).click();
  await expect.poll(() => third.page.getByRole('form', { name: 'New follow-up' }).getByLabel('Follow up on').inputValue()).toBe('');
});

test('an entry edit and a follow-up edit half typed when the panel closes come back when edited again; Cancel throws them away', async () => {
  await launch();
  const gmail = await tend!.openGmail('thread-second', '#inbox/thread-two');
  const tabId = await tend!.tabIdOf(gmail);
  const panel = await cardOf(tabId, 'Ada Lovelace');
  await panel.addNote('Called about the engine');
  await expect.poll(() => panel.historyTexts().then((texts) => texts[0])).toContain('Called about the engine');
  await panel.page.getByRole('button', { name: /^Edit: Called about the engine/ }).click();
  await panel.page.getByLabel('Edit entry').fill('Called about the engine and the Bernoulli numbers');
  await panel.page.getByRole('button', { name: 'Remind me', exact: true }).click();
  const form = panel.page.getByRole('form', { name: 'New follow-up' });
  await form.getByLabel('Follow up on').fill('Send the notes');
  await form.getByLabel('Due', { exact: true }).fill('2031-03-04T09:30');
  await form.getByRole('button', { name: 'Add follow-up' }).click();
  await panel.page.getByRole('button', { name: 'Edit: Send the notes' }).click();
  await panel.page.getByRole('form', { name: 'Edit follow-up' }).getByLabel('Follow up on').fill('Send the notes, with the diagrams');
  await panel.page.close();

  const again = await cardOf(tabId, 'Ada Lovelace');
  await again.page.getByRole('button', { name: /^Edit: Called about the engine/ }).click();
  await expect.poll(() => again.page.getByLabel('Edit entry').inputValue()).toBe('Called about the engine and the Bernoulli numbers');
  await again.page.getByRole('button', { name: 'Edit: Send the notes' }).click();
  const editor = again.page.getByRole('form', { name: 'Edit follow-up' });
  await expect.poll(() => editor.getByLabel('Follow up on').inputValue()).toBe('Send the notes, with the diagrams');
  await editor.getByRole('button', { name: 'Cancel' }).click();
  await again.page.locator('form.entry-editor').getByRole('button', { name: 'Cancel' }).click();
  await expect.poll(() => storeOf('drafts')).toEqual([]);
});
