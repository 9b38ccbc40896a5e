import { afterAll, beforeAll, expect, test } from 'vitest';
import { startCouchServer, type CouchServer } from '../support/couch-server';
import { askBackground } from './pages/ask';
import { SidePanel } from './pages/side-panel';
import { SyncDevice } from './pages/sync-device';
import { VirtualDisplay } from './virtual-display';

// Let Playwright see and route the service worker's requests (the replication runs there).
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

// Two devices of one user, each a headed browser in its own display (Chrome's permission prompt
// is browser UI, answered with the keyboard), syncing through one test server.
let server: CouchServer;
let displays: VirtualDisplay[] = [];
let laptop: SyncDevice;
let desktop: SyncDevice;
// The same laptop and desktop serve both tests: launching two headed browsers and turning sync on
// in each options page (Chrome's prompt answered) is setup, not what the tests time.
beforeAll(async () => {
  server = await startCouchServer();
  displays = [await VirtualDisplay.start(), await VirtualDisplay.start()];
  laptop = await SyncDevice.launch(displays[0]!, server);
  desktop = await SyncDevice.launch(displays[1]!, server);
  await laptop.turnOn(server);
  await desktop.turnOn(server);
});
afterAll(async () => {
  await laptop?.close();
  await desktop?.close();
  await server?.stop();
  for (const display of displays) display.stop();
});

/** Ada Lovelace saved on the laptop from a Gmail thread, synced to the desktop; her id. */
async function adaOnBoth(): Promise<string> {
  const gmail = await laptop.tend.openGmail('thread-expanded', '#inbox/thread-one');
  const panel = await SidePanel.open(await laptop.tend.context.newPage(), laptop.tend.url('sidepanel', `?tab=${await laptop.tend.tabIdOf(gmail)}`));
  await panel.openPerson('Ada Lovelace');
  await laptop.syncNow();
  await desktop.syncNow();
  const [ada] = await askBackground(desktop.settings.page, { type: 'findPeople', query: 'Ada Lovelace', limit: 1 });
  if (!ada) throw new Error('Ada did not reach the desktop');
  return ada.id;
}

test('two devices of one user: a note written on the laptop appears on the desktop’s card; every request goes to the server and nowhere else', async () => {
  const note = 'Wants the translation notes before Thursday.';
  const gmail = await laptop.tend.openGmail('thread-expanded', '#inbox/thread-one');
  const panel = await SidePanel.open(await laptop.tend.context.newPage(), laptop.tend.url('sidepanel', `?tab=${await laptop.tend.tabIdOf(gmail)}`));
  await panel.openPerson('Ada Lovelace');
  await panel.addNote(note);
  await panel.history.filter({ hasText: note }).waitFor();

  await laptop.syncNow();
  await desktop.syncNow();
  const desktopCard = await desktop.openCard('Ada Lovelace');
  await desktopCard.history.filter({ hasText: note }).waitFor();

  // Sync on: the extension talks to the configured server, and to nothing else.
  for (const device of [laptop, desktop]) {
    expect(device.requests.length).toBeGreaterThan(0);
    expect(device.requests.filter((url) => !url.startsWith(`${server.url}/`))).toEqual([]);
  }
  console.info(`sync: requests from the laptop ${laptop.requests.length}, the desktop ${desktop.requests.length}, all to ${server.url}`);
});

test('a contact edited on both devices while apart converges to the same card on both', async () => {
  const contactId = await adaOnBoth();
  laptop.link.down = desktop.link.down = true;
  // Apart: each device edits a field of its own, and both the stage (the desktop's edit is newer).
  await askBackground(laptop.settings.page, { type: 'saveCardField', contactId, patch: { org: 'Analytical Society', stage: 'prospect' } });
  await askBackground(desktop.settings.page, { type: 'saveCardField', contactId, patch: { title: 'Countess', stage: 'active' } });
  laptop.link.down = desktop.link.down = false;
  await laptop.syncNow();
  await desktop.syncNow();
  await laptop.syncNow();

  const fields = async (device: SyncDevice) => {
    const [ada] = await askBackground(device.settings.page, { type: 'getContacts', contactIds: [contactId] });
    return { org: ada?.org, title: ada?.title, stage: ada?.stage };
  };
  const expected = { org: 'Analytical Society', title: 'Countess', stage: 'active' };
  expect(await fields(laptop)).toEqual(expected);
  expect(await fields(desktop)).toEqual(expected);
  const card = await laptop.openCard('Ada Lovelace');
  await card.card.getByText('Countess').first().waitFor();
});
