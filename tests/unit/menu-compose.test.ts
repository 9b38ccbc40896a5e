/**
 * "Log this interaction" in a thread of several people opens the side panel's composer: the entry
 * waits there for nobody until the user picks (issue 14: a note about one of three people must not
 * be saved on all three); a mail link's own addresses are the only people chosen for it.
 */
import { expect, test } from 'vitest';
import type { Browser } from 'wxt/browser';
import { createRouter } from '../../utils/messaging/router';
import { logFromMenu, type MenuLogUi } from '../../utils/services/capture/menu-actions';
import { getDraft } from '../../utils/services/drafts/drafts';
import { createHandlers } from '../../utils/services/handlers';
import { ADA, CHARLES, freshDb, threadSighting } from './helpers';

const ID = 'tend-extension-id';
const NOW = 1_700_000_000_000;
const sighting = threadSighting('t1', 'Plan', [ADA, CHARLES, { name: 'Grace Hopper', email: 'grace@navy.example', role: 'cc' }]);
const mailTab = { id: ID, url: sighting.page.url, tab: { id: 7 } as Browser.tabs.Tab, frameId: 0 };

async function setUp() {
  const db = await freshDb();
  const route = createRouter(
    createHandlers(Promise.resolve(db), () => NOW),
    { extensionId: ID, extensionOrigin: `chrome-extension://${ID}/` },
  );
  await route(sighting, mailTab);
  const composers: number[] = [];
  const ui: MenuLogUi = { confirmLogged: async () => undefined, openComposer: async (windowId) => void composers.push(windowId) };
  // A click on an http(s) page keeps its draft about that page (the composer's "menu" slot).
  const menuDraft = async () => (await getDraft(db, { kind: 'menu', url: sighting.page.url }))?.draft;
  return { db, ui, composers, menuDraft };
}

test('three people in the thread: the composer opens with the selection, for nobody yet, and nothing is logged', async () => {
  const { db, ui, composers, menuDraft } = await setUp();
  const click = { selectionText: 'Shall we meet on Thursday?', pageUrl: sighting.page.url, pageTitle: sighting.page.title };
  expect(await logFromMenu(db, click, { id: 7, windowId: 3 }, ui, NOW)).toBeUndefined();
  expect(composers).toEqual([3]);
  const draft = await menuDraft();
  expect(draft).toMatchObject({ text: 'Shall we meet on Thursday?', contactIds: [], peopleChosen: false });
  expect((await db.getAll('interactions')).filter((entry) => entry.kind === 'note')).toEqual([]);
});

test('a mail link naming two addresses: exactly those two are chosen for the entry', async () => {
  const { db, ui, menuDraft } = await setUp();
  const click = { linkUrl: 'mailto:ada@analytical.example,new@people.example', pageUrl: sighting.page.url };
  await logFromMenu(db, click, { id: 7, windowId: 3 }, ui, NOW);
  const draft = await menuDraft();
  const named = (await db.getAll('contacts')).filter((c) => draft?.contactIds?.includes(c.id)).map((c) => c.identities[0]?.value);
  expect(named.sort()).toEqual(['ada@analytical.example', 'new@people.example']);
  expect(draft?.peopleChosen).toBe(true);
});
