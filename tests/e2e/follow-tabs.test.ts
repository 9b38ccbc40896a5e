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
