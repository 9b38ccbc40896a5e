import { afterAll, beforeAll, expect, test } from 'vitest';
import { seriousAxeFindings, seriousViolations } from './axe';
import { Tend } from './harness';
import { SidePanel } from './pages/side-panel';

let tend: Tend;
beforeAll(async () => {
  tend = await Tend.launch();
});
afterAll(() => tend?.close());

test('side panel with a card open: no serious or critical axe violation, light and dark', async () => {
  const gmail = await tend.openGmail('thread-expanded', '#inbox/thread-one');
  const panel = await SidePanel.open(await tend.context.newPage(), tend.url('sidepanel', `?tab=${await tend.tabIdOf(gmail)}`));
  await panel.openPerson('Ada Lovelace');
  await panel.addNote('Checked with axe');
  await panel.history.first().waitFor();
  expect(await seriousAxeFindings(panel.page)).toEqual([]);
});

test('popup and options: no serious or critical axe violation, light and dark', async () => {
  const gmail = await tend.openGmail('thread-expanded', '#inbox/thread-one');
  const popup = await tend.context.newPage();
  await popup.goto(tend.url('popup', `?tab=${await tend.tabIdOf(gmail)}`));
  await popup.getByLabel('Note', { exact: true }).waitFor();
  const options = await tend.context.newPage();
  await options.goto(tend.url('options'));
  await options.getByRole('heading', { name: 'Tend settings' }).waitFor();
  const found: string[] = [];
  for (const page of [popup, options]) for (const scheme of ['light', 'dark'] as const) found.push(...(await seriousViolations(page, scheme)));
  expect(found).toEqual([]);
});

test('the check itself finds violations where they exist', async () => {
  const page = await tend.context.newPage();
  await page.setContent('<html lang="en"><title>x</title><main><input type="text"><img src="x.png"></main></html>');
  const found = await seriousViolations(page, 'light');
  expect(found.some((v) => v.includes('label'))).toBe(true);
  expect(found.some((v) => v.includes('image-alt'))).toBe(true);
});
