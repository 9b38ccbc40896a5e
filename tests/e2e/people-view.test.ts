import { afterAll, beforeAll, expect, test } from 'vitest';
import { manyPeople } from '../../bench/pages/people';
import type { Contact } from '../../utils/model/records';
import { seriousAxeFindings } from './axe';
import { Tend } from './harness';
import { PeopleView } from './pages/people-view';

const DAY = 86_400_000;
// Set TEND_SCREENSHOTS=<dir> to keep pictures of the view, light and dark, 360 px wide.
const SHOTS = process.env.TEND_SCREENSHOTS;
const NOW = Date.now();

let made = 0;
/** A person last in touch `lastDays` ago (never when absent). */
function person(displayName: string, fields: Partial<Contact> & { lastDays?: number } = {}): Contact {
  const { lastDays, ...rest } = fields;
  made += 1;
  return {
    id: crypto.randomUUID(),
    displayName,
    identities: [{ kind: 'email', value: `person${made}@people.example` }],
    tags: [],
    createdAt: NOW - 300 * DAY,
    updatedAt: NOW - 300 * DAY,
    ...(lastDays !== undefined && { lastInteractionAt: NOW - lastDays * DAY }),
    ...rest,
  };
}

const PEOPLE = [
  person('Ada Lovelace', { org: 'Analytical Engines', tags: ['client'], stage: 'customer', cadenceDays: 30, lastDays: 45 }),
  person('Grace Hopper', { org: 'Navy Research', tags: ['client', 'navy'], stage: 'active', lastDays: 2 }),
  person('Alan Turing', { org: 'Bletchley Park', tags: ['client'], stage: 'customer', lastDays: 10 }),
  person('Katherine Johnson', { org: 'NASA Langley', tags: ['friend'], lastDays: 1 }),
  person('Edsger Dijkstra', { stage: 'prospect', cadenceDays: 14, lastDays: 12 }),
  person('Barbara Liskov'),
  // Two of one name: a possible duplicate.
  person('Radia Perlman', { org: 'DEC', lastDays: 100 }),
  person('Radia Perlman', { lastDays: 200 }),
];

let tend: Tend;
let view: PeopleView;
beforeAll(async () => {
  tend = await Tend.launch();
  const page = await tend.context.newPage();
  await page.setViewportSize({ width: 360, height: 640 });
  await page.goto(tend.url('sidepanel'));
  view = new PeopleView(page);
});
afterAll(() => tend?.close());

test('seeded people: filter by tag and stage with counts, sort by last interaction, open a card from the list; axe light and dark', async () => {
  await view.seed(PEOPLE);
  await view.open();
  await expect
    .poll(() => view.names())
    .toEqual(['Ada Lovelace', 'Alan Turing', 'Barbara Liskov', 'Edsger Dijkstra', 'Grace Hopper', 'Katherine Johnson', 'Radia Perlman', 'Radia Perlman']);
  expect(await view.count.innerText()).toBe('8 people');
  expect(await view.options('Tag')).toEqual(['Any (8)', 'client (3)', 'friend (1)', 'navy (1)']);
  expect(await view.options('Stage')).toEqual(['Any (8)', 'Active (1)', 'Customer (2)', 'Prospect (1)', 'No stage (4)'].sort(byStageOrder));
  expect(await view.options('Keep in touch')).toEqual(['Any (8)', 'Overdue (1)', 'Soon (1)', 'No cadence (6)']);
  expect(await view.page.locator('.people-duplicates').innerText()).toContain('1 possible duplicate');

  await view.choose('Tag', 'client');
  await expect.poll(() => view.names()).toEqual(['Ada Lovelace', 'Alan Turing', 'Grace Hopper']);
  expect(await view.count.innerText()).toBe('3 of 8 people');
  // Stage counts now count the client-tagged people only.
  expect(await view.options('Stage')).toEqual(['Any (3)', 'Active (1)', 'Customer (2)']);
  await view.choose('Stage', 'Customer');
  await expect.poll(() => view.names()).toEqual(['Ada Lovelace', 'Alan Turing']);
  expect(await view.options('Tag')).toEqual(['Any (2)', 'client (2)']);

  await view.choose('Sort by', 'Last interaction');
  await expect.poll(() => view.names()).toEqual(['Alan Turing', 'Ada Lovelace']);
  await view.choose('Tag', 'Any');
  await view.choose('Stage', 'Any');
  await expect
    .poll(() => view.names())
    .toEqual(['Katherine Johnson', 'Grace Hopper', 'Alan Turing', 'Edsger Dijkstra', 'Ada Lovelace', 'Radia Perlman', 'Radia Perlman', 'Barbara Liskov']);
  const row = view.rows.filter({ hasText: 'Grace Hopper' });
  expect(await row.innerText()).toMatch(/Grace Hopper\s+Navy Research\s*·?\s*last interaction 2 days ago/);

  await view.choose('Sort by', 'Drifting first');
  await expect.poll(() => view.names().then((names) => names.slice(0, 2))).toEqual(['Ada Lovelace', 'Edsger Dijkstra']);
  expect(await view.rows.first().innerText()).toContain('Overdue');
  await view.choose('Keep in touch', 'Overdue');
  await expect.poll(() => view.names()).toEqual(['Ada Lovelace']);
  expect(await view.count.innerText()).toBe('1 of 8 people');
  await view.choose('Keep in touch', 'Any');
  await expect.poll(() => view.names().then((names) => names.length)).toBe(8);
  if (SHOTS) {
    for (const scheme of ['light', 'dark'] as const) {
      await view.page.emulateMedia({ colorScheme: scheme });
      await view.page.screenshot({ path: `${SHOTS}/people-view-${scheme}-360.png` });
    }
  }

  const found = await seriousAxeFindings(view.page);
  await view.page.emulateMedia({ colorScheme: 'light' });
  expect(found).toEqual([]);

  // The duplicates review is the search view's, here too.
  await view.page.getByRole('button', { name: 'Review' }).click();
  await expect.poll(() => view.page.getByRole('list', { name: 'Possible duplicates' }).getByRole('listitem').count()).toBeGreaterThan(0);
  expect(await seriousAxeFindings(view.page)).toEqual([]);
  await view.page.emulateMedia({ colorScheme: 'light' });
  await view.page.getByRole('button', { name: 'Hide' }).click();

  await view.rows.filter({ hasText: 'Grace Hopper' }).getByRole('button').click();
  await view.page.getByRole('article').getByRole('heading', { name: 'Grace Hopper', level: 2 }).waitFor();
  // Back in the People view: the same order as left.
  await view.open();
  await expect.poll(() => view.names().then((names) => names.slice(0, 2))).toEqual(['Ada Lovelace', 'Edsger Dijkstra']);
});

