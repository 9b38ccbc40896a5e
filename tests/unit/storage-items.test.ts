import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadLegacyTabDrafts, removeLegacyTabDraft } from '../../utils/storage/drafts';
import { clearShownCard, getShownCard, onOpenPersonRequested, requestOpenPerson, setShownCard, takeOpenPersonRequest } from '../../utils/storage/open-person';
import { loadLegacySettings, removeLegacySettings } from '../../utils/storage/settings';
import { clearTabPeople, getTabPeople, loadTabPeopleCounts, savedPeopleOnTab, setTabPeople } from '../../utils/storage/tab-people';
import { sourceFiles } from './source-files';

const ADA_ID = '01900000-0000-7000-8000-00000000000a';
const REQUEST_ID = '01900000-0000-7000-8000-0000000000ff';
// Values exactly as Tend wrote them before the typed items, under the keys it used.
const OLD_DRAFT = { text: 'Ask about the engine', kind: 'note', contactIds: [ADA_ID], peopleChosen: true, requestId: REQUEST_ID };
const OLD_TAB_PEOPLE = {
  url: 'https://mail.google.com/mail/u/0/#inbox/1',
  title: 'Engines',
  people: [{ contactId: ADA_ID, displayName: 'Ada Lovelace', email: 'ada@analytical.example' }, { displayName: 'Name only' }],
  seenAt: 1_700_000_000_000,
};

describe('values stored by earlier versions are still read', () => {
  test('settings (local `settings`), read once to move them into the database', async () => {
    const old = { version: 1, ownAddresses: ['me@example.com'], ignoreAutomatedSenders: false };
    await fakeBrowser.storage.local.set({ settings: old, other: 1 });
    expect(await loadLegacySettings()).toEqual(old);
    await removeLegacySettings();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ other: 1 });
    expect(await loadLegacySettings()).toBeUndefined();
  });

  test('a tab’s draft (local `draft:<tab>`), read once to move it into the database', async () => {
    await fakeBrowser.storage.local.set({ 'draft:7': OLD_DRAFT, 'draft:x': OLD_DRAFT });
    expect(await loadLegacyTabDrafts()).toEqual(new Map([[7, OLD_DRAFT]]));
    await removeLegacyTabDraft(7);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ 'draft:x': OLD_DRAFT });
  });

  test('the people on a tab (session `tab:<tab>`), and their counts at worker start', async () => {
    await fakeBrowser.storage.session.set({ 'tab:3': OLD_TAB_PEOPLE, 'tab:x': OLD_TAB_PEOPLE, other: 1 });
    expect(await getTabPeople(3)).toEqual({ ...OLD_TAB_PEOPLE, truncated: false, mailboxes: [] });
    await loadTabPeopleCounts();
    expect(savedPeopleOnTab(3, OLD_TAB_PEOPLE.url)).toBe(1);
    expect(savedPeopleOnTab(3, `${OLD_TAB_PEOPLE.url}#another-thread`)).toBe(1);
    expect(savedPeopleOnTab(3, 'https://elsewhere.example/')).toBe(0);
    expect(savedPeopleOnTab(4, OLD_TAB_PEOPLE.url)).toBe(0);
  });

  test('a tab’s people read for the page it shows now: kept on the same page, dropped once it shows another', async () => {
    await fakeBrowser.storage.session.set({ 'tab:3': OLD_TAB_PEOPLE });
    expect(await getTabPeople(3, { url: 'https://mail.google.com/mail/u/0/?view=cv#inbox/abc' })).not.toBeNull();
    // A URL Tend cannot see is a page it could not have read: another page.
    expect(await getTabPeople(3, { url: undefined })).toBeNull();
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    await fakeBrowser.storage.session.set({ 'tab:3': OLD_TAB_PEOPLE });
    expect(await getTabPeople(3, { url: 'https://elsewhere.example/mail/u/0/' })).toBeNull();
    expect(await getTabPeople(3)).toBeNull();
  });

  test('a request to open a person (session `openPerson`), served once', async () => {
    await fakeBrowser.storage.session.set({ openPerson: { contactId: ADA_ID, at: 1000 } });
    expect(await takeOpenPersonRequest(2000)).toBe(ADA_ID);
    expect(await takeOpenPersonRequest(2000)).toBeUndefined();
  });
});

test('writes land under the same keys, with nothing else beside them', async () => {
  await setTabPeople(3, { ...OLD_TAB_PEOPLE, truncated: false, mailboxes: [] });
  await requestOpenPerson(ADA_ID, 1000);
  expect(Object.keys(await fakeBrowser.storage.session.get(null)).sort()).toEqual(['openPerson', 'tab:3']);
  await clearTabPeople(3);
  expect(Object.keys(await fakeBrowser.storage.session.get(null))).toEqual(['openPerson']);
});

test('the card a side panel shows for a tab (session `card:<tab>`): a newer card is not forgotten by the old one closing', async () => {
  const GRACE_ID = '01900000-0000-7000-8000-00000000000b';
  await setShownCard(3, ADA_ID);
  await setShownCard(3, GRACE_ID);
  await clearShownCard(3, ADA_ID);
  expect(await getShownCard(3)).toBe(GRACE_ID);
  await clearShownCard(3, GRACE_ID);
  expect(await getShownCard(3)).toBeUndefined();
  expect(await getShownCard(4)).toBeUndefined();
});

