import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { Tend } from './harness';
import { seriousAxeFindings } from './axe';
import { askBackground } from './pages/ask';
import { SidePanel } from './pages/side-panel';
import { storedRecords } from './pages/stored';
import { OptionsPage } from './pages/options';
import { openSamplePages } from '../../scripts/demo/sample-pages';
import { seedDemoHistory } from '../../scripts/demo/seed';

// Set TEND_SCREENSHOTS=<dir> to keep a picture of the card in the demo's thread at 360 x 600.
const SHOTS = process.env.TEND_SCREENSHOTS;

let tend: Tend;
beforeEach(async () => {
  tend = await Tend.launch();
});
afterEach(() => tend?.close());

async function cardOf(tabId: number, name: string): Promise<SidePanel> {
  const panel = await SidePanel.open(await tend.context.newPage(), tend.url('sidepanel', `?tab=${tabId}`));
  await panel.openPerson(name);
  return panel;
}

test('edits save without a Save button and survive closing the panel; a stage change joins the timeline', async () => {
  const gmail = await tend.openGmail('thread-second', '#inbox/thread-two');
  const tabId = await tend.tabIdOf(gmail);
  const panel = await cardOf(tabId, 'Katherine Johnson');
  await panel.page.getByLabel('What matters to them').fill('Her daughters; getting the numbers right');
  await panel.page.getByText('Details').click();
  await panel.page.getByLabel('Organisation').fill('NACA');
  await panel.page.getByLabel('Stage').selectOption('active');
  await expect.poll(() => panel.historyTexts().then((h) => h[0])).toContain('Stage: no stage → Active'); // shown with the stage's name; stored as data, stage: {to: 'active'}
  await panel.page.waitForTimeout(400); // the autosave pause
  await panel.page.close();

  const again = await cardOf(tabId, 'Katherine Johnson');
  expect(await again.page.getByLabel('What matters to them').inputValue()).toBe('Her daughters; getting the numbers right');
  await again.page.getByText('Details').click();
  expect(await again.page.getByLabel('Organisation').inputValue()).toBe('NACA');
  expect(await again.page.getByLabel('Facts').innerText()).toMatch(/Stage: Active/);
});

test('two panels editing one person: both edits kept, each panel shows the other’s', async () => {
  const gmail = await tend.openGmail('thread-second', '#inbox/thread-two');
  const tabId = await tend.tabIdOf(gmail);
  const [a, b] = [await cardOf(tabId, 'Ada Lovelace'), await cardOf(tabId, 'Ada Lovelace')];
  await a.page.getByText('Details').click();
  await b.page.getByText('Details').click();
  await a.page.getByLabel('Organisation').fill('Analytical Society');
  await b.page.getByLabel('Title').fill('Countess');
  await a.page.getByLabel('Organisation').blur();
  await b.page.getByLabel('Title').blur();
  await expect.poll(() => a.page.getByLabel('Title').inputValue()).toBe('Countess');
  await expect.poll(() => b.page.getByLabel('Organisation').inputValue()).toBe('Analytical Society');
});

test('timeline: entries grouped by day; edit an entry; delete it and undo', async () => {
  const gmail = await tend.openGmail('thread-second', '#inbox/thread-two');
  const tabId = await tend.tabIdOf(gmail);
  const panel = await cardOf(tabId, 'Ada Lovelace');
  await panel.page.getByLabel('Kind').selectOption('call');
  await panel.page.getByLabel('How it went').selectOption('positive');
  await panel.addNote('Called about the engine');
  await expect.poll(() => panel.historyTexts().then((h) => h[0])).toContain('Called about the engine');
  expect((await panel.historyTexts())[0]).toMatch(/Call[\s\S]*Went well/);
  await panel.page.getByRole('region', { name: 'Today' }).waitFor();

  await panel.page.getByRole('button', { name: /^Edit: Called about the engine/ }).click();
  await panel.page.getByLabel('Edit entry').fill('Called about the engine and the notes');
  await panel.page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(() => panel.historyTexts().then((h) => h[0])).toContain('Called about the engine and the notes');
  expect((await panel.historyTexts())[0]).toContain('edited');

  await panel.page.getByRole('button', { name: /^Delete: Called about the engine/ }).click();
  await expect.poll(() => panel.historyTexts()).toEqual([expect.stringContaining('Launch window')]);
  await panel.page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => panel.historyTexts().then((h) => h[0])).toContain('Called about the engine and the notes');
  expect(await panel.page.getByRole('button', { name: /^Delete: Launch window/ }).count()).toBe(0);
});

