import { beforeEach, describe, expect, test, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createRouter } from '../../utils/messaging/router';
import { createHandlers } from '../../utils/services/handlers';
import { loadSettings } from '../../utils/services/settings/settings';
import { getTabPeople } from '../../utils/storage/tab-people';
import { ADA, CHARLES, freshDb, threadSighting } from './helpers';

const ID = 'tend-extension-id';
const ORIGIN = `chrome-extension://${ID}/`;
const gmailTab = { id: ID, url: 'https://mail.google.com/mail/u/0/#inbox/t1', tab: { id: 7 } as Browser.tabs.Tab, frameId: 0 };
const webTab = { ...gmailTab, url: 'https://example.org/team' };
const sidePanel = { id: ID, url: `${ORIGIN}sidepanel.html` };

async function setup() {
  const db = freshDb();
  const route = createRouter(
    createHandlers(db, () => 1_700_000_000_000),
    { extensionId: ID, extensionOrigin: ORIGIN },
  );
  return { db: await db, route };
}

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

describe('router: content scripts', () => {
  test('a sighting is stored and the tab gets its people (tab taken from the sender)', async () => {
    const { db, route } = await setup();
    const reply = await route(threadSighting('t1', 'Plan', [ADA]), gmailTab);
    expect(reply).toEqual({ ok: true, data: null });
    expect(await db.count('contacts')).toBe(1);
    const tab = await getTabPeople(7);
    expect(tab?.people.map((p) => [p.displayName, p.email])).toEqual([['Ada Lovelace', 'ada@analytical.example']]);
    expect(tab?.url).toBe(gmailTab.url);
  });

  test.each([
    ['getTimeline', { type: 'getTimeline', contactId: crypto.randomUUID() }],
    ['getContact', { type: 'getContact', contactId: crypto.randomUUID() }],
    ['getTabPeople', { type: 'getTabPeople', tabId: 7 }],
    ['logInteraction', { type: 'logInteraction', contactIds: [crypto.randomUUID()], kind: 'note', text: 'x', requestId: crypto.randomUUID() }],
  ])('a content script may not ask %s', async (_name, message) => {
    const { route } = await setup();
    const reply = await route(message, gmailTab);
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  test.each([
    ['not an object', 'sighting'],
    ['null', null],
    ['unknown type', { type: 'deleteEverything' }],
    ['people not a list', { ...threadSighting('t1', 'Plan', []), people: 'Ada' }],
    ['address too long', threadSighting('t1', 'Plan', [{ email: `${'a'.repeat(300)}@x.example` }])],
    [
      'too many people',
      threadSighting(
        't1',
        'Plan',
        Array.from({ length: 501 }, (_, i) => ({ email: `p${i}@x.example` })),
      ),
    ],
  ])('an invalid message (%s) is rejected with a reason and writes nothing', async (_name, message) => {
    const { db, route } = await setup();
    const reply = await route(message, gmailTab);
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(reply.ok === false && reply.error.message.length).toBeGreaterThan(10);
    expect(console.warn).toHaveBeenCalled();
    expect(await db.count('contacts')).toBe(0);
    expect(await getTabPeople(7)).toBeNull();
  });

  test('a sub-frame cannot speak for its tab', async () => {
    const { db, route } = await setup();
    const reply = await route(threadSighting('t1', 'Plan', [ADA]), { ...gmailTab, frameId: 3 });
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await db.count('contacts')).toBe(0);
  });
});

describe('router: a content script speaks only for its own page', () => {
  const githubTab = { id: ID, url: 'https://github.com/ada', origin: 'https://github.com', tab: { id: 8 } as Browser.tabs.Tab, frameId: 0 };
  const webTab = { id: ID, url: 'https://people.example/team', tab: { id: 9 } as Browser.tabs.Tab, frameId: 0 };
  const profile = { type: 'sighting', site: 'github', page: { url: 'https://github.com/ada', title: 'ada' }, people: [ADA], self: [] };

  test.each([
    ['a Gmail sighting from github.com', threadSighting('t1', 'Wire the money', [ADA]), githubTab, /claimed site "gmail"/],
    ['a subject from a profile page', { ...profile, thread: { key: 'gmail:t1', subject: 'Wire the money' } }, githubTab, /reported a mail thread/],
    ['own addresses from a web page', { ...profile, site: 'web', page: { url: webTab.url, title: '' }, self: ['boss@corp.example'] }, webTab, /own addresses/],
    [
      'a thread URL on another origin',
      { ...threadSighting('t1', 'Plan', [ADA]), page: { url: 'https://evil.example/#inbox/t1', title: '' } },
      gmailTab,
      /claimed a page at/,
    ],
    [
      'an Outlook thread from Gmail',
      { ...threadSighting('t1', 'Plan', [ADA]), thread: { key: 'outlook:t1', subject: 'Plan' } },
      gmailTab,
      /thread of another site/,
    ],
  ])('%s is refused with its reason logged, and writes nothing', async (_name, message, sender, why) => {
    const { db, route } = await setup();
    const reply = await route(message, sender);
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(console.warn).toHaveBeenCalledWith(expect.stringMatching(why));
    expect(await db.count('contacts')).toBe(0);
    expect(await db.count('interactions')).toBe(0);
    expect(await getTabPeople(sender.tab.id!)).toBeNull();
    expect((await loadSettings(db)).ownAddresses).toEqual([]);
  });

  test("the site a handler records is the sender's: a profile page's report files nothing under Gmail", async () => {
    const { db, route } = await setup();
    expect(await route(profile, githubTab)).toEqual({ ok: true, data: null });
    expect(await db.count('contacts')).toBe(1);
    expect((await getTabPeople(8))?.url).toBe(githubTab.url);
  });
});

describe('router: senders', () => {
  test('another extension is refused', async () => {
    const { route } = await setup();
    const reply = await route({ type: 'getTabPeople', tabId: 7 }, { ...sidePanel, id: 'someone-else' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  test('a message with no tab that is not from an extension page is refused', async () => {
    const { route } = await setup();
    const reply = await route(threadSighting('t1', 'Plan', [ADA]), { id: ID, url: 'https://evil.example/' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('router: extension pages', () => {
  test('read the tab people, add a note, read it back', async () => {
    const { route } = await setup();
    const shown = await fakeBrowser.tabs.create({ url: gmailTab.url });
    await route(threadSighting('t1', 'Plan', [ADA]), { ...gmailTab, tab: { id: shown.id } as Browser.tabs.Tab });
    const tab = await route({ type: 'getTabPeople', tabId: shown.id! }, sidePanel);
    expect(tab.ok).toBe(true);
    const contactId = (tab as { data: { people: { contactId: string }[] } }).data.people[0]!.contactId;
    const note = await route(
      { type: 'logInteraction', contactIds: [contactId], kind: 'note', text: '  Loves sailing  ', requestId: crypto.randomUUID() },
      sidePanel,
    );
    expect(note).toMatchObject({ ok: true, data: { kind: 'note', summary: 'Loves sailing' } });
    const timeline = await route({ type: 'getTimeline', contactId }, sidePanel);
    expect(timeline.ok && (timeline.data as { kind: string }[]).map((e) => e.kind)).toEqual(['note', 'sighting']);
  });

  test('a tab’s people are answered for the page it shows now: none once it has loaded another page or closed', async () => {
    const { route } = await setup();
    const shown = await fakeBrowser.tabs.create({ url: gmailTab.url });
    await route(threadSighting('t1', 'Plan', [ADA]), { ...gmailTab, tab: { id: shown.id } as Browser.tabs.Tab });
    await fakeBrowser.tabs.update(shown.id!, { url: 'https://mail.google.com/mail/u/0/#inbox/t2' });
    expect(await route({ type: 'getTabPeople', tabId: shown.id! }, sidePanel)).toMatchObject({ ok: true, data: { people: [{ displayName: 'Ada Lovelace' }] } });
    await fakeBrowser.tabs.update(shown.id!, { url: 'https://news.example/today' });
    expect(await route({ type: 'getTabPeople', tabId: shown.id! }, sidePanel)).toEqual({ ok: true, data: null });
    // A tab that no longer exists (closed while the worker slept) has nobody.
    await route(threadSighting('t1', 'Plan', [ADA]), { ...gmailTab, tab: { id: 999 } as Browser.tabs.Tab });
    expect(await route({ type: 'getTabPeople', tabId: 999 }, sidePanel)).toEqual({ ok: true, data: null });
  });

  test('an empty note is rejected as invalid', async () => {
    const { route } = await setup();
    const reply = await route(
      { type: 'logInteraction', contactIds: [crypto.randomUUID()], kind: 'note', text: '   ', requestId: crypto.randomUUID() },
      sidePanel,
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  test('a note for an unknown person answers not-found', async () => {
    const { route } = await setup();
    const reply = await route(
      { type: 'logInteraction', contactIds: [crypto.randomUUID()], kind: 'note', text: 'hi', requestId: crypto.randomUUID() },
      sidePanel,
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  test('adding a name-only person links that row of the tab to the new contact; other tabs are untouched', async () => {
    const { route } = await setup();
    await route(threadSighting('t1', 'Plan', [ADA, { name: 'Dorothy Vaughan', role: 'cc' }]), gmailTab);
    await route(threadSighting('t1', 'Plan', [{ name: 'Dorothy Vaughan', role: 'cc' }]), { ...gmailTab, tab: { id: 8 } as Browser.tabs.Tab });
    expect((await getTabPeople(7))?.people.find((p) => p.displayName === 'Dorothy Vaughan')?.contactId).toBeUndefined();
    const created = await route({ type: 'createContact', displayName: 'Dorothy Vaughan', fromTab: 7 }, sidePanel);
    const contactId = created.ok && (created.data as { id: string }).id;
    expect(contactId).toEqual(expect.any(String));
    expect((await getTabPeople(7))?.people.find((p) => p.displayName === 'Dorothy Vaughan')).toMatchObject({ contactId, newToday: true });
    expect((await getTabPeople(8))?.people[0]?.contactId).toBeUndefined();
  });

  test('adding a listed person by address saves exactly that row of the tab, among people or mailboxes', async () => {
    const { route } = await setup();
    const page = { type: 'sighting', site: 'web', page: { url: 'https://example.org/team', title: 'Team' }, self: [] } as const;
    await route({ ...page, people: [ADA, CHARLES, { name: 'Press office', email: 'press@example.org' }] }, webTab);
    expect((await getTabPeople(7))?.people.map((p) => p.contactId)).toEqual([undefined, undefined]);
    const created = await route({ type: 'createContact', displayName: 'Charles Babbage', email: 'Charles@Engine.example', fromTab: 7 }, sidePanel);
    const contactId = created.ok && (created.data as { id: string }).id;
    const tab = await getTabPeople(7);
    expect(tab?.people.map((p) => p.contactId)).toEqual([undefined, contactId]);
    expect(tab?.mailboxes.map((p) => [p.email, p.contactId])).toEqual([['press@example.org', undefined]]);
    await route({ type: 'createContact', displayName: 'Press office', email: 'press@example.org', fromTab: 7 }, sidePanel);
    expect((await getTabPeople(7))?.mailboxes[0]?.contactId).toEqual(expect.any(String));
  });

  test('adding a listed row that has only a profile URL saves the person with that URL as their identity', async () => {
    const { db, route } = await setup();
    const page = { type: 'sighting', site: 'web', page: { url: 'https://example.org/team', title: 'Team' }, self: [] } as const;
    const profileUrl = 'https://github.com/ghopper';
    await route({ ...page, people: [ADA, { name: 'Grace Hopper', profileUrl: 'https://www.github.com/GHopper/' }] }, webTab);
    const row = (await getTabPeople(7))?.people.find((p) => p.displayName === 'Grace Hopper');
    expect(row).toMatchObject({ profileUrl });
    expect(row?.contactId).toBeUndefined();
    const created = await route({ type: 'createContact', displayName: row!.displayName, profileUrl: row!.profileUrl, fromTab: 7 }, sidePanel);
    expect(created).toMatchObject({ ok: true, data: { displayName: 'Grace Hopper', identities: [{ kind: 'url', value: profileUrl }] } });
    const contactId = created.ok && (created.data as { id: string }).id;
    expect(await db.get('identities', `url:${profileUrl}`)).toMatchObject({ contactId });
    // That row is now the saved person; Ada is still only listed.
    expect((await getTabPeople(7))?.people.map((p) => [p.displayName, p.contactId])).toEqual([
      ['Ada Lovelace', undefined],
      ['Grace Hopper', contactId],
    ]);
  });

  test('adding a listed row of a card with two addresses and a profile URL saves all three as one person', async () => {
    const { db, route } = await setup();
    const page = { type: 'sighting', site: 'web', page: { url: 'https://example.org/team', title: 'Team' }, self: [] } as const;
    const card = [
      { name: 'Ada Lovelace', email: 'ada@analytical.example', role: 'mention', card: 0 },
      { name: 'Ada Lovelace', email: 'countess@lovelace.example', profileUrl: 'https://ada.example/about', role: 'mention', card: 0 },
    ] as const;
    await route({ ...page, people: [...card, CHARLES] }, webTab);
    const row = (await getTabPeople(7))?.people[0];
    expect(row).toMatchObject({ email: 'ada@analytical.example', profileUrl: 'https://ada.example/about', more: ['countess@lovelace.example'] });
    const created = await route(
      { type: 'createContact', displayName: row!.displayName, email: row!.email, profileUrl: row!.profileUrl, fromTab: 7 },
      sidePanel,
    );
    const identities = created.ok && (created.data as { identities: { kind: string; value: string }[] }).identities;
    expect(identities).toEqual([
      { kind: 'email', value: 'ada@analytical.example' },
      { kind: 'email', value: 'countess@lovelace.example' },
      { kind: 'url', value: 'https://ada.example/about' },
    ]);
    const contactId = created.ok && (created.data as { id: string }).id;
    expect(await db.get('identities', 'email:countess@lovelace.example')).toMatchObject({ contactId });
    expect(await db.count('contacts')).toBe(1);
    expect((await getTabPeople(7))?.people.map((p) => p.contactId)).toEqual([contactId, undefined]);
  });

  test('a listed card with several profile URLs is one row; adding it saves every URL as the one person', async () => {
    const { db, route } = await setup();
    const page = { type: 'sighting', site: 'web', page: { url: 'https://example.org/team', title: 'Speakers' }, self: [] } as const;
    const card = [
      { name: 'Tam Nguyen', email: 'tam@tam.example', profileUrl: 'https://tam.example/', role: 'mention', card: 0 },
      { name: 'Tam Nguyen', profileUrl: 'https://github.com/tamnguyen', role: 'mention', card: 0 },
      { name: 'Tam Nguyen', profileUrl: 'https://www.linkedin.com/in/tam-nguyen/', role: 'mention', card: 0 },
    ] as const;
    await route({ ...page, people: [...card, CHARLES] }, webTab);
    const row = (await getTabPeople(7))?.people[0];
    expect((await getTabPeople(7))?.people).toHaveLength(2);
    expect(row).toMatchObject({
      email: 'tam@tam.example',
      profileUrl: 'https://tam.example',
      moreUrls: ['https://github.com/tamnguyen', 'https://linkedin.com/in/tam-nguyen'],
    });
    const created = await route(
      { type: 'createContact', displayName: row!.displayName, email: row!.email, profileUrl: row!.profileUrl, fromTab: 7 },
      sidePanel,
    );
    expect(created.ok && (created.data as { identities: unknown[] }).identities).toEqual([
      { kind: 'email', value: 'tam@tam.example' },
      { kind: 'url', value: 'https://tam.example' },
      { kind: 'url', value: 'https://github.com/tamnguyen' },
      { kind: 'url', value: 'https://linkedin.com/in/tam-nguyen' },
    ]);
    expect(await db.count('contacts')).toBe(1);
    expect(await db.count('identities')).toBe(4);
  });

  test('a note for a listed person saves them with it, every identity of their card, once however often it is sent', async () => {
    const { db, route } = await setup();
    const page = { type: 'sighting', site: 'web', page: { url: 'https://example.org/team', title: 'Team' }, self: [] } as const;
    const card = [
      { name: 'Ada Lovelace', email: 'ada@analytical.example', role: 'mention', card: 0 },
      { name: 'Ada Lovelace', email: 'countess@lovelace.example', role: 'mention', card: 0 },
    ] as const;
    await route({ ...page, people: [...card, CHARLES] }, webTab);
    expect(await db.count('contacts')).toBe(0);
    const note = {
      type: 'logInteraction',
      contactIds: [],
      listed: [{ displayName: 'Ada Lovelace', email: 'ada@analytical.example' }],
      fromTab: 7,
      kind: 'note',
      text: 'Wants the engine notes',
      requestId: crypto.randomUUID(),
    } as const;
    const logged = await route(note, sidePanel);
    expect(logged).toMatchObject({ ok: true, data: { contactIds: [expect.any(String)], summary: 'Wants the engine notes' } });
    const contactId = logged.ok && (logged.data as { contactIds: string[] }).contactIds[0];
    expect(await db.get('contacts', contactId as string)).toMatchObject({
      displayName: 'Ada Lovelace',
      identities: [
        { kind: 'email', value: 'ada@analytical.example' },
        { kind: 'email', value: 'countess@lovelace.example' },
      ],
      lastInteractionAt: expect.any(Number),
    });
    expect((await getTabPeople(7))?.people.map((p) => p.contactId)).toEqual([contactId, undefined]);
    await route(note, sidePanel);
    expect(await db.count('contacts')).toBe(1);
    expect(await db.count('interactions')).toBe(1);
  });

  test('a note that is not saved saves its listed person neither; a note for nobody is refused', async () => {
    const { db, route } = await setup();
    const page = { type: 'sighting', site: 'web', page: { url: 'https://example.org/team', title: 'Team' }, self: [] } as const;
    await route({ ...page, people: [ADA, CHARLES] }, webTab);
    const note = { type: 'logInteraction', kind: 'note', text: 'Lunch', fromTab: 7 } as const;
    const gone = await route(
      {
        ...note,
        contactIds: ['01900000-0000-7000-8000-0000000000ff'],
        listed: [{ displayName: 'Ada Lovelace', email: ADA.email }],
        requestId: crypto.randomUUID(),
      },
      sidePanel,
    );
    expect(gone).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const nobody = await route({ ...note, contactIds: [], listed: [], requestId: crypto.randomUUID() }, sidePanel);
    expect(nobody).toMatchObject({ ok: false, error: { code: 'invalid', message: 'Choose who this is about first.' } });
    expect(await db.count('contacts')).toBe(0);
    expect(await db.count('identities')).toBe(0);
    expect((await getTabPeople(7))?.people.map((p) => p.contactId)).toEqual([undefined, undefined]);
  });

  test('a typed name, organisation or tag loses bidi overrides; an emptied name is refused in words', async () => {
    const { route } = await setup();
    const created = await route({ type: 'createContact', displayName: 'Mallory' }, sidePanel);
    const contactId = created.ok && (created.data as { id: string }).id;
    const patch = { displayName: 'Mallory\u202Etxt.exe', org: '\u2067Evil\u2069 Corp', tags: ['\u202Dvip'] };
    const updated = await route({ type: 'updateContact', contactId, patch }, sidePanel);
    expect(updated).toMatchObject({ ok: true, data: { displayName: 'Mallorytxt.exe', org: 'Evil Corp', tags: ['vip'] } });
    const emptied = await route({ type: 'updateContact', contactId, patch: { displayName: ' \u202E ' } }, sidePanel);
    expect(emptied).toMatchObject({ ok: false, error: { code: 'invalid', message: 'A name cannot be empty.' } });
  });

  test("Gmail's own addresses are learned and never listed", async () => {
    const { route } = await setup();
    await route(threadSighting('t1', 'Plan', [ADA], ['me@example.com']), gmailTab);
    await route(threadSighting('t2', 'Next', [ADA, { email: 'ME@example.com', name: 'Me' }]), gmailTab);
    const tab = await getTabPeople(7);
    expect(tab?.people.map((p) => p.email)).toEqual(['ada@analytical.example']);
  });
});

test('updateSettings changes only the fields sent; the others keep their stored values', async () => {
  const { route } = await setup();
  await route({ type: 'updateSettings', patch: { neverCapture: { addresses: [], domains: ['secret.example'], sites: [] } } }, sidePanel);
  const reply = await route({ type: 'updateSettings', patch: { ownAddresses: ['me@example.com'] } }, sidePanel);
  expect(reply).toMatchObject({
    ok: true,
    data: { ownAddresses: ['me@example.com'], neverCapture: { domains: ['secret.example'] }, ignoreAutomatedSenders: true },
  });
  expect(await route({ type: 'updateSettings', patch: { ownAddresses: ['x'] } }, gmailTab)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
});

test('a write that fails for lack of space answers a clear message', async () => {
  const { db, route } = await setup();
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  await route(threadSighting('t1', 'Plan', [ADA]), gmailTab);
  const contactId = (await db.getAll('contacts'))[0]!.id;
  const full = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  const put = vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(() => {
    throw full;
  });
  const reply = await route({ type: 'logInteraction', contactIds: [contactId], kind: 'note', text: 'Keep me', requestId: crypto.randomUUID() }, sidePanel);
  put.mockRestore();
  expect(reply).toMatchObject({ ok: false, error: { code: 'failed', message: expect.stringMatching(/no room left to save this/) } });
  expect(await db.count('interactions')).toBe(1);
});

test.each([[{ type: { toString: 0 } }], [{ type: Object.create(null) }], [{ type: 'x'.repeat(100_000) }], [Object.create(null)]])(
  'a hostile `type` (%#) is refused without throwing',
  async (message) => {
    const { route } = await setup();
    await expect(route(message, gmailTab)).resolves.toMatchObject({ ok: false, error: { code: 'invalid' } });
    await expect(route(message, sidePanel)).resolves.toMatchObject({ ok: false, error: { code: 'invalid' } });
  },
);
