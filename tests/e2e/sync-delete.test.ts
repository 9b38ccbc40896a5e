/**
 * Deleting with sync on says what happens on the server, and does it: a person deleted on one
 * device is deleted on the server and then on the user's other devices; Delete everything turns
 * sync off first and deletes only what the browser keeps, leaving the server's copy as it was.
 */
import { beforeAll, expect, test } from 'vitest';
import type { CouchServer } from '../support/couch-server';
import { seriousViolations } from './axe';
import { askBackground } from './pages/ask';
import { SidePanel } from './pages/side-panel';
import type { SyncDevice } from './pages/sync-device';
import { twoDevicesForFile } from './pages/two-devices';
import { keepScreenshots } from './screenshots';

// Let Playwright see and route the service worker's requests (the replication runs there).
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

const devices = twoDevicesForFile({ turnedOn: true });
let server: CouchServer;
let laptop: SyncDevice;
let desktop: SyncDevice;
// Registered after the devices' own hook: they are running by now.
beforeAll(() => void ({ server, laptop, desktop } = devices));

/** People of these names made on the laptop by hand, then on both devices. */
async function peopleOnBoth(...names: string[]): Promise<void> {
  for (const name of names) {
    const email = `${name.toLowerCase().replace(/\W+/g, '.')}@people.example`;
    await askBackground(laptop.settings.page, { type: 'createContact', displayName: name, email });
  }
  await laptop.syncNow();
  await desktop.syncNow();
  for (const name of names) expect(await namesOn(desktop, name)).toEqual([name]);
}

/** The names of the people a device finds for a query. */
async function namesOn(device: SyncDevice, query: string): Promise<string[]> {
  return (await askBackground(device.settings.page, { type: 'findPeople', query, limit: 8 })).map((person) => person.displayName);
}

/** A person's card in a device's side panel, opened from the People view, its details unfolded. */
async function cardOn(device: SyncDevice, name: string): Promise<SidePanel> {
  const panel = await device.openCard(name);
  await panel.page.getByText('Details').click();
  return panel;
}

test('a person deleted on the laptop: the confirmation says the deletion goes to the server and the other devices, and it does', async () => {
  await peopleOnBoth('Mary Somerville');
  const panel = await cardOn(laptop, 'Mary Somerville');
  await panel.page.getByRole('button', { name: 'Delete this person…' }).click();
  const confirmation = panel.page.getByRole('group', { name: 'Delete Mary Somerville?' });
  await confirmation.getByText(`Sync is on: the deletion also goes to ${server.url}, and your other devices delete this person when they next sync.`).waitFor();
  await confirmation.scrollIntoViewIfNeeded();
  expect(await seriousViolations(panel.page, 'light')).toEqual([]);
  expect(await seriousViolations(panel.page, 'dark')).toEqual([]);
  await keepScreenshots(panel.page, 'sync-delete-person');

  await confirmation.getByRole('button', { name: 'Delete', exact: true }).click();
  await panel.page.getByRole('status').filter({ hasText: 'Mary Somerville was deleted.' }).waitFor();
  await laptop.syncNow();
  const onServer = JSON.stringify(await server.documents(server.userDb));
  expect(onServer).not.toContain('Mary Somerville');
  await desktop.syncNow();
  expect(await namesOn(desktop, 'Mary Somerville')).toEqual([]);
});

test('Delete everything on the desktop: it says the server copy stays and how to remove it; sync goes off and the server and the laptop keep everything', async () => {
  await peopleOnBoth('Caroline Herschel', 'Emmy Noether');
  const onServer = await server.documents(server.userDb);
  expect(JSON.stringify(onServer)).toContain('Emmy Noether');
  const page = desktop.settings.page;
  const danger = page.locator('.danger-zone');
  await danger
    .getByText(
      `Sync is on with ${server.url}. Delete everything turns sync off first and deletes only what this browser keeps: nothing is deleted on the server, and your other devices keep everything. To remove the copy on the server too, delete your database there (or ask whoever runs the server) after this.`,
    )
    .waitFor();
  expect(await seriousViolations(page, 'light')).toEqual([]);
  expect(await seriousViolations(page, 'dark')).toEqual([]);
  await danger.scrollIntoViewIfNeeded();
  await keepScreenshots(page, 'sync-delete-everything');

  await page.getByLabel('Type DELETE to confirm').fill('DELETE');
  await page.getByRole('button', { name: 'Delete everything' }).click();
  await danger
    .getByRole('status')
    .getByText(`Everything Tend kept in this browser has been deleted. Sync is off; the copy on ${server.url} was left as it was.`)
    .waitFor();
  expect(await askBackground(page, { type: 'getSyncStatus' })).toEqual({ state: 'off', pending: 0, rejected: 0 });
  expect(await desktop.tend.contactCount()).toBe(0);
  await desktop.settings.section.getByRole('button', { name: 'Turn on sync' }).waitFor();
  await keepScreenshots(page, 'sync-deleted-everything');
  // Off means off: past the time a pass follows local changes, the desktop asked the server nothing more.
  const requestsAfter = desktop.requests.length;
  await page.waitForTimeout(4000);
  expect(desktop.requests.slice(requestsAfter)).toEqual([]);

  expect(await server.documents(server.userDb)).toEqual(onServer);
  await laptop.syncNow();
  expect(await namesOn(laptop, 'Emmy Noether')).toEqual(['Emmy Noether']);
  expect(await namesOn(laptop, 'Caroline Herschel')).toEqual(['Caroline Herschel']);
});
