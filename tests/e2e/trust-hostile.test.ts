/**
 * Trust, hostile text beyond the side panel and popup (issue #8): invisible characters and
 * megabyte attributes on a page; names and notes with payloads in Chrome's notifications and
 * in every exported file (JSON backup, vCard 4.0 and 3.0, people and history CSV, one person's
 * vCard from the card).
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { MAX_ADDRESS, MAX_NAME } from '../../utils/model/limits';
import { logicalLines } from '../../utils/portability/vcard/lines';
import { parseVCards } from '../../utils/portability/vcard/parse';
import { Tend } from './harness';
import { FollowUpsPanel, WorkerProbe } from './pages/follow-ups';
import { OptionsPage } from './pages/options';
import { SearchPanel } from './pages/search-view';
import { SidePanel } from './pages/side-panel';

// What Tend strips from addresses and page names (identity/addresses.ts), and the bidi
// controls it strips from notifications and exported files (display-text.ts).
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
const MARKUP = '<img src=x onerror="window.__pwned=1">';

let tend: Tend;
let probe: WorkerProbe;
beforeEach(async () => {
  tend = await Tend.launch();
  probe = new WorkerProbe(() => tend.worker());
});
afterEach(() => tend?.close());

interface StoredContact {
  id: string;
  displayName: string;
  identities: { kind: string; value: string }[];
}

/** Open a fixture page of people.example and have Tend read it as a toolbar click does. */
async function readPage(fixture: string): Promise<{ page: import('playwright-core').Page; panel: SidePanel }> {
  const page = await tend.open(`https://people.example/directory?tend-fixture=${fixture}`);
  const panel = await SidePanel.open(await tend.context.newPage(), tend.url('sidepanel', `?tab=${await tend.tabIdOf(page)}`));
  await page.bringToFront();
  await tend.clickToolbarButton(page);
  return { page, panel };
}

/** Save everyone the page lists: pages other than mail and profiles list people until the user adds them. */
async function addEveryoneListed(panel: SidePanel): Promise<void> {
  const add = panel.peopleList.getByRole('button', { name: /^Add to Tend: / });
  await add.first().waitFor();
  for (let left = await add.count(); left > 0; left = await add.count()) {
    await add.first().click();
    await expect.poll(() => add.count()).toBeLessThan(left);
  }
}

/** A `datetime-local` value in the browser's time zone. */
function localInput(at: number): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

test('hostile page: invisible characters never reach a stored address, megabyte attributes are capped, no hang', async () => {
  const page = await tend.context.newPage();
  // The page's own record of long tasks: the reader shares its main thread.
  await page.addInitScript(() => {
    const w = window as unknown as { __tasks: { start: number; duration: number }[] };
    w.__tasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__tasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask' });
  });
  await page.goto('https://people.example/directory?tend-fixture=hostile-attributes');
  const panel = await SidePanel.open(await tend.context.newPage(), tend.url('sidepanel', `?tab=${await tend.tabIdOf(page)}`));
  await page.bringToFront();
  const clickedAt = await page.evaluate(() => performance.now());
  await tend.clickToolbarButton(page);

  const capped = (letter: string) => `${letter.repeat(MAX_NAME - 1)}…`;
  await expect.poll(() => panel.people.count()).toBe(9);
  expect((await panel.peopleNames()).sort()).toEqual(
    ['Big Query', 'Big Title', 'Joe Isolate', 'Micro Data', 'Rita Right', 'Zoe Width', 'kim@invisible.example', capped('J'), capped('N')].sort(),
  );
  expect(await panel.peopleList.innerText()).not.toMatch(INVISIBLE);
  await addEveryoneListed(panel);

  const contacts = await probe.records<StoredContact>('contacts');
  const emails = contacts.flatMap((c) => c.identities.map((i) => i.value)).sort();
  // One Zoe (the zero-width twin is the same address); the escaped marks are gone too.
  expect(emails).toEqual([
    'big.name@huge.example',
    'big.query@huge.example',
    'big.title@huge.example',
    'joe@invisible.example',
    'json.ld@huge.example',
    'kim@invisible.example',
    'micro@invisible.example',
    'right@invisible.example',
    'zoe.width@invisible.example',
  ]);
  for (const contact of contacts) {
    expect(contact.displayName.length).toBeLessThanOrEqual(MAX_NAME);
    expect(contact.displayName).not.toMatch(INVISIBLE);
    for (const identity of contact.identities) expect(identity.value.length).toBeLessThanOrEqual(MAX_ADDRESS);
  }
  const identityKeys = (await probe.records<{ key: string }>('identities')).map((row) => row.key);
  expect(identityKeys.filter((key) => INVISIBLE.test(key))).toEqual([]);
  expect(identityKeys).toHaveLength(9);

  // No hang: the page answers at once, and no task after the click came near a second.
  const asked = Date.now();
  await page.evaluate(() => document.title);
  const answeredIn = Date.now() - asked;
  const tasks = await page.evaluate(() => (window as unknown as { __tasks: { start: number; duration: number }[] }).__tasks);
  const longest = Math.max(0, ...tasks.filter((task) => task.start >= clickedAt).map((task) => task.duration));
  expect(answeredIn).toBeLessThan(1000);
  expect(longest).toBeLessThan(500);
  console.info(
    `trust: hostile page, invisible marks and 1 MB attributes: 9 people stored, addresses with invisible characters = 0, ` +
      `longest name ${Math.max(...contacts.map((c) => c.displayName.length))} (cap ${MAX_NAME}), ` +
      `longest task after the click ${longest ? `${Math.round(longest)} ms` : 'none over 50 ms'}`,
  );
});

