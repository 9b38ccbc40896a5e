import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousViolations } from './axe';
import { gmailUrl, Tend } from './harness';
import { askBackground } from './pages/ask';
import { ContentWorld } from './pages/content-world';
import { WorkerProbe } from './pages/follow-ups';
import { OptionsPage } from './pages/options';

let tend: Tend | undefined;
afterEach(async () => {
  await tend?.close();
  tend = undefined;
});

interface Stored {
  contacts: string[];
  entries: number;
  own: string[];
}

/** What the worker has stored: every contact's addresses and profiles, the number of entries, the own addresses. */
async function stored(tend: Tend): Promise<Stored> {
  const probe = new WorkerProbe(() => tend.worker());
  const contacts = (await probe.records<{ identities: { value: string }[] }>('contacts')).flatMap((c) => c.identities.map((i) => i.value)).sort();
  const entries = (await probe.records('interactions')).length;
  // The settings live in the worker's database (the `settings` store), closed to content scripts.
  const [settings] = await probe.records<{ settings: { ownAddresses: string[] } }>('settings');
  return { contacts, entries, own: settings?.settings.ownAddresses ?? [] };
}

const MALLORY = { email: 'mallory@evil.example', name: 'Mallory', role: 'from' };

/** A report as a content script makes it, with the parts a forger changes. */
const sighting = (site: string, url: string, extra: object = {}) => ({
  type: 'sighting',
  site,
  page: { url, title: 'x' },
  people: [MALLORY],
  self: [],
  ...extra,
});

/** Wait until a page's own honest report is stored and nothing more arrives. */
async function settled(tend: Tend): Promise<Stored> {
  let last = '';
  await expect.poll(async () => (last === (last = JSON.stringify(await stored(tend))) ? 'still' : 'moving'), { timeout: 20_000, interval: 700 }).toBe('still');
  return JSON.parse(last) as Stored;
}

test('forged reports from each content script world are refused, and write nothing', async () => {
  tend = await Tend.launch();
  const gmailUrl = 'https://mail.google.com/mail/u/0/?tend-fixture=thread-expanded#inbox/thread-one';
  const outlookUrl = 'https://outlook.office.com/mail/inbox/id/AAQkAGI2?tend-fixture=reading-pane';
  const githubUrl = 'https://github.com/GraceH?tend-fixture=profile-with-email';
  const webUrl = 'https://people.example/team?tend-fixture=mailto-links';
  const pages: Record<string, Page> = {};
  for (const [name, url] of Object.entries({ gmail: gmailUrl, outlook: outlookUrl, github: githubUrl, web: webUrl })) pages[name] = await tend.open(url);
  // The generic reader runs where the user asked it to (a toolbar click grants the page).
  await pages.web!.bringToFront();
  await tend.clickToolbarButton(pages.web!);
  const worlds = Object.fromEntries(
    await Promise.all(Object.entries(pages).map(async ([name, page]) => [name, await ContentWorld.of(page, tend!.extensionId)] as const)),
  );
  const before = await settled(tend);
  // The honest reports got through: the pages' people and the Gmail and Outlook accounts' addresses.
  expect(before.contacts).toEqual(expect.arrayContaining(['ada@analytical.example', 'grace@navy.example']));
  expect([...before.own].sort()).toEqual(['me@contoso.example', 'me@example.com']);

  const forged: [string, string, object, RegExp][] = [
    [
      'github',
      'a Gmail sighting from github.com',
      sighting('gmail', gmailUrl, { thread: { key: 'gmail:t', subject: 'Wire the money' } }),
      /claimed site "gmail"/,
    ],
    ['github', 'a subject from a profile page', sighting('github', githubUrl, { thread: { key: 'github:t', subject: 'Wire the money' } }), /mail thread/],
    ['github', 'own addresses from a profile page', sighting('github', githubUrl, { people: [], self: ['ada@analytical.example'] }), /own addresses/],
    ['web', 'own addresses from a web page', sighting('web', webUrl, { people: [], self: ['ada@analytical.example'] }), /own addresses/],
    ['web', 'a Gmail thread from a web page', sighting('gmail', webUrl, { thread: { key: 'gmail:t', subject: 'Wire the money' } }), /claimed site "gmail"/],
    [
      'gmail',
      'a forged thread URL',
      sighting('gmail', 'https://evil.example/#inbox/thread-one', { thread: { key: 'gmail:t', subject: 'Plan' } }),
      /claimed a page at/,
    ],
    ['gmail', "Outlook's thread from Gmail", sighting('gmail', gmailUrl, { thread: { key: 'outlook:t', subject: 'Plan' } }), /thread of another site/],
    ['outlook', 'a Gmail sighting from Outlook', sighting('gmail', gmailUrl, { self: ['ada@analytical.example'] }), /claimed site "gmail"/],
  ];
  const worker = await tend.worker();
  const logged: string[] = [];
  worker.on('console', (message) => logged.push(message.text()));
  for (const [world, name, message, why] of forged) {
    const reply = await worlds[world]!.send(message);
    expect(reply, name).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await expect.poll(() => logged.some((line) => why.test(line)), { timeout: 5_000 }).toBe(true);
  }
  expect(await stored(tend)).toEqual(before);
  expect((await stored(tend)).contacts).not.toContain('mallory@evil.example');

  // The same channel takes an honest report: the refusals above are the checks, not the channel.
  const honest = await worlds.github!.send(sighting('github', githubUrl));
  expect(honest).toEqual({ ok: true, data: null });
  await expect.poll(async () => (await stored(tend!)).contacts).toContain('mallory@evil.example');
  console.info(`trust: senders: ${forged.length} forged reports from 4 content script worlds refused, records written by them = 0`);
});

