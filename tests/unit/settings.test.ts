import { describe, expect, test, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { writeTx } from '../../utils/db/schema';
import { clearAllStores } from '../../utils/db/all-stores-repo';
import { deleteEverything } from '../../utils/portability/delete-everything';
import { putSettingsRecord } from '../../utils/db/settings-repo';
import { DEFAULT_SETTINGS } from '../../utils/model/records';
import { applySettingsPatch } from '../../utils/services/settings/patch';
import { learnOwnAddresses, loadSettings, updateSettings } from '../../utils/services/settings/settings';
import { openTendDb } from '../../utils/db/open';
import { buildV5Database } from './frozen-db/v5';
import { createRouter } from '../../utils/messaging/router';
import { createHandlers } from '../../utils/services/handlers';
import { ADA, CHARLES, freshDb, threadSighting } from './helpers';

describe('settings live in the worker’s database', () => {
  test('settings default when missing or unreadable', async () => {
    const db = await freshDb();
    expect((await loadSettings(db)).ignoreAutomatedSenders).toBe(true);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const tx = writeTx(db, ['settings']);
    await putSettingsRecord(tx, { version: 99, junk: true }, 1);
    await tx.done;
    expect(await loadSettings(db)).toMatchObject({ version: 1, ownAddresses: [] });
  });

  test('settings stored before a field existed still load, with its default', async () => {
    const db = await freshDb();
    const tx = writeTx(db, ['settings']);
    await putSettingsRecord(tx, { version: 1, ownAddresses: ['me@example.com'] }, 1);
    await tx.done;
    expect(await loadSettings(db)).toEqual({
      version: 1,
      ownAddresses: ['me@example.com'],
      notOwnAddresses: [],
      neverCapture: { addresses: [], domains: [], sites: [] },
      ignoreAutomatedSenders: true,
      tagCadences: {},
      passiveHistory: {},
    });
  });

  test('one unreadable field takes its default; the user’s other settings are kept', async () => {
    const db = await freshDb();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const tx = writeTx(db, ['settings']);
    await putSettingsRecord(
      tx,
      { version: 1, ownAddresses: ['me@example.com'], neverCapture: { addresses: ['x@y.example'], domains: [], sites: [] }, tagCadences: 'weekly' },
      1,
    );
    await tx.done;
    expect(await loadSettings(db)).toMatchObject({ ownAddresses: ['me@example.com'], neverCapture: { addresses: ['x@y.example'] }, tagCadences: {} });
    expect(warn).toHaveBeenCalled();
  });

  test('a learned address and an edit made at the same moment are both kept', async () => {
    const db = await freshDb();
    await Promise.all([
      learnOwnAddresses(db, ['Me@Example.com']),
      updateSettings(db, (s) => ({ ...s, neverCapture: { ...s.neverCapture, domains: ['secret.example'] } })),
      learnOwnAddresses(db, ['second@example.com', 'me@example.com']),
    ]);
    const settings = await loadSettings(db);
    expect(settings.ownAddresses).toEqual(['me@example.com', 'second@example.com']);
    expect(settings.neverCapture.domains).toEqual(['secret.example']);
  });

  test('a change that fails leaves the settings as they were and later changes still run', async () => {
    const db = await freshDb();
    await updateSettings(db, (s) => ({ ...s, ownAddresses: ['a@example.com'] }));
    await expect(updateSettings(db, () => ({ version: 2 }) as never)).rejects.toThrow();
    await updateSettings(db, (s) => ({ ...s, ignoreAutomatedSenders: false }));
    expect(await loadSettings(db)).toMatchObject({ ownAddresses: ['a@example.com'], ignoreAutomatedSenders: false });
  });

  test('a read after any write to the store sees it (the cache follows commits: an update, delete everything)', async () => {
    const db = await freshDb();
    expect((await loadSettings(db)).ownAddresses).toEqual([]);
    await updateSettings(db, (s) => ({ ...s, ownAddresses: ['me@example.com'] }));
    expect((await loadSettings(db)).ownAddresses).toEqual(['me@example.com']);
    await clearAllStores(db);
    expect(await loadSettings(db)).toEqual(DEFAULT_SETTINGS);
  });

  test('nothing is written to chrome.storage', async () => {
    const db = await freshDb();
    await updateSettings(db, (s) => ({ ...s, ownAddresses: ['me@example.com'] }));
    await learnOwnAddresses(db, ['second@example.com']);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(await db.count('settings')).toBe(1);
  });
});

describe('settings an earlier Tend kept in chrome.storage.local move into the database once', () => {
  const OLD = {
    version: 1,
    ownAddresses: ['me@example.com'],
    neverCapture: { addresses: ['secret@example.com'], domains: ['private.example'], sites: ['bank.example'] },
    ignoreAutomatedSenders: false,
    tagCadences: { family: 14 },
    defaultCadenceDays: 60,
    passiveHistory: { linkedin: false },
  };

  test('every value is moved, and removed from storage', async () => {
    await fakeBrowser.storage.local.set({ settings: OLD, welcomeShownAt: 5 });
    const db = await freshDb();
    expect(await loadSettings(db)).toEqual({ ...OLD, notOwnAddresses: [] });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ welcomeShownAt: 5 });
    expect((await db.getAll('settings')).map((record) => record.settings)).toEqual([{ ...OLD, notOwnAddresses: [] }]);
  });

  test('a user of a v5 Tend: the database upgrades, then the settings move into it', async () => {
    await buildV5Database('tend-v5-user');
    await fakeBrowser.storage.local.set({ settings: OLD });
    const db = await openTendDb('tend-v5-user');
    expect(await loadSettings(db)).toEqual({ ...OLD, notOwnAddresses: [] });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(await db.count('drafts')).toBe(1);
  });

  test('the first change after the move starts from the moved settings', async () => {
    await fakeBrowser.storage.local.set({ settings: OLD });
    const db = await freshDb();
    const next = await updateSettings(db, (s) => ({ ...s, ignoreAutomatedSenders: true }));
    expect(next).toMatchObject({ ownAddresses: ['me@example.com'], tagCadences: { family: 14 }, ignoreAutomatedSenders: true });
  });

  test('settings already in the database are newer: they stay, and the old ones still leave storage', async () => {
    const db = await freshDb();
    await updateSettings(db, (s) => ({ ...s, ownAddresses: ['new@example.com'] }));
    await fakeBrowser.storage.local.set({ settings: OLD });
    const again = await freshDb(); // a new worker
    expect((await loadSettings(again)).ownAddresses).toEqual(['new@example.com']);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  test('while the move fails, the old settings are the ones used, changes are refused, and storage keeps them', async () => {
    await fakeBrowser.storage.local.set({ settings: OLD });
    const db = await freshDb();
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('Encountered disk full while writing backing store.', 'UnknownError');
    });
    expect((await loadSettings(db)).neverCapture.addresses).toEqual(['secret@example.com']);
    await expect(updateSettings(db, (s) => ({ ...s, neverCapture: { addresses: [], domains: [], sites: [] } }))).rejects.toThrow();
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({ settings: OLD });
    put.mockRestore();
    expect(error).toHaveBeenCalled();
    // Room again: the next read moves them.
    expect((await loadSettings(db)).neverCapture.addresses).toEqual(['secret@example.com']);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(await db.count('settings')).toBe(1);
  });
});