test('hostile text in a follow-up notification: markup as literal text, capped, no bidi override', async () => {
  const { panel } = await readPage('hostile-text');
  const pageName = '<img src=x onerror=alert(1)> Eve';
  await expect.poll(() => panel.peopleNames()).toContain(pageName);
  await addEveryoneListed(panel);
  await panel.openPerson(pageName);
  // The user renames her with an RLO: the card keeps the markup as text and drops the override
  // (the follow-up's own text below still carries one, to the notification's guard).
  const name = `${MARKUP}Eve\u202Etxt.exe ${'x'.repeat(150)}`;
  await panel.page.getByText('Details').click();
  await panel.page.getByLabel('Name', { exact: true }).fill(name);
  await panel.page.getByLabel('Name', { exact: true }).blur();
  const stored = name.replace('\u202E', '');
  await expect.poll(async () => (await probe.records<StoredContact>('contacts')).some((c) => c.displayName === stored)).toBe(true);

  // Record what the worker hands Chrome, then fire the reminder as its alarm would.
  const worker = await tend.worker();
  await worker.evaluate(() => {
    const g = globalThis as unknown as { __shown: unknown[][]; chrome: { notifications: { create: (...args: unknown[]) => unknown } } };
    g.__shown = [];
    const original = g.chrome.notifications.create;
    g.chrome.notifications.create = function (this: unknown, ...args: unknown[]) {
      g.__shown.push(args.filter((arg) => typeof arg !== 'function'));
      return original.apply(this, args);
    };
  });
  const followUps = new FollowUpsPanel(panel.page);
  await followUps.addOnCard(`<script>window.__pwned=2</script>\u202ERing her back ${'y'.repeat(1000)}`, localInput(Date.now() - 86_400_000), true);
  await expect.poll(() => probe.records('followUps').then((rows) => rows.length)).toBe(1);
  const [followUp] = await probe.records<{ id: string }>('followUps');
  const shownId = await probe.call<string>('onFollowUpAlarm', `tend-followup:${followUp!.id}`);
  expect(await probe.notificationIds()).toContain(shownId);

  const calls = await worker.evaluate(() => (globalThis as unknown as { __shown: [string, { title: string; message: string }][] }).__shown);
  const shown = calls.filter(([id]) => id === shownId).at(-1)![1];
  expect(shown.title.startsWith(`Follow up with ${MARKUP}Evetxt.exe xxx`)).toBe(true);
  expect(shown.title.length).toBeLessThanOrEqual(120);
  expect(shown.title.endsWith('…')).toBe(true);
  expect(shown.message.startsWith('<script>window.__pwned=2</script>Ring her back yyy')).toBe(true);
  expect(shown.message.length).toBeLessThanOrEqual(300);
  expect(`${shown.title}${shown.message}`).not.toMatch(BIDI_CONTROL);
  // Nothing ran in the panel that shows the same text.
  expect(await panel.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await panel.card.locator('img, script').count()).toBe(0);
  console.info(`trust: hostile notification: title ${shown.title.length} chars (cap 120), message ${shown.message.length} (cap 300), bidi controls shown = 0`);
});

