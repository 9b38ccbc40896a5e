/**
 * "Log this interaction" on a mail link of a person an ordinary page only listed: the note saves
 * that person from the tab's row (their name, every address of their card), and the row then
 * shows them saved; the page's other people stay listed.
 */
import { expect, test } from 'vitest';
import type { Browser } from 'wxt/browser';
import { createRouter } from '../../utils/messaging/router';
import { logFromMenu, type MenuLogUi } from '../../utils/services/capture/menu-actions';
import { createHandlers } from '../../utils/services/handlers';
import { getTabPeople } from '../../utils/storage/tab-people';
import { CHARLES, freshDb } from './helpers';

const ID = 'tend-extension-id';
const webTab = { id: ID, url: 'https://example.org/people', tab: { id: 7 } as Browser.tabs.Tab, frameId: 0 };
const page = { type: 'sighting', site: 'web', page: { url: webTab.url, title: 'People' }, self: [] } as const;
const jane = [
  { name: 'Jane Roe', email: 'jane@roe.example', role: 'mention', card: 0 },
  { name: 'Jane Roe', email: 'jane.roe@foundation.example', profileUrl: 'https://roe.example/', role: 'mention', card: 0 },
] as const;

test('a logged mail link of a listed person saves them by name with their whole card, and only them', async () => {
  const db = await freshDb();
  const route = createRouter(
    createHandlers(Promise.resolve(db), () => 1_700_000_000_000),
    { extensionId: ID, extensionOrigin: `chrome-extension://${ID}/` },
  );
  await route({ ...page, people: [...jane, CHARLES] }, webTab);
  expect((await getTabPeople(7))?.people.map((p) => p.contactId)).toEqual([undefined, undefined]);
  const confirmed: string[] = [];
  const ui: MenuLogUi = { confirmLogged: async (_entry, name) => void confirmed.push(name), openComposer: async () => undefined };
  const click = { linkUrl: 'mailto:jane@roe.example', selectionText: 'Wants the grant report', pageUrl: webTab.url, pageTitle: 'People' };
  const entry = await logFromMenu(db, click, { id: 7, windowId: 1 }, ui, 1_700_000_000_000);
  expect(confirmed).toEqual(['Jane Roe']);
  const contacts = await db.getAll('contacts');
  expect(contacts.map((c) => [c.displayName, c.identities.map((i) => i.value)])).toEqual([
    ['Jane Roe', ['jane@roe.example', 'jane.roe@foundation.example', 'https://roe.example']],
  ]);
  expect(entry?.contactIds).toEqual([contacts[0]!.id]);
  expect((await getTabPeople(7))?.people.map((p) => p.contactId)).toEqual([contacts[0]!.id, undefined]);
});