describe('after "Delete everything"', () => {
  test('the settings are the defaults, stored at once: settings planted in storage are not adopted by the next worker', async () => {
    const db = await freshDb();
    await updateSettings(db, (s) => ({ ...s, ownAddresses: ['me@example.com'] }));
    await deleteEverything(db);
    expect((await db.getAll('settings')).map((record) => record.settings)).toEqual([DEFAULT_SETTINGS]);
    // What a content script could write to storage if the access level were lost.
    await fakeBrowser.storage.local.set({ settings: { ...DEFAULT_SETTINGS, ownAddresses: ['ada@example.com'], ignoreAutomatedSenders: false } });
    const again = await freshDb(); // a new worker on the same database
    expect(await loadSettings(again)).toEqual(DEFAULT_SETTINGS);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });
});

describe('"Not me": an own address the user removed is never learned again', () => {
  test('taken off the own addresses, it is remembered as not the user’s and not learned from the next page', async () => {
    const db = await freshDb();
    await learnOwnAddresses(db, ['me@example.com', 'shared@example.com']);
    await updateSettings(db, (s) => applySettingsPatch(s, { ownAddresses: ['me@example.com'] }));
    expect(await loadSettings(db)).toMatchObject({ ownAddresses: ['me@example.com'], notOwnAddresses: ['shared@example.com'] });
    const afterRead = await learnOwnAddresses(db, ['Shared@Example.com', 'me@example.com']);
    expect(afterRead.ownAddresses).toEqual(['me@example.com']);
    expect((await loadSettings(db)).ownAddresses).toEqual(['me@example.com']);
  });

  test('added back by the user, it is the user’s again', () => {
    const notMine = { ...DEFAULT_SETTINGS, ownAddresses: ['me@example.com'], notOwnAddresses: ['shared@example.com'] };
    expect(applySettingsPatch(notMine, { ownAddresses: ['me@example.com', 'shared@example.com'] })).toMatchObject({
      ownAddresses: ['me@example.com', 'shared@example.com'],
      notOwnAddresses: [],
    });
  });

  test('a patch changes only the fields it sends; null removes the default cadence', () => {
    const current = { ...DEFAULT_SETTINGS, defaultCadenceDays: 30, ownAddresses: ['me@example.com'] };
    expect(applySettingsPatch(current, { defaultCadenceDays: null, ownAddresses: undefined })).toEqual({ ...current, defaultCadenceDays: null });
  });
});