test('an unreadable value reads as nothing, and an unreadable request is removed', async () => {
  await fakeBrowser.storage.local.set({ 'draft:7': { text: 42 } });
  await fakeBrowser.storage.session.set({ 'tab:3': ['not', 'people'], openPerson: { contactId: 'not-a-uuid', at: 1 } });
  expect(await loadLegacyTabDrafts()).toEqual(new Map());
  expect(await getTabPeople(3)).toBeNull();
  expect(await takeOpenPersonRequest(2)).toBeUndefined();
  expect(await fakeBrowser.storage.session.get('openPerson')).toEqual({});
});

test('watchers hear their own item only', async () => {
  const requested = vi.fn();
  const stops = [onOpenPersonRequested(requested)];
  await setShownCard(8, ADA_ID);
  expect(requested).not.toHaveBeenCalled();

  await requestOpenPerson(ADA_ID);
  await takeOpenPersonRequest();
  expect(requested).toHaveBeenCalledTimes(1); // the request, not its removal

  for (const stop of stops) stop();
  await requestOpenPerson(ADA_ID);
  expect(requested).toHaveBeenCalledTimes(1);
});

// Only utils/storage/ touches chrome.storage or names a key (delete everything clears both areas
// through utils/storage/clear-all.ts).
const ALLOWED = [/^utils\/storage\//];
const STORAGE_AREAS = new Set(['local', 'session', 'sync', 'managed', 'onChanged']);
// WXT keys (`local:...`), the keys earlier versions wrote (`draft:7`, `tab:7`, `openPerson`), and
// the modules that reach chrome.storage.
const KEY_OR_MODULE = /^(?:(?:local|session|sync|managed):|draft:|tab:|openPerson$|wxt\/utils\/storage$|wxt\/storage$|@wxt-dev\/storage$)/;

/** Each place in this source that reaches chrome.storage or names a storage key (comments are not code). */
function storageUses(path: string, text: string): string[] {
  // Most files cannot match: only those that could are parsed (the test stays fast on a busy machine).
  if (!/storage|draft:|tab:|openPerson|(?:local|session|sync|managed):/.test(text)) return [];
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    const target = ts.isPropertyAccessExpression(node) ? node.expression.getText(source).replace(/^globalThis\./, '') : undefined;
    const storageApi =
      ts.isPropertyAccessExpression(node) &&
      ((node.name.text === 'storage' && (target === 'browser' || target === 'chrome')) ||
        (/(^|\.)storage$/.test(target!) && STORAGE_AREAS.has(node.name.text)));
    const keyText = (ts.isStringLiteralLike(node) || ts.isTemplateHead(node)) && KEY_OR_MODULE.test(node.text);
    if (storageApi || keyText) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
      found.push(`${path}:${line + 1}: ${node.getText(source)}`);
      return; // `browser.storage.local` is one finding, not also its `browser.storage`
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('only utils/storage/ reaches chrome.storage', () => {
  test.each([
    ['browser.storage.local.get("x")', 1],
    ['chrome.storage.session.set({});', 1],
    ['globalThis.chrome.storage.local.clear()', 1],
    ['browser.storage.onChanged.addListener(f)', 1],
    ['const key = `draft:${tabId}`', 1],
    ["const all = { 'tab:3': 1, openPerson: 2 }; get('openPerson')", 2],
    ["import { storage } from 'wxt/utils/storage'; storage.getItem('session:x')", 2],
    ['// browser.storage.local in a comment, and a stage "Stage: a → b"', 0],
    ["const tab = 'tab'; route.session; settings.local", 0],
  ])('the check finds what it should in %s', (code, count) => {
    expect(storageUses('sample.ts', code)).toHaveLength(count);
  });

  test('no file outside utils/storage/ does', () => {
    const files = ['utils', 'components', 'entrypoints'].flatMap((dir) => sourceFiles(dir));
    expect(files.length).toBeGreaterThan(100);
    const found = files.filter((path) => !ALLOWED.some((allowed) => allowed.test(path))).flatMap((path) => storageUses(path, readFileSync(path, 'utf8')));
    expect(found).toEqual([]);
    // The check reads the folder it allows: the items there are found by it.
    expect(sourceFiles('utils/storage').flatMap((path) => storageUses(path, readFileSync(path, 'utf8'))).length).toBeGreaterThanOrEqual(5);
  }, 30_000);
});

// chrome.storage.local holds nothing of the user's a content script could use or read, were the
// area ever opened to them (README "Architecture"; tests/e2e/trust-storage.test.ts): the user's
// settings, history and choices live in the worker's database. These are the only keys declared:
const LOCAL_KEYS_ALLOWED = new Map([
  // Earlier versions' settings and per-tab drafts: read once at worker start, moved to the database, removed.
  ['local:settings', 'legacy, moved'],
  ['local:draft:', 'legacy, moved'],
  // When the welcome page opened: neither typed by the user nor deciding what Tend records (utils/storage/welcome.ts).
  ['local:welcomeShownAt', 'not the user’s'],
]);

/** Every chrome.storage.local key (or key prefix) a file of utils/storage/ declares. */
function localKeys(path: string, text: string): string[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isStringLiteralLike(node) || ts.isTemplateHead(node)) && node.text.startsWith('local:')) found.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

test('chrome.storage.local is declared for nothing of the user’s: only the known keys', () => {
  expect(localKeys('sample.ts', "storedItem('local:shareWithTeam', z.boolean()); perTabItems(`local:x:${1}`, s)")).toEqual(['local:shareWithTeam', 'local:x:']);
  const declared = sourceFiles('utils/storage').flatMap((path) => localKeys(path, readFileSync(path, 'utf8')));
  expect(new Set(declared)).toEqual(new Set(LOCAL_KEYS_ALLOWED.keys()));
});