test('the options page lists the learned own address; "Not me" removes it for good', async () => {
  tend = await Tend.launch();
  const gmail = await tend.openGmail('thread-expanded', '#inbox/thread-one');
  const options = await OptionsPage.open(await tend.context.newPage(), tend.url('options'));
  await expect.poll(() => options.page.reload().then(() => options.entries('Your addresses'))).toEqual(['me@example.com']);
  const found: string[] = [];
  for (const scheme of ['light', 'dark'] as const) found.push(...(await seriousViolations(options.page, scheme)));
  expect(found).toEqual([]);

  await options.page.getByRole('button', { name: 'Not me: me@example.com' }).click();
  await options.page.getByText('None yet: open Gmail or Outlook').waitFor();
  expect(await options.page.getByRole('list', { name: 'Your addresses' }).count()).toBe(0);
  expect((await stored(tend)).own).toEqual([]);
  await options.page.reload();
  await options.page.getByText('None yet: open Gmail or Outlook').waitFor();
  // Gmail read again shows the same account address: it is not learned back.
  const tabId = await tend.tabIdOf(gmail);
  const seenAt = async () => (await askBackground(options.page, { type: 'getTabPeople', tabId }))?.seenAt;
  const before = await seenAt();
  await gmail.reload();
  await expect.poll(seenAt, { timeout: 20_000 }).not.toBe(before);
  expect((await stored(tend)).own).toEqual([]);
  await options.page.reload();
  await options.page.getByText('None yet: open Gmail or Outlook').waitFor();
});

test('after a browser restart, a content script world cannot read or write settings: Chrome keeps the level in the profile', async () => {
  const profile = mkdtempSync(join(tmpdir(), 'tend-profile-'));
  const guarded = (call: string) =>
    `(async () => { try { return 'allowed: ' + JSON.stringify(await ${call}); } catch (error) { return 'refused: ' + error.message; } })()`;
  try {
    tend = await Tend.launch(profile);
    await tend.openGmail('thread-expanded', '#inbox/thread-one');
    await expect.poll(async () => (await stored(tend!)).own).toEqual(['me@example.com']);
    const id = tend.extensionId;
    await tend.close();
    // Chrome keeps the level the worker set in the profile's preferences (1: trusted contexts
    // only), read at startup before any page or worker of the new session runs.
    const prefs = JSON.parse(readFileSync(join(profile, 'Default', 'Preferences'), 'utf8'));
    expect(prefs.extensions.settings[id]).toMatchObject({ storage_local_access_level: 1, storage_session_access_level: 1 });

    tend = await Tend.launch(profile);
    const page = await tend.context.newPage();
    // The worker stopped, and watched: whether it ran again (the page's own report wakes it)
    // before the first read is logged; the level comes from the profile either way.
    await tend.stopServiceWorker(page);
    const cdp = await tend.context.newCDPSession(page);
    let workerRanAgain = false;
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      if (versions.some((v) => v.scriptURL.includes(id) && v.runningStatus !== 'stopped' && v.runningStatus !== 'stopping')) workerRanAgain = true;
    });
    await cdp.send('ServiceWorker.enable');
    await page.goto(gmailUrl('thread-expanded', '#inbox/thread-one'));
    const world = await ContentWorld.of(page, id);
    const firstRead = await world.evaluate<string>(guarded('chrome.storage.local.get(null)'));
    const beforeWorker = !workerRanAgain;
    expect(firstRead).toMatch(/^refused/);
    for (const call of [
      "chrome.storage.local.set({ settings: { version: 1, ownAddresses: ['ada@analytical.example'], neverCapture: { addresses: [], domains: [], sites: [] } } })",
      "chrome.storage.local.remove('settings')",
      'chrome.storage.local.clear()',
      'chrome.storage.session.get(null)',
      "chrome.storage.session.set({ 'tab:1': {} })",
    ]) {
      expect(await world.evaluate<string>(guarded(call)), call).toMatch(/^refused/);
    }
    // What the worker and the pages use is unchanged.
    expect((await stored(tend)).own).toEqual(['me@example.com']);
    console.info(`trust: storage after a restart: content script reads and writes refused = 6, first read before the worker ran again = ${beforeWorker}`);
  } finally {
    await tend?.close();
    tend = undefined;
    rmSync(profile, { recursive: true, force: true });
  }
});