describe('pages reach the settings through the worker, and hear when they change', () => {
  const ID = 'tend-extension-id';
  const ORIGIN = `chrome-extension://${ID}/`;
  const options = { id: ID, url: `${ORIGIN}options.html` };
  const gmailTab = { id: ID, url: 'https://mail.google.com/mail/u/0/#inbox/t1', tab: { id: 7 } as Browser.tabs.Tab, frameId: 0 };

  async function worker() {
    const db = freshDb();
    const route = createRouter(
      createHandlers(db, () => 1_700_000_000_000),
      { extensionId: ID, extensionOrigin: ORIGIN },
    );
    const broadcasts: unknown[] = [];
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => void broadcasts.push(message));
    return { db: await db, route, broadcasts };
  }

  test('getSettings answers what updateSettings stored; each change is broadcast as `changed` with `settings`', async () => {
    const { route, broadcasts } = await worker();
    expect(await route({ type: 'getSettings' }, options)).toEqual({ ok: true, data: DEFAULT_SETTINGS });
    await route({ type: 'updateSettings', patch: { neverCapture: { addresses: ['ada@analytical.example'], domains: [], sites: [] } } }, options);
    expect(await route({ type: 'getSettings' }, options)).toMatchObject({ ok: true, data: { neverCapture: { addresses: ['ada@analytical.example'] } } });
    expect(broadcasts).toContainEqual({ type: 'changed', contactIds: [], settings: true });
  });

  test('a content script may not read or change them', async () => {
    const { route } = await worker();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await route({ type: 'getSettings' }, gmailTab)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  test('a never-recorded address set through the worker is not recorded from Gmail; "Not me" sticks across Gmail reads', async () => {
    const { db, route } = await worker();
    await route({ type: 'updateSettings', patch: { neverCapture: { addresses: ['ada@analytical.example'], domains: [], sites: [] } } }, options);
    await route(threadSighting('t1', 'Plan', [ADA, CHARLES], ['me@example.com']), gmailTab);
    expect((await db.getAll('contacts')).map((contact) => contact.displayName)).toEqual(['Charles Babbage']);
    expect((await loadSettings(db)).ownAddresses).toEqual(['me@example.com']);

    await route({ type: 'updateSettings', patch: { ownAddresses: [] } }, options); // "Not me"
    await route(threadSighting('t1', 'Plan', [ADA, CHARLES], ['me@example.com']), gmailTab);
    expect(await route({ type: 'getSettings' }, options)).toMatchObject({ ok: true, data: { ownAddresses: [], notOwnAddresses: ['me@example.com'] } });
  });
});

test('settings written to chrome.storage.local after the first start are not adopted by a later worker, only removed', async () => {
  const db = await freshDb();
  expect(await loadSettings(db)).toEqual(DEFAULT_SETTINGS); // the first start gives the database its record
  await fakeBrowser.storage.local.set({ settings: { version: 1, ownAddresses: ['ada@analytical.example'] } });
  const later = await openTendDb('tend-test'); // a new worker
  expect(await loadSettings(later)).toEqual(DEFAULT_SETTINGS);
  expect(await fakeBrowser.storage.local.get(null)).toEqual({});
});
