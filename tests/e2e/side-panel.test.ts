import { afterAll, beforeAll, expect, test } from 'vitest';
import { Tend } from './harness';
import { SidePanel } from './pages/side-panel';

let tend: Tend;
beforeAll(async () => {
  tend = await Tend.launch();
});
afterAll(() => tend?.close());

async function panelFor(tabId: number): Promise<SidePanel> {
  return SidePanel.open(await tend.context.newPage(), tend.url('sidepanel', `?tab=${tabId}`));
}

test('a Gmail thread: sender, To and Cc are listed with names and addresses; my own address is not', async () => {
  const gmail = await tend.openGmail('thread-expanded', '#inbox/FMfcgzQZTLnpWvpbLkvKqrbGrqzvDJXp');
  const panel = await panelFor(await tend.tabIdOf(gmail));
  await expect.poll(() => panel.peopleNames()).toEqual(['Ada Lovelace', 'Charles Babbage', 'Grace Hopper']);
  const listed = await panel.peopleList.innerText();
  for (const address of ['ada@analytical.example', 'charles@engine.example', 'grace@navy.example']) expect(listed).toContain(address);
  expect(listed).not.toContain('me@example.com');
  expect(listed).not.toContain('script-only@example.com');
  await Promise.all([gmail.close(), panel.page.close()]);
});

test('several correspondents: the sender of the newest message is marked in words, no card opens by itself, one click opens one', async () => {
  const gmail = await tend.openGmail('thread-expanded', '#inbox/thread-one');
  const panel = await panelFor(await tend.tabIdOf(gmail));
  await expect.poll(() => panel.peopleNames()).toEqual(['Ada Lovelace', 'Charles Babbage', 'Grace Hopper']);
  // Ada wrote first, Charles replied: Charles wrote last.
  const marked = panel.people.filter({ hasText: 'wrote last' });
  await expect.poll(() => marked.count()).toBe(1);
  expect(await marked.locator('.person-name').innerText()).toBe('Charles Babbage');
  expect(await panel.card.count()).toBe(0);
  await panel.person('Charles Babbage').click();
  await panel.card.getByRole('heading', { name: 'Charles Babbage', level: 2 }).waitFor();
  expect(await panel.person('Charles Babbage').getAttribute('aria-pressed')).toBe('true');
  await Promise.all([gmail.close(), panel.page.close()]);
});

test('the same person in two threads is one contact with two history entries', async () => {
  const first = await tend.openGmail('thread-expanded', '#inbox/thread-one');
  const second = await tend.openGmail('thread-second', '#inbox/thread-two');
  const panel = await panelFor(await tend.tabIdOf(second));
  await expect.poll(() => panel.peopleNames()).toEqual(['Katherine Johnson', 'Ada Lovelace']);
  await panel.openPerson('Ada Lovelace');
  await expect.poll(() => panel.history.count()).toBe(2);
  const history = await panel.historyTexts();
  expect(history[0]).toContain('Launch window');
  expect(history[1]).toContain('Quarterly plan');
  expect(await panel.card.getByRole('list', { name: 'Addresses' }).innerText()).toBe('ada@analytical.example');

  // Reloading the thread (a later scan the same day) adds no second "seen" entry.
  await second.reload();
  await second.waitForTimeout(1000);
  await panel.page.reload();
  await panel.openPerson('Ada Lovelace');
  await expect.poll(() => panel.history.count()).toBe(2);
  await Promise.all([first.close(), second.close(), panel.page.close()]);
});

test('a note added to a person is in their history at once and after reopening the panel', async () => {
  const gmail = await tend.openGmail('thread-second', '#inbox/thread-two');
  const tabId = await tend.tabIdOf(gmail);
  const panel = await panelFor(tabId);
  await panel.openPerson('Katherine Johnson');
  await panel.addNote('Prefers calls before 10am. Ask about the launch.');
  await expect.poll(() => panel.historyTexts().then((h) => h[0])).toContain('Prefers calls before 10am');
  await panel.page.close();

  const reopened = await panelFor(tabId);
  await reopened.openPerson('Katherine Johnson');
  await expect
    .poll(() => reopened.historyTexts())
    .toEqual([expect.stringContaining('Prefers calls before 10am. Ask about the launch.'), expect.stringContaining('Launch window')]);
  await Promise.all([gmail.close(), reopened.page.close()]);
});

test('moving between threads in Gmail (no reload) updates the panel within a second', async () => {
  const gmail = await tend.openGmail('app', '#inbox');
  const panel = await panelFor(await tend.tabIdOf(gmail));
  await panel.page.getByText('No people recognised on this page').waitFor();

  await gmail.evaluate(() => (location.hash = '#inbox/FMfcgzQZTLnpWvpbLkvKqrbGrqzvDJXp'));
  const started = Date.now();
  await expect.poll(() => panel.peopleNames(), { timeout: 1000, interval: 50 }).toEqual(['Mary Jackson']);
  expect(Date.now() - started).toBeLessThan(1000);

  await gmail.evaluate(() => (location.hash = '#inbox/FMfcgzQZTMbnnWxcfzLrJSqxTRvKpHsM'));
  await expect.poll(() => panel.peopleNames(), { timeout: 1000, interval: 50 }).toEqual(['Dorothy Vaughan']);

  await gmail.evaluate(() => (location.hash = '#inbox'));
  await expect.poll(() => panel.peopleNames(), { timeout: 1000, interval: 50 }).toEqual([]);
  await Promise.all([gmail.close(), panel.page.close()]);
});

test('Gmail markup Tend does not know yields no people and no errors on the page', async () => {
  const errors: string[] = [];
  const page = await tend.context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('https://mail.google.com/mail/u/0/?tend-fixture=inbox-unexpected#inbox');
  const panel = await panelFor(await tend.tabIdOf(page));
  await panel.page.getByText('No people recognised on this page').waitFor();
  expect(errors).toEqual([]);
  await Promise.all([page.close(), panel.page.close()]);
});