const EVE = {
  id: '01900000-0000-7000-8000-0000000000e1',
  displayName: `Eve\r\nEMAIL:attacker@evil.example\u202E${MARKUP}`,
  identities: [
    { kind: 'email', value: 'eve.backup@payload.example' },
    { kind: 'url', value: 'https://evil.example/in\r\nEMAIL:attacker2@evil.example' },
  ],
  org: '=HYPERLINK("http://evil.example","Ada")',
  title: "+cmd|' /C calc'!A0",
  tags: ['@SUM(1+1)', 'a,b;c'],
  whatMatters: '<script>window.__pwned=3</script>\nEND:VCARD\nBEGIN:VCARD\nFN:Injected',
  createdAt: 1_700_000_000_000,
  updatedAt: 1_700_000_000_000,
};
const EVE_NOTE = {
  id: '01900000-0000-7000-8000-0000000000b1',
  contactIds: [EVE.id],
  kind: 'note',
  at: 1_700_000_000_000,
  summary: '=1+1 <b>bold</b>',
  body: '\u202E-2+3',
  source: { url: 'https://people.example/', title: '@page' },
  createdAt: 1_700_000_000_000,
};

/** The cells of a CSV file exactly as a spreadsheet receives them (guards included). */
const csvCells = (text: string): string[][] => Papa.parse<string[]>(text.replace(/^\ufeff/, ''), { skipEmptyLines: true }).data;

/** Each card of a vCard file as its property names, unfolded. */
function cardProperties(text: string): string[][] {
  const cards: string[][] = [];
  for (const { text: line } of logicalLines(text)) {
    const name = line.split(/[:;]/, 1)[0]!;
    if (name === 'BEGIN') cards.push([]);
    cards.at(-1)!.push(name);
  }
  return cards;
}

