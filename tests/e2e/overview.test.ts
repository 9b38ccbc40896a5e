import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Contact } from '../../utils/model/records';
import { seriousViolations } from './axe';
import { Tend } from './harness';
import { backupFileText } from './pages/backup-file';
import { OptionsPage } from './pages/options';

let tend: Tend;
beforeAll(async () => {
  tend = await Tend.launch();
});
afterAll(() => tend?.close());

const DAY = 24 * 60 * 60 * 1000;

/** A person as a backup from another machine holds them: already won, created on their own date, no stage entry. */
const wonPerson = (name: string, email: string, createdAt: number): Contact => ({
  id: crypto.randomUUID(),
  displayName: name,
  identities: [{ kind: 'email', value: email }],
  tags: [],
  stage: 'won',
  createdAt,
  updatedAt: createdAt,
});

test('the Overview counts a restored "won" person in the period of their date; the charts have labelled axes, dates and a table; axe light and dark', async () => {
  // The browser and this test share the machine's time zone: "this month" is the same month for both.
  const now = new Date();
  const monthStart = new Date(now.getFullYear(), now.getMonth(), 1).getTime();
  const options = await OptionsPage.open(await tend.context.newPage(), tend.url('options'));
  await options.restoreBackup(
    'won.json',
    backupFileText({
      contacts: [wonPerson('Won This Month', 'this@month.example', monthStart + 60_000), wonPerson('Won Long Ago', 'long@ago.example', monthStart - 40 * DAY)],
      interactions: [],
    }),
  );

  const panel = await tend.context.newPage();
  await panel.setViewportSize({ width: 360, height: 800 });
  await panel.goto(tend.url('sidepanel', `?tab=${await tend.tabIdOf(options.page)}`));
  await panel.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Follow-ups' }).click();
  await panel.getByRole('navigation', { name: 'Follow-up views' }).getByRole('button', { name: 'Overview' }).click();
  const won = panel.getByRole('list', { name: 'Won' }).first();
  await expect.poll(() => won.innerText()).toBe('Won This Month');

  // The month's charts: counts up the side, days along the bottom (first, middle, last), named axes.
  const interactions = panel.locator('svg.column-chart').first();
  expect(await interactions.locator('.axis-title').allTextContents()).toEqual(['Interactions', 'Day']);
  const days = new Date(now.getFullYear(), now.getMonth() + 1, 0).getDate();
  // Dates in Chrome's language, as the extension writes them.
  const language = await panel.evaluate(() => (globalThis as unknown as { chrome: { i18n: { getUILanguage(): string } } }).chrome.i18n.getUILanguage());
  const day = (n: number) => new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short' }).format(new Date(now.getFullYear(), now.getMonth(), n));
  expect(await interactions.locator('.tick').allTextContents()).toEqual(['1', '0', day(1), day(Math.floor((days - 1) / 2) + 1), day(days)]);
  expect(await panel.locator('svg.column-chart').nth(1).locator('.axis-title').allTextContents()).toEqual(['People', 'Day']);
  await panel.getByText('Show the numbers').click();
  expect(await panel.locator('.activity-table tbody tr').count()).toBe(days);
  await panel.getByText(/^Interactions logged: \d+ \(\d+ the week before\)$/).waitFor();

  for (const scheme of ['light', 'dark'] as const) expect(await seriousViolations(panel, scheme)).toEqual([]);

  // Over the year, the long-ago person counts too when their date falls in this year.
  await panel.getByLabel('Period', { exact: true }).selectOption('year');
  const thisYear = new Date(monthStart - 40 * DAY).getFullYear() === now.getFullYear();
  await expect.poll(() => won.innerText().then((text) => text.split('\n').sort())).toEqual(thisYear ? ['Won Long Ago', 'Won This Month'] : ['Won This Month']);
  expect(await interactions.locator('.axis-title').allTextContents()).toEqual(['Interactions', 'Month']);
  const monthName = (m: number) => new Intl.DateTimeFormat(language, { month: 'short' }).format(new Date(now.getFullYear(), m, 1));
  expect(await interactions.locator('.tick').allTextContents()).toEqual(['1', '0', monthName(0), monthName(5), monthName(11)]);
});
