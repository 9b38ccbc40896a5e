/**
 * The same person saved on two devices of one user before they synced (the same address, two
 * people with their own ids): after sync each device shows them as one suggested merge in the
 * People view's duplicates review, with the shared address as the reason, not as two unrelated
 * people.
 */
import { beforeAll, expect, test } from 'vitest';
import type { CouchServer } from '../support/couch-server';
import { seriousViolations } from './axe';
import { askBackground } from './pages/ask';
import { PeopleView } from './pages/people-view';
import { SidePanel } from './pages/side-panel';
import type { SyncDevice } from './pages/sync-device';
import { twoDevicesForFile } from './pages/two-devices';
import { keepScreenshots } from './screenshots';

// Let Playwright see and route the service worker's requests (the replication runs there).
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

const devices = twoDevicesForFile();
let server: CouchServer;
let laptop: SyncDevice;
let desktop: SyncDevice;
// Registered after the devices' own hook: they are running by now.
beforeAll(() => void ({ server, laptop, desktop } = devices));

/** The people of one Gmail thread (Ada Lovelace among them) saved on a device, as each device's user does. */
async function threadSavedOn(device: SyncDevice): Promise<void> {
  const gmail = await device.tend.openGmail('thread-expanded', '#inbox/thread-one');
  const panel = await SidePanel.open(await device.tend.context.newPage(), device.tend.url('sidepanel', `?tab=${await device.tend.tabIdOf(gmail)}`));
  await panel.openPerson('Ada Lovelace');
  await gmail.close();
  await panel.page.close();
}

test('the people of one thread saved on both devices before they synced: after sync, one suggested merge per person on each, Ada’s for her shared address; merged on one device, one Ada on both', async () => {
  await threadSavedOn(laptop);
  await threadSavedOn(desktop);
  const saved = await laptop.tend.contactCount();
  expect(saved).toBeGreaterThan(0);
  expect(await desktop.tend.contactCount()).toBe(saved);
  const adas = async (device: SyncDevice) =>
    (await askBackground(device.settings.page, { type: 'findPeople', query: 'Ada Lovelace', limit: 8 })).map((person) => person.id).sort();
  const [fromLaptop] = await adas(laptop);
  const [fromDesktop] = await adas(desktop);
  expect(fromLaptop).not.toBe(fromDesktop);

  await laptop.turnOn(server);
  await desktop.turnOn(server);
  await desktop.syncNow();
  await laptop.syncNow();

  for (const [name, device] of [
    ['laptop', laptop],
    ['desktop', desktop],
  ] as const) {
    // Both copies of each person are on each device: nothing was merged or dropped on its own.
    expect(await device.tend.contactCount()).toBe(saved * 2);
    expect(await adas(device)).toEqual([fromLaptop, fromDesktop].sort());
    const page = await device.tend.context.newPage();
    await page.setViewportSize({ width: 360, height: 640 });
    await page.goto(device.tend.url('sidepanel'));
    await new PeopleView(page).open();
    await expect.poll(() => page.locator('.people-duplicates').innerText()).toContain(`${saved} possible duplicates`);
    await page.getByRole('button', { name: 'Review' }).click();
    // A suggestion is an item of the list itself (its reasons are a list inside it).
    const suggestions = page.getByRole('list', { name: 'Possible duplicates' }).locator(':scope > li');
    await expect.poll(() => suggestions.count()).toBe(saved);
    // Each suggestion is one person twice.
    for (const text of await suggestions.allInnerTexts()) {
      const names = ['Ada Lovelace', 'Grace Hopper', 'Charles Babbage'].filter((person) => text.includes(person));
      expect(names).toHaveLength(1);
      expect(text.split(names[0]!).length - 1).toBeGreaterThanOrEqual(2);
    }
    await suggestions.filter({ hasText: 'Both have the address ada@analytical.example' }).waitFor();
    expect([...(await seriousViolations(page, 'light')), ...(await seriousViolations(page, 'dark'))]).toEqual([]);
    await keepScreenshots(page, `sync-same-person-${name}`);
    await page.close();
  }

  // The user merges Ada on the laptop: after sync both devices hold one Ada, and one suggestion fewer.
  const page = await laptop.tend.context.newPage();
  await page.goto(laptop.tend.url('sidepanel'));
  await new PeopleView(page).open();
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Merge Ada Lovelace into Ada Lovelace' }).click();
  await page.getByRole('status').filter({ hasText: 'Merged Ada Lovelace into Ada Lovelace.' }).waitFor();
  await laptop.syncNow();
  await desktop.syncNow();
  for (const device of [laptop, desktop]) {
    expect(await adas(device)).toHaveLength(1);
    expect(await device.tend.contactCount()).toBe(saved * 2 - 1);
  }
});
