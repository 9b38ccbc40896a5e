/** A page that goes while the worker applies its file cancels the apply: a restore is taken back. */
import { beforeEach, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onCommit } from '../../utils/db/commit';
import type { TendDatabase } from '../../utils/db/schema';
import { TRANSFER_PORT_PREFIX } from '../../utils/messaging/features/portability';
import { createPortabilityHandlers } from '../../utils/services/portability/handlers';
import { onTransferPort, watchTransferPorts } from '../../utils/services/portability/transfer-port';
import { backupFileText } from '../e2e/pages/backup-file';
import { syntheticPeople } from '../e2e/pages/synthetic-people';
import { freshDb } from './helpers';

const NOW = Date.UTC(2024, 4, 1, 12);
let db: TendDatabase;

beforeEach(async () => {
  db = await freshDb();
  watchTransferPorts();
});

const counts = async () => {
  const tx = db.transaction(['contacts', 'identities', 'interactions', 'restores'], 'readonly');
  return Promise.all([
    tx.objectStore('contacts').count(),
    tx.objectStore('identities').count(),
    tx.objectStore('interactions').count(),
    tx.objectStore('restores').count(),
  ]);
};

/** A restore of 300 people as the options page asks for it, followed under `progressId`. */
function restoring(progressId: string) {
  const people = syntheticPeople({ first: 0, count: 300, surname: 'Port', domain: 'port.example', tags: [], now: NOW, note: (p) => `Note ${p}` });
  return createPortabilityHandlers(Promise.resolve(db), () => NOW).restoreBackup({
    type: 'restoreBackup',
    backup: { text: backupFileText(people, NOW) },
    progressId,
  });
}

test('the page closing after the first batch committed cancels the restore, and what it wrote is taken back', async () => {
  const progressId = crypto.randomUUID();
  const port = fakeBrowser.runtime.connect({ name: TRANSFER_PORT_PREFIX + progressId });
  let committed = 0;
  onCommit(db, () => {
    // The page goes once the people's batch is in the database.
    if (++committed === 1) port.disconnect();
  });
  await expect(restoring(progressId)).rejects.toThrow('Restore cancelled: nothing of the backup was kept.');
  expect(committed).toBeGreaterThan(1); // the batch, then the take-back
  expect(await counts()).toEqual([0, 0, 0, 0]);
});

test('a port kept to the end cancels nothing: the restore is whole', async () => {
  const progressId = crypto.randomUUID();
  const port = fakeBrowser.runtime.connect({ name: TRANSFER_PORT_PREFIX + progressId });
  await expect(restoring(progressId)).resolves.toMatchObject({ added: { contacts: 300, identities: 300, interactions: 300 } });
  port.disconnect();
  expect(await counts()).toEqual([300, 300, 300, 0]);
});

test('a content script cannot hold such a port: it is refused, and its going cancels nothing', () => {
  const progressId = crypto.randomUUID();
  const gone: (() => void)[] = [];
  let refused = false;
  onTransferPort(
    {
      name: TRANSFER_PORT_PREFIX + progressId,
      sender: { id: fakeBrowser.runtime.id, url: 'https://mail.google.com/mail/u/0/', tab: { id: 3 } as never, frameId: 0 },
      onDisconnect: { addListener: (listener: () => void) => gone.push(listener) },
      disconnect: () => (refused = true),
    } as never,
    fakeBrowser.runtime.id,
    fakeBrowser.runtime.getURL('/'),
  );
  expect(refused).toBe(true);
  expect(gone).toEqual([]);
});