test('2,000 people: a few dozen rows in the DOM whatever the scroll; keyboard reaches the last; a change shows without reopening', async () => {
  const many = manyPeople(2_000, NOW);
  await view.seed(many);
  await view.page.reload();
  await view.open();
  await view.choose('Sort by', 'Name');
  await expect.poll(() => view.count.innerText()).toBe('2,000 people');
  const inDom = () => view.rows.count();
  expect(await inDom()).toBeLessThan(40);
  expect(await view.rows.first().getAttribute('aria-setsize')).toBe('2000');

  await view.page.mouse.move(180, 400);
  for (let i = 0; i < 10; i++) await view.page.mouse.wheel(0, 3_000);
  // The furthest row rendered (the first row stays too: it holds the list's tab stop).
  const furthest = () => view.list.evaluate((ul) => Math.max(...[...ul.children].map((li) => Number(li.getAttribute('aria-posinset')))));
  await expect.poll(furthest).toBeGreaterThan(300);
  expect(await inDom()).toBeLessThan(40);

  await view.rows.nth(3).getByRole('button').focus();
  await view.page.keyboard.press('End');
  const focused = view.page.locator(':focus');
  await expect.poll(() => focused.evaluate((el) => el.closest('li')?.getAttribute('aria-posinset'))).toBe('2000');
  const last = [...many].sort((a, b) => new Intl.Collator(undefined, { sensitivity: 'base', numeric: true }).compare(a.displayName, b.displayName)).at(-1)!;
  expect(await focused.innerText()).toContain(last.displayName);
  expect(await focused.evaluate((el) => el.getBoundingClientRect().bottom <= window.innerHeight)).toBe(true);
  await view.page.keyboard.press('Home');
  await expect.poll(() => focused.evaluate((el) => el.closest('li')?.getAttribute('aria-posinset'))).toBe('1');
  expect(await inDom()).toBeLessThan(40);

  // Someone new, added elsewhere (the search view, a thread): the list follows without a reload.
  await view.page.evaluate(() =>
    (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }).chrome.runtime.sendMessage({
      type: 'createContact',
      displayName: 'Aaron Aardvark',
    }),
  );
  await expect.poll(() => view.count.innerText()).toBe('2,001 people');
  await expect.poll(() => view.names().then((names) => names[0])).toBe('Aaron Aardvark');
});

test('more people than the first answer holds, opened right after the worker stopped: every one shown, sorted and filtered right', async () => {
  const many = manyPeople(600, NOW, 7);
  await view.seed(many);
  await tend.stopServiceWorker(view.page);
  await view.page.reload();
  await view.open();
  await view.choose('Sort by', 'Last interaction');
  await view.choose('Tag', 'client');
  const byName = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
  const expected = many
    .filter((p) => p.tags.includes('client'))
    .sort((a, b) => (b.lastInteractionAt ?? -1) - (a.lastInteractionAt ?? -1) || byName.compare(a.displayName, b.displayName))
    .map((p) => p.displayName);
  expect(expected.length).toBeGreaterThan(60); // more than the first answer's rows
  await expect.poll(() => view.count.innerText()).toBe(`${expected.length} of 600 people`);
  await expect.poll(() => view.rows.first().getAttribute('aria-setsize')).toBe(String(expected.length));

  // Every row, in order: scroll through the list and read each row at its place.
  const shown = new Map<number, string>();
  const read = async () => {
    const rows = await view.list.evaluate((ul) =>
      [...ul.children].map((li) => [Number(li.getAttribute('aria-posinset')), li.querySelector('.people-row-name')?.textContent ?? ''] as const),
    );
    for (const [place, name] of rows) shown.set(place, name);
  };
  for (let y = 0; shown.size < expected.length && y < expected.length * 80; y += 300) {
    await view.page.evaluate((top) => window.scrollTo(0, top), y);
    await view.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await read();
  }
  expect(Array.from({ length: expected.length }, (_, i) => shown.get(i + 1))).toEqual(expected);
});

/** Stage options in the order the view lists them (the stages' order, then "No stage"). */
function byStageOrder(a: string, b: string): number {
  const order = ['Any', 'Prospect', 'Active', 'Customer', 'Won', 'Lost', 'Dormant', 'No stage'];
  const rank = (text: string) => order.findIndex((name) => text.startsWith(name));
  return rank(a) - rank(b);
}