test('hostile text in every export: data round-trips, formulas are defused, no vCard property is injected', async () => {
  const options = await OptionsPage.open(await tend.context.newPage(), tend.url('options'));
  // A crafted backup brings what a page cannot: line breaks and an RLO in a name, a URL with a line break.
  const empty = JSON.parse((await options.download('Full backup (JSON)')).text);
  const crafted = {
    ...empty,
    contacts: [EVE],
    identities: EVE.identities.map((identity) => ({ key: `${identity.kind}:${identity.value}`, ...identity, contactId: EVE.id })),
    interactions: [EVE_NOTE],
  };
  await options.chooseFile('crafted.json', JSON.stringify(crafted), 'application/json');
  await options.restorePreview.getByRole('button', { name: 'Restore backup' }).click();
  await options
    .importStatus()
    .getByText(/^The backup was restored/)
    .waitFor();
  // And names with payloads from a page (JSON-LD, microdata, mailto link text).
  await addEveryoneListed((await readPage('hostile-text')).panel);
  await expect.poll(async () => (await options.recordCounts()).contacts).toBe(5);

  // The backup restores exactly: the payload is data, byte for byte.
  const backup = JSON.parse((await options.download('Full backup (JSON)')).text);
  // Identities are normalised on restore: the line break planted in the URL is gone (issue 15).
  const normalisedEve = { ...EVE, identities: EVE.identities.map((identity) => ({ ...identity, value: identity.value.replace(/[\r\n]/g, '') })) };
  expect(backup.contacts.find((c: { id: string }) => c.id === EVE.id)).toEqual(normalisedEve);
  expect(backup.interactions.find((i: { id: string }) => i.id === EVE_NOTE.id)).toEqual(EVE_NOTE);
  const emails = backup.identities
    .filter((row: { kind: string }) => row.kind === 'email')
    .map((row: { value: string }) => row.value)
    .sort();
  expect(emails).toEqual(['eve.backup@payload.example', 'eve@payload.example', 'mallory@payload.example', 'trudy@payload.example', 'visible@shown.example']);

  // What Tend writes on a card; anything else would be a property a value smuggled in.
  const written = new Set(['BEGIN', 'VERSION', 'PRODID', 'UID', 'FN', 'N', 'EMAIL', 'URL', 'ORG', 'TITLE', 'CATEGORIES', 'NOTE', 'REV', 'END']);
  let injected = 0;
  for (const [button, version] of [
    ['vCard 4.0', '4.0'],
    ['vCard 3.0 (older address books)', '3.0'],
  ] as const) {
    const { text } = await options.download(button);
    expect(text).not.toMatch(BIDI_CONTROL);
    const cards = cardProperties(text);
    const emailLines = cards.flat().filter((name) => name === 'EMAIL').length;
    injected += cards.flat().filter((name) => !written.has(name)).length + Math.max(0, cards.length - 5) + Math.max(0, emailLines - emails.length);
    expect(cards).toHaveLength(5);
    for (const card of cards) {
      expect(card[0]).toBe('BEGIN');
      expect(card.at(-1)).toBe('END');
      expect(card.filter((name) => name === 'BEGIN' || name === 'END' || name === 'FN')).toEqual(['BEGIN', 'FN', 'END']);
    }
    const parsed = parseVCards(text);
    expect(parsed.rejected).toEqual([]);
    expect(parsed.cards.flatMap((card) => card.emails).sort()).toEqual(emails);
    const eve = parsed.cards.find((card) => card.emails.includes('eve.backup@payload.example'))!;
    expect(eve.displayName).toBe(`Eve EMAIL:attacker@evil.example${MARKUP}`);
    expect(eve.urls).toEqual(['https://evil.example/inEMAIL:attacker2@evil.example']);
    expect(eve.note).toBe(EVE.whatMatters);
    expect(eve.categories).toEqual(EVE.tags);
    const mallory = parsed.cards.find((card) => card.emails.includes('mallory@payload.example'))!;
    expect(mallory.displayName, version).toBe('<script>alert(1)</script>Mallory');
  }

  const people = await options.download('People (CSV)');
  expect(people.text).not.toMatch(BIDI_CONTROL);
  const eveRow = csvCells(people.text).find((row) => row[1] === 'eve.backup@payload.example')!;
  expect(eveRow.slice(0, 6)).toEqual([
    `Eve\r\nEMAIL:attacker@evil.example${MARKUP}`,
    'eve.backup@payload.example',
    'https://evil.example/inEMAIL:attacker2@evil.example',
    `'${EVE.org}`,
    `'${EVE.title}`,
    "'@SUM(1+1) ::: a,b;c",
  ]);
  const history = await options.download('History (CSV)');
  const noteRow = csvCells(history.text).find((row) => row.at(-1) === EVE_NOTE.id)!;
  // The RLO went first, so the minus it hid is defused too.
  expect(noteRow.slice(4, 9)).toEqual(["'=1+1 <b>bold</b>", "'-2+3", '', 'https://people.example/', "'@page"]);
  const formulaCells = [...csvCells(people.text), ...csvCells(history.text)].flat().filter((cell) => /^[=+\-@\t\r]/.test(cell));
  expect(formulaCells).toEqual([]);

  // One person's vCard from the card: the same card as in the full export.
  const search = new SearchPanel(await tend.context.newPage());
  await search.page.goto(tend.url('sidepanel'));
  await search.open();
  await search.field.fill('eve.backup');
  await expect.poll(() => search.group('People').count()).toBe(1);
  await search.field.press('Enter');
  await search.page.getByText('Details').click();
  const [download] = await Promise.all([search.page.waitForEvent('download'), search.page.getByRole('button', { name: 'Download vCard' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^[\w-]+\.vcf$/);
  const single = readFileSync((await download.path())!, 'utf8');
  expect(cardProperties(single)).toEqual([['BEGIN', 'VERSION', 'PRODID', 'UID', 'FN', 'EMAIL', 'URL', 'ORG', 'TITLE', 'CATEGORIES', 'NOTE', 'REV', 'END']]);
  expect(parseVCards(single).cards[0]!.emails).toEqual(['eve.backup@payload.example']);
  expect(single).not.toMatch(BIDI_CONTROL);
  expect(injected).toBe(0);

  for (const page of [options.page, search.page]) {
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('body img, body script').count()).toBe(0);
  }
  console.info(
    `trust: hostile exports: 5 files and one person's vCard checked, formula cells left live = ${formulaCells.length}, ` +
      `injected vCard properties = ${injected}, backup payload round-trip exact`,
  );
});
