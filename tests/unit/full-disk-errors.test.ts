import { expect, test, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { isQuotaError } from '../../utils/errors';
import { createRouter } from '../../utils/messaging/router';
import type { DraftAbout } from '../../utils/model/drafts';
import { createHandlers } from '../../utils/services/handlers';
import { getDraft, putDraft } from '../../utils/services/drafts/drafts';
import { failureReason } from '../../utils/text/failures';
import { ADA, freshDb, threadSighting } from './helpers';

// Chrome's IndexedDB on a disk that is really full: not a QuotaExceededError, an UnknownError.
const diskFull = () => new DOMException('Encountered disk full while writing backing store.', 'UnknownError');

test.each([
  [new DOMException('The quota has been exceeded.', 'QuotaExceededError'), true],
  [diskFull(), true],
  [new DOMException('Encountered full disk while opening backing store for indexedDB.open.', 'UnknownError'), true],
  [new DOMException('Internal error opening backing store for indexedDB.open.', 'UnknownError'), false],
  [new Error('Version change transaction was aborted'), false],
  [null, false],
])('isQuotaError(%s) is %s', (error, full) => {
  expect(isQuotaError(error)).toBe(full);
});

test('a full disk named by an UnknownError is said in plain words', () => {
  expect(failureReason(diskFull())).toMatch(/^there is no room left: .*Encountered disk full while writing backing store\./);
});

test('Chrome’s words for a worker that stopped before answering become plain words; other reasons stay as they are', () => {
  const stopped = new Error('A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received');
  expect(failureReason(stopped)).toBe('Tend’s background stopped before it answered; what it had begun is taken back when it starts again');
  expect(failureReason(new Error('The message port closed before a response was received.'))).toMatch(/^Tend’s background stopped/);
  expect(failureReason(new Error('Could not read the file'))).toBe('Could not read the file');
});

test('the router answers a write refused by a full disk (UnknownError) with the no-room message, and nothing is half written', async () => {
  const ID = 'tend-extension-id';
  const gmailTab = { id: ID, url: 'https://mail.google.com/mail/u/0/#inbox/t1', tab: { id: 7 } as Browser.tabs.Tab, frameId: 0 };
  const sidePanel = { id: ID, url: `chrome-extension://${ID}/sidepanel.html` };
  const db = await freshDb();
  const route = createRouter(
    createHandlers(Promise.resolve(db), () => 1_700_000_000_000),
    { extensionId: ID, extensionOrigin: `chrome-extension://${ID}/` },
  );
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  await route(threadSighting('t1', 'Plan', [ADA]), gmailTab);
  const contactId = (await db.getAll('contacts'))[0]!.id;
  const add = vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(() => {
    throw diskFull();
  });
  const reply = await route({ type: 'logInteraction', contactIds: [contactId], kind: 'note', text: 'Keep me', requestId: crypto.randomUUID() }, sidePanel);
  add.mockRestore();
  expect(reply).toMatchObject({ ok: false, error: { code: 'failed', message: expect.stringMatching(/no room left to save this/) } });
  expect(await db.count('interactions')).toBe(1);
});

test('a draft refused by a full disk (UnknownError) waits in session storage: nothing typed is lost', async () => {
  const db = await freshDb();
  const about: DraftAbout = { kind: 'page', url: 'https://mail.google.com/mail/u/0/#inbox/t2' };
  const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
    throw diskFull();
  });
  const kept = await putDraft(db, about, { text: 'Typed on a full disk', requestId: crypto.randomUUID() }, 1_000);
  put.mockRestore();
  expect(kept).toBe(true);
  expect((await getDraft(db, about))?.draft.text).toBe('Typed on a full disk');
  expect(await db.count('drafts')).toBe(0);
});
