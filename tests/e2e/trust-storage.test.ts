import { afterEach, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { Tend } from './harness';
import { askBackground } from './pages/ask';
import { ContentWorld } from './pages/content-world';
import { WorkerProbe } from './pages/follow-ups';
import { OptionsPage } from './pages/options';

let tend: Tend | undefined;
afterEach(async () => {
  await tend?.close();
  tend = undefined;
});

type Chrome = { chrome: { storage: { local: { get(keys: null): Promise<object>; setAccessLevel(o: { accessLevel: string }): Promise<void> } } } };
const SECRET_DRAFT = 'Private: Ada asked me not to tell anyone about the engine';
const NEVER = 'charles@engine.example';
const GMAIL = 'https://mail.google.com/mail/u/0/?tend-fixture=thread-expanded#inbox/thread-one';
const WEB = 'https://people.example/team?tend-fixture=mailto-links';
// What a page would want Tend to use: Ada and Katherine as "own" (hidden from every page), nobody never-recorded.
const FAKE_SETTINGS = {
  settings: { version: 1, ownAddresses: ['ada@analytical.example', 'katherine@nasa.example'], neverCapture: { addresses: [], domains: [], sites: [] } },
  'draft:1': { text: 'Rewritten by the page', kind: 'note', contactIds: [], peopleChosen: false, requestId: crypto.randomUUID() },
};
const guarded = (call: string) =>
  `(async () => { try { return 'allowed: ' + JSON.stringify(await ${call}); } catch (error) { return 'refused: ' + error.message; } })()`;

/** What the worker uses: the stored people's addresses and the settings record. */
async function used(tend: Tend) {
  const probe = new WorkerProbe(() => tend.worker());
  const contacts = (await probe.records<{ identities: { value: string }[] }>('contacts')).flatMap((c) => c.identities.map((i) => i.value)).sort();
  // The user's record ('user'), not sync's nor the worker's own records beside it in the store.
  const records = await probe.records<{ name: string; settings: { ownAddresses: string[]; neverCapture: { addresses: string[] } } }>('settings');
  const record = records.find((each) => each.name === 'user');
  return { contacts, own: record?.settings.ownAddresses, never: record?.settings.neverCapture.addresses };
}

/** Every name a tab lists (saved or not), as the side panel shows them. */
async function listedOn(tend: Tend, asker: Page, page: Page): Promise<string[]> {
  const people = await askBackground(asker, { type: 'getTabPeople', tabId: await tend.tabIdOf(page) });
  return (people?.people ?? []).map((person) => person.email ?? person.displayName ?? '').sort();
}

test('no setting or draft lives in chrome.storage.local: from Gmail’s and the web reader’s worlds, even with the area opened to them, there is nothing to read, and what they write there changes nothing Tend uses', async () => {
  tend = await Tend.launch();
  const options = await tend.context.newPage();
  await options.goto(tend.url('options'));
  await askBackground(options, { type: 'updateSettings', patch: { neverCapture: { addresses: [NEVER], domains: [], sites: [] } } });
  await askBackground(options, { type: 'putDraft', about: { kind: 'page', url: GMAIL }, draft: { text: SECRET_DRAFT } });
  // The composer's "Share with the team" choice: a page flipping it would share the next notes.
  await askBackground(options, { type: 'setShareChoice', shared: true });

  const gmail = await tend.open(GMAIL);
  const web = await tend.open(WEB);
  await tend.clickToolbarButton(web);
  await expect.poll(async () => (await used(tend!)).contacts, { timeout: 20_000 }).toContain('ada@analytical.example');
  await expect.poll(() => listedOn(tend!, options, web), { timeout: 20_000 }).toContain('katherine@nasa.example');
  await expect.poll(() => listedOn(tend!, options, gmail), { timeout: 20_000 }).toContain('ada@analytical.example');
  const gmailListed = await listedOn(tend, options, gmail);
  expect(gmailListed).not.toContain(NEVER);
  const before = await used(tend);
  expect(before).toMatchObject({ own: ['me@example.com'], never: [NEVER] });
  expect(before.contacts).not.toContain(NEVER);

  // Nothing of the user's is in the area at all (the worker's own view of it).
  const worker = await tend.worker();
  const local = JSON.stringify(await worker.evaluate(() => (globalThis as unknown as Chrome).chrome.storage.local.get(null)));
  // Nor the share choice, nor the calendar events waiting for their end (keys Tend once used there).
  const secrets = ['settings', 'ownAddresses', 'neverCapture', NEVER, 'me@example.com', SECRET_DRAFT, 'draft:', 'shareWithTeam', 'endingMeetings'];
  for (const secret of secrets) expect(local).not.toContain(secret);

  const worlds = { gmail: await ContentWorld.of(gmail, tend.extensionId), web: await ContentWorld.of(web, tend.extensionId) };
  // First line: the area is closed to content scripts.
  for (const world of Object.values(worlds)) expect(await world.evaluate<string>(guarded('chrome.storage.local.get(null)'))).toMatch(/^refused/);

  // Second line, as on a Chrome that would not close it: opened to them, it holds nothing to read.
  await worker.evaluate(() => (globalThis as unknown as Chrome).chrome.storage.local.setAccessLevel({ accessLevel: 'TRUSTED_AND_UNTRUSTED_CONTEXTS' }));
  for (const [name, world] of Object.entries(worlds)) {
    const read = await world.evaluate<string>(guarded('chrome.storage.local.get(null)'));
    expect(read, name).toMatch(/^allowed/);
    for (const secret of ['ownAddresses', 'neverCapture', NEVER, SECRET_DRAFT]) expect(read, name).not.toContain(secret);
  }
  for (const [name, world] of Object.entries(worlds)) {
    expect(await world.evaluate<string>(guarded(`chrome.storage.local.set(${JSON.stringify(FAKE_SETTINGS)})`)), name).toMatch(/^allowed/);
  }

  // The pages are read again, by this worker and by a new one (which looks for settings to move).
  await gmail.reload();
  await tend.clickToolbarButton(web);
  await expect.poll(() => listedOn(tend!, options, gmail), { timeout: 20_000 }).toEqual(gmailListed);
  await expect
    .poll(() => listedOn(tend!, options, web), { timeout: 20_000 })
    .toEqual(expect.arrayContaining(['ada@analytical.example', 'katherine@nasa.example']));
  const { runningAgain } = await tend.stopServiceWorker(options);
  await gmail.reload();
  await runningAgain();
  await expect.poll(() => listedOn(tend!, options, gmail), { timeout: 20_000 }).toEqual(gmailListed);

  expect(await used(tend)).toEqual(before);
  expect(await askBackground(options, { type: 'getShareChoice' })).toBe(true);
  const draft = await askBackground(options, { type: 'getDraft', about: { kind: 'page', url: GMAIL } });
  expect(draft?.draft.text).toBe(SECRET_DRAFT);
  // The new worker found the page's "settings" in the old place and threw them away (the database has the user's).
  const after = await (await tend.worker()).evaluate(() => (globalThis as unknown as Chrome).chrome.storage.local.get(null));
  expect(Object.keys(after)).not.toContain('settings');
  console.info('trust: storage: settings and drafts in chrome.storage.local = 0; fake settings written by 2 content script worlds, used by the worker = 0');
});

test('settings an earlier Tend kept in chrome.storage.local move into the database at the next worker start, and leave storage', async () => {
  tend = await Tend.launch();
  const page = await tend.context.newPage();
  await page.goto(tend.url('options'));
  // The fresh worker's own first move ends before the old settings are planted: run beside the
  // planting (a slow first start), it could read them, store them, remove them from storage, and
  // then have its record cleared below, leaving nothing to move at the next start (CI saw []).
  await askBackground(page, { type: 'getSettings' });
  // A profile as a v5 Tend left it: the settings in storage, none in the database.
  const OLD = {
    version: 1,
    ownAddresses: ['me@old.example'],
    neverCapture: { addresses: [NEVER], domains: ['private.example'], sites: [] },
    ignoreAutomatedSenders: false,
  };
  await (
    await tend.worker()
  ).evaluate(
    (old) =>
      new Promise<void>((resolve, reject) => {
        // Stored before the worker stops (a write still in flight at the restart would reach storage after the move).
        const stored = (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({
          settings: old,
        });
        const open = indexedDB.open('tend');
        open.onsuccess = () => {
          const tx = open.result.transaction('settings', 'readwrite');
          tx.objectStore('settings').clear();
          tx.oncomplete = () => (open.result.close(), void stored.then(() => resolve(), reject));
          tx.onerror = () => reject(tx.error);
        };
      }),
    OLD,
  );
  const { runningAgain } = await tend.stopServiceWorker(page);
  const options = await OptionsPage.open(page, tend.url('options'));
  await runningAgain();
  await expect.poll(() => options.entries('Your addresses'), { timeout: 15_000 }).toEqual(['me@old.example']);
  expect(await options.entries('Never record these addresses')).toEqual([NEVER]);
  expect(await options.entries('Never record anyone at these domains')).toEqual(['private.example']);
  expect(await used(tend)).toMatchObject({ own: ['me@old.example'], never: [NEVER] });
  const local = await (await tend.worker()).evaluate(() => (globalThis as unknown as Chrome).chrome.storage.local.get(null));
  expect(Object.keys(local)).not.toContain('settings');
});
