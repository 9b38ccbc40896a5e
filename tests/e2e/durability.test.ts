import { afterAll, beforeAll, expect, test } from 'vitest';
import { Tend } from './harness';
import { SidePanel } from './pages/side-panel';

let tend: Tend;
beforeAll(async () => {
  tend = await Tend.launch();
});
afterAll(() => tend?.close());

test('with the service worker stopped, the panel still shows the tab’s people', async () => {
  const gmail = await tend.openGmail('thread-expanded', '#inbox/thread-one');
  const tabId = await tend.tabIdOf(gmail);
  const panel = await SidePanel.open(await tend.context.newPage(), tend.url('sidepanel', `?tab=${tabId}`));
  await expect.poll(() => panel.peopleNames()).toEqual(['Ada Lovelace', 'Charles Babbage', 'Grace Hopper']);
  await panel.page.close();

  const { runningAgain } = await tend.stopServiceWorker(gmail);

  // Opening the panel wakes a new worker, which has nothing in memory: the people come from storage.
  const reopened = await SidePanel.open(await tend.context.newPage(), tend.url('sidepanel', `?tab=${tabId}`));
  await expect.poll(() => reopened.peopleNames()).toEqual(['Ada Lovelace', 'Charles Babbage', 'Grace Hopper']);
  await runningAgain();
});
