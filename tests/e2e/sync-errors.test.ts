import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from 'vitest';
import { startCouchServer, type CouchServer } from '../support/couch-server';
import { seriousViolations } from './axe';
import type { Tend } from './harness';
import { askBackground } from './pages/ask';
import { SidePanel } from './pages/side-panel';
import { SyncDevice } from './pages/sync-device';
import { VirtualDisplay } from './virtual-display';
import { keepScreenshots } from './screenshots';

// Let Playwright see and route the service worker's requests (the replication runs there).
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

let server: CouchServer;
let display: VirtualDisplay;
let device: SyncDevice;
beforeAll(async () => {
  server = await startCouchServer();
  display = await VirtualDisplay.start();
});
// A fresh headed browser per test, launched as setup.
beforeEach(async () => {
  device = await SyncDevice.launch(display, server);
});
afterEach(async () => {
  await device?.close();
});
afterAll(async () => {
  await server?.stop();
  display?.stop();
});

/** Ada Lovelace saved from a Gmail thread, her card open in the side panel. */
async function personSaved(tend: Tend): Promise<SidePanel> {
  const gmail = await tend.openGmail('thread-expanded', '#inbox/thread-one');
  const panel = await SidePanel.open(await tend.context.newPage(), tend.url('sidepanel', `?tab=${await tend.tabIdOf(gmail)}`));
  await panel.openPerson('Ada Lovelace');
  return panel;
}

test('refusing Chrome’s prompt for the server says so and changes nothing', async () => {
  const { settings } = device;
  await settings.turnOn(server.url, server.user.name, server.user.password, await device.tend.worker(), 'deny');
  await expect.poll(() => settings.alert().textContent()).toBe(`Tend was not allowed to reach ${server.url}, so sync stays off. Nothing changed.`);
  expect(await askBackground(settings.page, { type: 'getSyncStatus' })).toMatchObject({ state: 'off' });
  await settings.section.getByRole('button', { name: 'Turn on sync' }).waitFor();
  expect(device.requests).toEqual([]);
  expect(await seriousViolations(settings.page, 'light')).toEqual([]);
  expect(await seriousViolations(settings.page, 'dark')).toEqual([]);
  await keepScreenshots(settings.section, 'sync-permission-refused');
});

test('a wrong password is said in plain words and loses nothing; the right one then turns sync on', async () => {
  const { settings, tend } = device;
  await personSaved(tend);
  const people = await tend.contactCount();
  expect(people).toBeGreaterThan(0);

  await settings.turnOn(server.url, server.user.name, 'not-the-password', await tend.worker());
  await expect.poll(() => settings.alert().textContent()).toBe('The server refused this user name and password.');
  expect(await askBackground(settings.page, { type: 'getSyncStatus' })).toMatchObject({ state: 'off' });
  expect(await tend.contactCount()).toBe(people);
  await keepScreenshots(settings.section, 'sync-wrong-password');

  // The right password: the origin is already allowed, so no prompt this time.
  await settings.section.getByLabel('Password').fill(server.user.password);
  await settings.section.getByRole('button', { name: 'Turn on sync' }).click();
  await settings.syncingWith(server.url, server.user.name).waitFor();
  await device.syncNow();
  expect(await tend.contactCount()).toBe(people);
});

test('with the server down a note waits and the side panel says so; once it is back the pending count drains to zero', async () => {
  const { settings, tend } = device;
  const panel = await personSaved(tend);
  await device.turnOn(server);
  device.link.down = true;
  const note = 'Call back about the engine drawings.';
  await panel.addNote(note);
  await panel.history.filter({ hasText: note }).waitFor();
  const stateLine = panel.page.locator('.sync-state-line');
  await settings.syncNow();
  await settings.section.getByText(/Last problem \(.+\): The server did not answer\. Tend will try again; your changes wait here\./).waitFor();
  await settings.section.getByText(/\d+ changes? (is|are) waiting to be sent\./).waitFor();
  await expect.poll(() => stateLine.textContent()).toMatch(/^Sync (failed: The server did not answer|: \d+ changes? not yet on the server)/);
  expect(await seriousViolations(settings.page, 'light')).toEqual([]);
  expect(await seriousViolations(settings.page, 'dark')).toEqual([]);
  await keepScreenshots(settings.section, 'sync-server-down');
  await keepScreenshots(panel.page.locator('main'), 'sync-panel-line');

  device.link.down = false;
  await device.syncNow();
  await expect.poll(() => stateLine.count()).toBe(0);
  expect(JSON.stringify(await server.documents(server.userDb))).toContain(note);
});
