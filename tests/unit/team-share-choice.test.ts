/** The composer's remembered "Share with the team" choice (issue 18): kept by the worker, in its database. */
import { expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { writeTx } from '../../utils/db/schema';
import { removeSyncRecords, TEAM_SHARE_CHOICE } from '../../utils/db/sync-repo';
import { deleteEverything } from '../../utils/portability/delete-everything';
import { makeBackupFile } from '../../utils/portability/export-files';
import { createSyncHandlers } from '../../utils/services/sync/handlers';
import { freshDb } from './helpers';

const NOON = new Date(2026, 10, 23, 12, 0).getTime();

test('off until the user shares, then offered again, also by the next worker', async () => {
  const db = await freshDb();
  const handlers = createSyncHandlers(Promise.resolve(db), () => NOON);
  expect(await handlers.getShareChoice()).toBe(false);
  expect(await handlers.setShareChoice({ type: 'setShareChoice', shared: true })).toBe(true);
  expect(await createSyncHandlers(freshDb(), () => NOON).getShareChoice()).toBe(true);
  await handlers.setShareChoice({ type: 'setShareChoice', shared: false });
  expect(await handlers.getShareChoice()).toBe(false);
});

test('a content script could not flip it: nothing in chrome.storage, and a stored value that is not a choice reads as off', async () => {
  const db = await freshDb();
  const handlers = createSyncHandlers(Promise.resolve(db), () => NOON);
  await handlers.setShareChoice({ type: 'setShareChoice', shared: true });
  expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  await db.put('settings', { name: TEAM_SHARE_CHOICE, settings: 'yes', updatedAt: NOON });
  expect(await handlers.getShareChoice()).toBe(false);
});

test('not in a backup; forgotten when sync is turned off and with delete everything', async () => {
  const db = await freshDb();
  const handlers = createSyncHandlers(Promise.resolve(db), () => NOON);
  await handlers.setShareChoice({ type: 'setShareChoice', shared: true });
  expect((await makeBackupFile(db, NOON)).parts.join('')).not.toContain(TEAM_SHARE_CHOICE);

  // What turning sync off removes: the team it was for goes, so does the choice.
  const tx = writeTx(db, ['settings']);
  await removeSyncRecords(tx);
  await tx.done;
  expect(await handlers.getShareChoice()).toBe(false);

  await handlers.setShareChoice({ type: 'setShareChoice', shared: true });
  await deleteEverything(db, NOON);
  expect(await handlers.getShareChoice()).toBe(false);
});
