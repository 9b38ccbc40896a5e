import { afterAll, beforeAll, expect, test } from 'vitest';
import { Tend } from './harness';
import { OptionsPage } from './pages/options';
import { SidePanel } from './pages/side-panel';

let tend: Tend;
beforeAll(async () => {
  tend = await Tend.launch();
});
afterAll(() => tend?.close());

test('own addresses learned from Gmail show in settings; never-record lists hold end to end', async () => {
  const first = await tend.openGmail('thread-expanded', '#inbox/thread-one');
  const options = await OptionsPage.open(await tend.context.newPage(), tend.url('options'));
  await expect.poll(() => options.page.reload().then(() => options.entries('Your addresses'))).toEqual(['me@example.com']);

  await options.addTo('Never record these addresses', 'Charles@Engine.example', 'charles@engine.example');
  await options.addTo('Never record anyone at these domains', '@navy.example', 'navy.example');
  await options.page.getByLabel('Add to Never record anyone at these domains').fill('not a domain');
  await options.page.getByLabel('Add to Never record anyone at these domains').press('Enter');
  await options.page.getByRole('alert').getByText('is not a domain').waitFor();
  expect(await options.entries('Never record anyone at these domains')).toEqual(['navy.example']);

  await first.reload();
  const panel = await SidePanel.open(await tend.context.newPage(), tend.url('sidepanel', `?tab=${await tend.tabIdOf(first)}`));
  await expect.poll(() => panel.peopleNames()).toEqual(['Ada Lovelace']);

  // Marking a person as your own address hides them too.
  await options.addTo('Your addresses', 'ada@analytical.example');
  await first.reload();
  await panel.page.reload();
  await panel.page.getByText('No people recognised on this page').waitFor();
});

test('options list the keyboard shortcuts and how to change them; the removal warning follows the settings, above the data', async () => {
  const options = await OptionsPage.open(await tend.context.newPage(), tend.url('options'));
  // The page shows what Chrome assigned: a profile started from the command line assigns none
  // (hence "not set"); a normal install gets the manifest's suggested keys, checked below.
  const worker = await tend.worker();
  const assigned = await worker.evaluate(async () =>
    (await (globalThis as unknown as { chrome: { commands: { getAll(): Promise<{ shortcut?: string }[]> } } }).chrome.commands.getAll()).map(
      (c) => c.shortcut || 'not set',
    ),
  );
  const shortcuts = await options.page.getByRole('list', { name: 'Shortcuts' }).innerText();
  expect(shortcuts).toContain('Quick note about the people on this page');
  expect(shortcuts).toContain('Open the side panel');
  for (const shortcut of assigned) expect(shortcuts).toContain(shortcut);
  const manifest = await worker.evaluate(() =>
    (
      globalThis as unknown as { chrome: { runtime: { getManifest(): { commands: Record<string, { suggested_key: { default: string } }> } } } }
    ).chrome.runtime.getManifest(),
  );
  expect(
    Object.values(manifest.commands)
      .map((c) => c.suggested_key.default)
      .sort(),
  ).toEqual(['Alt+Shift+N', 'Alt+Shift+P']);
  await options.page.getByRole('button', { name: 'Change shortcuts' }).waitFor();
  // A new user first meets the settings they need; the warning and its backup come before the data sections.
  const headings = await options.page.getByRole('heading', { level: 2 }).allInnerTexts();
  expect(headings[0]).toBe('Your addresses');
  const removal = headings.findIndex((h) => /removing/i.test(h));
  expect(removal).toBeGreaterThan(headings.indexOf('Sites Tend reads'));
  expect(removal).toBeLessThan(headings.indexOf('Export'));
  await options.page.getByRole('region', { name: 'Removing Tend deletes your data' }).getByRole('button', { name: 'Download a backup' }).waitFor();
});

test('automatic history off for Gmail: people are listed, no "seen in thread" entry is recorded', async () => {
  const options = await OptionsPage.open(await tend.context.newPage(), tend.url('options'));
  await options.page.getByLabel('Gmail', { exact: true }).uncheck();
  await expect.poll(() => options.page.getByLabel('Gmail', { exact: true }).isChecked()).toBe(false);
  const gmail = await tend.openGmail('thread-second', '#inbox/thread-new');
  const panel = await SidePanel.open(await tend.context.newPage(), tend.url('sidepanel', `?tab=${await tend.tabIdOf(gmail)}`));
  await expect.poll(() => panel.peopleNames()).toContain('Katherine Johnson');
  await panel.openPerson('Katherine Johnson');
  await panel.page.getByText('Nothing yet').waitFor();
});