test('one person can be downloaded as a vCard from their card', async () => {
  const gmail = await tend.openGmail('thread-second', '#inbox/thread-two');
  const panel = await cardOf(await tend.tabIdOf(gmail), 'Katherine Johnson');
  await panel.page.getByLabel('What matters to them').fill('Getting the numbers right');
  await panel.page.getByLabel('What matters to them').blur();
  // The vCard is the stored person: the field's save is awaited, as a user sees it go.
  await expect
    .poll(
      async () =>
        (await storedRecords<{ displayName: string; whatMatters?: string }>(tend, 'contacts')).find((c) => c.displayName === 'Katherine Johnson')?.whatMatters,
    )
    .toBe('Getting the numbers right');
  await panel.page.getByText('Details').click();
  const [download] = await Promise.all([panel.page.waitForEvent('download'), panel.page.getByRole('button', { name: 'Download vCard' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^katherine-johnson-\d{4}-\d{2}-\d{2}\.vcf$/);
  const text = readFileSync((await download.path())!, 'utf8');
  expect(text).toMatch(/^BEGIN:VCARD\r\nVERSION:4\.0\r\n/);
  expect(text).toContain('FN:Katherine Johnson');
  expect(text).toContain('EMAIL;PREF=1:katherine@orbit.example');
  expect(text).toContain('NOTE:Getting the numbers right');
  expect(text.match(/BEGIN:VCARD/g)).toHaveLength(1);
});

/** The note box is in view at the panel's first paint: no scroll, its bottom inside 600 px. */
async function expectNoteBoxInView(page: Page) {
  const box = await page.getByLabel('Note', { exact: true }).boundingBox();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  expect(box!.y).toBeGreaterThan(0);
  expect(box!.y + box!.height).toBeLessThanOrEqual(600);
}

test('a compact card: in a 360 × 600 panel the note box is in view without scrolling, with one person on the page', async () => {
  const gmail = await tend.openGmail('app', '#inbox/FMfcgzQZTLnpWvpbLkvKqrbGrqzvDJXp');
  const page = await tend.context.newPage();
  await page.setViewportSize({ width: 360, height: 600 });
  const panel = await SidePanel.open(page, tend.url('sidepanel', `?tab=${await tend.tabIdOf(gmail)}`));
  await panel.openPerson('Mary Jackson');
  // A person with everything filled in: a long header must not push the note box down.
  const contactId = (await askBackground(page, { type: 'getTabPeople', tabId: await tend.tabIdOf(gmail) }))!.people.find(
    (p) => p.displayName === 'Mary Jackson',
  )!.contactId!;
  await askBackground(page, {
    type: 'updateContact',
    contactId,
    patch: { org: 'Analytical Engine Ltd', title: 'Inventor', stage: 'active', tags: ['engineering', 'london'], whatMatters: 'His engine; funding' },
  });
  await panel.card.getByText('Inventor, Analytical Engine Ltd').waitFor();
  await expectNoteBoxInView(page);
});

test('a compact card: in a 360 × 600 panel the note box is in view without scrolling in the demo’s thread of three people with their history', async () => {
  const options = await OptionsPage.open(await tend.context.newPage(), tend.url('options'));
  await seedDemoHistory(options);
  const { gmail } = await openSamplePages(tend);
  const page = await tend.context.newPage();
  await page.setViewportSize({ width: 360, height: 600 });
  const panel = await SidePanel.open(page, tend.url('sidepanel', `?tab=${await tend.tabIdOf(gmail)}`));
  await expect.poll(() => panel.peopleNames()).toHaveLength(3);
  await panel.openPerson('Ada Lovelace');
  // Everything the card shows has come: the follow-ups, the history.
  await panel.card.getByText('Send Ada the checked Bernoulli table').first().waitFor();
  await panel.history.first().waitFor();
  await expectNoteBoxInView(page);
  if (SHOTS) {
    await page.screenshot({ path: `${SHOTS}/card-three-people-360x600.png` });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: `${SHOTS}/card-three-people-360x600-dark.png` });
  }
});

test('the card’s header: facts, chips, pin; Remind me adds a follow-up the header counts; no serious axe finding, light and dark', async () => {
  const gmail = await tend.openGmail('thread-second', '#inbox/thread-two');
  const panel = await cardOf(await tend.tabIdOf(gmail), 'Katherine Johnson');
  await panel.page.getByText('Details').click();
  await panel.page.getByLabel('Tags', { exact: true }).fill('nasa, orbits');
  await panel.page.getByLabel('Stage', { exact: true }).selectOption('customer');
  await panel.page.getByLabel('Tags', { exact: true }).blur();
  const chips = panel.card.getByRole('list', { name: 'Stage and tags' }).getByRole('listitem');
  await expect.poll(() => chips.allInnerTexts()).toEqual([expect.stringContaining('Customer'), 'nasa', 'orbits']);
  expect(await panel.card.getByRole('group', { name: 'Facts' }).innerText()).toMatch(/Last talked (just now|\d+ minutes? ago) · 1 interaction this year/);

  await panel.page.getByRole('button', { name: 'Remind me', exact: true }).click();
  await panel.page.getByRole('form', { name: 'New follow-up' }).getByLabel('Follow up on').fill('Send the tables');
  await panel.page.getByRole('button', { name: 'Add follow-up' }).click();
  await expect.poll(() => panel.card.getByRole('group', { name: 'Facts' }).innerText()).toContain('1 open follow-up');
  await panel.page.getByRole('button', { name: 'Note', exact: true }).click();
  await panel.page.getByLabel('Note', { exact: true }).waitFor();

  const pin = panel.card.getByRole('button', { name: 'Pin' });
  await pin.click();
  expect(await pin.getAttribute('aria-pressed')).toBe('true');
  expect(await seriousAxeFindings(panel.page)).toEqual([]);
});
