/**
 * A merge done on one device and edits on the other both survive (issue 18): the laptop merges two
 * Grace Hoppers in the Search view while the desktop, offline, edits the one merged away, writes a
 * note on her and adds a follow-up. After both sync: one Grace on both, holding the desktop's
 * note, follow-up and edit. Undoing the merge on the laptop, then syncing, brings the second Grace
 * back on both with what was hers, the desktop's note included.
 */
import { beforeAll, expect, test } from 'vitest';
import type { CouchServer } from '../support/couch-server';
import { askBackground } from './pages/ask';
import { SearchPanel } from './pages/search-view';
import { SidePanel } from './pages/side-panel';
import type { SyncDevice } from './pages/sync-device';
import { twoDevicesForFile } from './pages/two-devices';

// Let Playwright see and route the service worker's requests (the replication runs there).
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

const devices = twoDevicesForFile({ turnedOn: true });
let server: CouchServer;
let laptop: SyncDevice;
let desktop: SyncDevice;
beforeAll(() => void ({ server, laptop, desktop } = devices));

const graces = async (device: SyncDevice) =>
  (await askBackground(device.settings.page, { type: 'findPeople', query: 'Grace Hopper', limit: 8 })).map((person) => person.id).sort();
const notesOf = async (device: SyncDevice, contactId: string) =>
  (await askBackground(device.settings.page, { type: 'recentEntries', contactIds: [contactId], limit: 20 })).map((entry) => entry.summary);
const followUpsOf = async (device: SyncDevice, contactId: string) =>
  JSON.stringify(await askBackground(device.settings.page, { type: 'listContactFollowUps', contactId }));

/** The side panel's Search view on a device. */
async function searchOn(device: SyncDevice): Promise<SearchPanel> {
  const panel = new SearchPanel((await SidePanel.open(await device.tend.context.newPage(), device.tend.url('sidepanel'))).page);
  await panel.open();
  return panel;
}

test('the laptop merges two Grace Hoppers while the offline desktop edits, notes and follows up the one merged away: one Grace with all of it on both; undone on the laptop, two again on both', async () => {
  expect(server.url).toBeTruthy();
  for (const email of ['grace@navy.example', 'grace.hopper@univac.example']) {
    await askBackground(laptop.settings.page, { type: 'createContact', displayName: 'Grace Hopper', email });
  }
  await laptop.syncNow();
  await desktop.syncNow();
  expect(await graces(desktop)).toHaveLength(2);

  // The desktop goes offline; the laptop merges in the Search view and syncs.
  desktop.link.down = true;
  const search = await searchOn(laptop);
  const pair = search.duplicates.getByRole('listitem').filter({ hasText: 'grace.hopper@univac.example' });
  await pair.getByRole('button', { name: 'Merge Grace Hopper into Grace Hopper' }).click();
  await expect.poll(() => search.page.getByRole('status').filter({ hasText: 'Merged' }).innerText()).toBe('Merged Grace Hopper into Grace Hopper.');
  const [kept] = await graces(laptop);
  const [merged] = (await graces(desktop)).filter((id) => id !== kept);
  expect(kept && merged).toBeTruthy();
  await laptop.syncNow();

  // The desktop, still offline, works on the Grace the laptop merged away.
  await askBackground(desktop.settings.page, { type: 'updateContact', contactId: merged!, patch: { org: 'US Navy' } });
  await askBackground(desktop.settings.page, {
    type: 'logInteraction',
    contactIds: [merged!],
    kind: 'note',
    text: 'Talked about COBOL',
    requestId: crypto.randomUUID(),
  });
  const due = Date.now() + 86_400_000;
  await askBackground(desktop.settings.page, { type: 'createFollowUp', id: crypto.randomUUID(), contactId: merged!, text: 'Send the nanosecond wire', due });
  desktop.link.down = false;
  await desktop.syncNow();
  await laptop.syncNow();
  await desktop.syncNow();

  for (const device of [laptop, desktop]) {
    expect(await graces(device)).toEqual([kept]);
    expect(await notesOf(device, kept!)).toContain('Talked about COBOL');
    expect(await followUpsOf(device, kept!)).toContain('Send the nanosecond wire');
    const [grace] = await askBackground(device.settings.page, { type: 'getContacts', contactIds: [kept!] });
    expect(grace).toMatchObject({ org: 'US Navy' });
    expect(grace!.identities.map((identity) => identity.value).sort()).toEqual(['grace.hopper@univac.example', 'grace@navy.example']);
  }
  // The desktop's card shows it: one Grace, with the note written on the other.
  const card = await desktop.openCard('Grace Hopper');
  await expect.poll(() => card.historyTexts()).toEqual(expect.arrayContaining([expect.stringContaining('Talked about COBOL')]));
  await card.page.close();

  // Undo on the laptop, from the Search view's recent merges: two Graces again on both.
  await search.open();
  await search.recentMerges.getByRole('button', { name: /^Undo/ }).click();
  await expect.poll(() => search.page.getByRole('status').filter({ hasText: 'Merge undone' }).count()).toBe(1);
  await laptop.syncNow();
  await desktop.syncNow();
  for (const device of [laptop, desktop]) {
    expect(await graces(device)).toEqual([kept, merged].sort());
    expect(await notesOf(device, merged!)).toContain('Talked about COBOL');
    expect(await notesOf(device, kept!)).not.toContain('Talked about COBOL');
    expect(await followUpsOf(device, merged!)).toContain('Send the nanosecond wire');
  }
  expect((await askBackground(desktop.settings.page, { type: 'getSyncStatus' })).rejected).toBe(0);
});
