import { afterAll, beforeAll, expect, test } from 'vitest';
import { Tend } from './harness';
import { DockedSidePanel } from './pages/docked-side-panel';

let tend: Tend;
beforeAll(async () => {
  tend = await Tend.launch();
});
afterAll(() => tend?.close());

test('the docked side panel follows the active tab: switching tabs updates it within a second', async () => {
  const first = await tend.openGmail('thread-expanded', '#inbox/thread-one');
  const second = await tend.openGmail('thread-second', '#inbox/thread-two');
  await first.bringToFront();
  const panel = await DockedSidePanel.open(tend, first);
  // The popup closes itself after opening the panel; the first Gmail tab is active again.
  await first.bringToFront();
  await expect.poll(() => panel.peopleNames()).toEqual(['Ada Lovelace', 'Charles Babbage', 'Grace Hopper']);

  await second.bringToFront();
  await expect.poll(() => panel.peopleNames(), { timeout: 1000, interval: 50 }).toEqual(['Katherine Johnson', 'Ada Lovelace']);

  await first.bringToFront();
  await expect.poll(() => panel.peopleNames(), { timeout: 1000, interval: 50 }).toEqual(['Ada Lovelace', 'Charles Babbage', 'Grace Hopper']);
});

// The fixture's two threads (tests/fixtures/gmail/app.html), each with one correspondent.
const MARY_THREAD = '#inbox/FMfcgzQZTLnpWvpbLkvKqrbGrqzvDJXp';
const DOROTHY_THREAD = '#inbox/FMfcgzQZTMbnnWxcfzLrJSqxTRvKpHsM';

test('the card follows the thread in the same tab: the one correspondent’s card opens, a stale card closes, a pinned one stays', async () => {
  const gmail = await tend.openGmail('app', MARY_THREAD);
  const panel = await DockedSidePanel.open(tend, gmail);
  await gmail.bringToFront();
  // One correspondent: their card opens by itself.
  await expect.poll(() => panel.cardName()).toBe('Mary Jackson');

  // Back to the inbox: nobody from that thread is on the page, the card closes.
  await gmail.evaluate(() => (location.hash = '#inbox'));
  await expect.poll(() => panel.peopleNames()).toEqual([]);
  await expect.poll(() => panel.cardName()).toBeNull();

  // Another thread: its one correspondent's card opens.
  await gmail.evaluate((hash) => (location.hash = hash), DOROTHY_THREAD);
  await expect.poll(() => panel.cardName()).toBe('Dorothy Vaughan');
  // Straight to the next thread: Dorothy's card gives way to Mary's.
  await gmail.evaluate((hash) => (location.hash = hash), MARY_THREAD);
  await expect.poll(() => panel.cardName()).toBe('Mary Jackson');

  // Pinned, the card stays while the tab moves to a thread without her.
  expect(await panel.pinPressed()).toBe('false');
  expect(await panel.clickCardButton('Pin')).toBe(true);
  await expect.poll(() => panel.pinPressed()).toBe('true');
  await gmail.evaluate((hash) => (location.hash = hash), DOROTHY_THREAD);
  await expect.poll(() => panel.peopleNames()).toEqual(['Dorothy Vaughan']);
  await panel.settle();
  expect(await panel.cardName()).toBe('Mary Jackson');
  expect(await panel.pinPressed()).toBe('true');

  // Unpinned, the next change of thread closes it again.
  expect(await panel.clickCardButton('Pin')).toBe(true);
  await expect.poll(() => panel.pinPressed()).toBe('false');
  await gmail.evaluate(() => (location.hash = '#inbox'));
  await expect.poll(() => panel.cardName()).toBeNull();
  await gmail.close();
});

test('the tab loads an ordinary page: the side panel lists nobody from the page before', async () => {
  const gmail = await tend.openGmail('thread-expanded', '#inbox/thread-one');
  const panel = await DockedSidePanel.open(tend, gmail);
  await gmail.bringToFront();
  await expect.poll(() => panel.peopleNames()).toEqual(['Ada Lovelace', 'Charles Babbage', 'Grace Hopper']);
  // A page Tend does not read (people.example stands for any site): nothing reports its people,
  // and the worker does not watch tabs; the panel asks again when its tab loads a page.
  await gmail.goto('https://people.example/?tend-fixture=mailto-links');
  await expect.poll(() => panel.peopleNames()).toEqual([]);
});
