import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import type { Worker } from 'playwright-core';
import { seriousAxeFindings } from './axe';
import { Tend } from './harness';
import { DockedSidePanel } from './pages/docked-side-panel';

/** The part of the worker's globals these tests read. */
interface WorkerGlobals {
  tend: { installEvents: { reason: string; welcomeOpened: boolean }[] };
  chrome: {
    tabs: { query(filter: object): Promise<{ url?: string }[]> };
    commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> };
    action: { getUserSettings(): Promise<{ isOnToolbar: boolean }> };
  };
}
const installEvents = async (running: Worker | Promise<Worker>) => (await running).evaluate(() => (globalThis as unknown as WorkerGlobals).tend.installEvents);
const welcomeTabs = (worker: Worker, url: string) =>
  worker.evaluate(async (welcome) => (await (globalThis as unknown as WorkerGlobals).chrome.tabs.query({})).filter((tab) => tab.url === welcome).length, url);

const EXTENSION_PATH = resolve(process.env.TEND_EXTENSION ?? '.output/chrome-mv3');

let tend: Tend | undefined;
afterEach(() => tend?.close());

test('a fresh install opens the welcome page; a restart and an update (reload) do not', async () => {
  // The harness starts every browser with a new profile: Chrome installs Tend and fires onInstalled "install".
  const profile = mkdtempSync(join(tmpdir(), 'tend-welcome-'));
  tend = await Tend.launch(profile);
  const welcome = tend.url('welcome');
  const welcomePages = () => tend!.context.pages().filter((page) => page.url() === welcome);
  await expect.poll(() => welcomePages().length).toBe(1);
  expect(await installEvents(await tend.worker())).toEqual([{ reason: 'install', welcomeOpened: true }]);
  await tend.close();

  // Same profile again: Chrome reports "install" again for a --load-extension extension (measured:
  // Chromium 156), and Tend remembers it already welcomed this profile.
  tend = await Tend.launch(profile);
  await expect.poll(() => installEvents(tend!.worker()).catch(() => [])).toEqual([{ reason: 'install', welcomeOpened: false }]);
  expect(await welcomeTabs(await tend.worker(), welcome)).toBe(0);

  // Loading the same folder again is Chrome's reload: the new worker hears onInstalled "update".
  const cdp = await tend.context.browser()!.newBrowserCDPSession();
  await cdp.send('Extensions.loadUnpacked' as never, { path: EXTENSION_PATH } as never);
  await expect.poll(() => installEvents(tend!.worker()).catch(() => [])).toEqual([{ reason: 'update', welcomeOpened: false }]);
  expect(await welcomeTabs(await tend.worker(), welcome)).toBe(0);
  expect(welcomePages()).toEqual([]);
});

test('the welcome page: pin state, the side panel button and its shortcut, the way to import; axe light and dark', async () => {
  tend = await Tend.launch();
  const welcome = await tend.context.newPage();
  await welcome.goto(tend.url('welcome'));
  await welcome.getByRole('heading', { name: 'Welcome to Tend', level: 1 }).waitFor();
  const worker = await tend.worker();

  // The pin state is Chrome's: a new profile has Tend in the puzzle-piece menu, not on the toolbar.
  const { isOnToolbar } = await worker.evaluate(() => (globalThis as unknown as WorkerGlobals).chrome.action.getUserSettings());
  const pin = welcome.getByRole('region', { name: 'Pin Tend to the toolbar' });
  await pin.getByText(isOnToolbar ? 'Done: Tend’s icon is on the toolbar.' : 'Tend is not pinned yet.', { exact: false }).waitFor();
  if (!isOnToolbar) await pin.getByText('Click the pin beside Tend.', { exact: false }).waitFor();

  // The shortcut shown is the one Chrome has (a profile started from the command line has none).
  const commands = await worker.evaluate(() => (globalThis as unknown as WorkerGlobals).chrome.commands.getAll());
  const assigned = commands.find((c) => c.name === 'open-side-panel')?.shortcut;
  const panelStep = welcome.getByRole('region', { name: 'Open the side panel' });
  await panelStep.getByText(assigned || 'not set', { exact: true }).waitFor();
  await panelStep.getByRole('button', { name: assigned ? 'Change it' : 'Set one in Chrome’s shortcuts page' }).waitFor();

  expect(await seriousAxeFindings(welcome)).toEqual([]);
  await welcome.emulateMedia({ colorScheme: 'light' });

  await panelStep.getByRole('button', { name: 'Open side panel' }).click();
  const panel = await DockedSidePanel.attach(tend, welcome);
  await expect.poll(() => panel.evaluate<string>('document.querySelector("h2#on-page-heading")?.textContent')).toBe('On this page');

  await welcome.getByRole('link', { name: 'Import contacts' }).click();
  await welcome.waitForURL(`${tend.url('options')}#import-heading`);
  await welcome.getByRole('heading', { name: 'Import', level: 2 }).waitFor();
  // Scrolled to the import section (it sits below the first screen of the settings page).
  const inView = () =>
    welcome.evaluate(() => {
      const top = document.getElementById('import-heading')!.getBoundingClientRect().top;
      return top >= 0 && top < innerHeight && scrollY > 0;
    });
  await expect.poll(inView).toBe(true);
});

test('the settings page links to the welcome page', async () => {
  tend = await Tend.launch();
  const options = await tend.context.newPage();
  await options.goto(tend.url('options'));
  await options.getByRole('link', { name: 'Getting started with Tend' }).click();
  await options.waitForURL(tend.url('welcome'));
  await options.getByRole('heading', { name: 'Welcome to Tend', level: 1 }).waitFor();
});
