// @vitest-environment node
// A device synced by an earlier Tend (database v6) kept its bases as `_local/base:` documents of
// its replica; this one keeps them in the `syncBases` store. The first pass after the upgrade
// carries them over before anything is merged: without them, an edit made here before the
// upgrade would look like no edit at all and the server's version would win every field.
import { describe, expect, it } from 'vitest';
import { getContact } from '../../utils/db/contacts-repo';
import { readTx, writeTx, type TendDatabase } from '../../utils/db/schema';
import { clearSyncBases } from '../../utils/db/sync-repo';
import { updateContact } from '../../utils/services/people/contact-edits';
import { readConfig } from '../../utils/services/sync/service';
import type { Replica } from '../../utils/services/sync/replicas';
import { tick, twoSyncedDevices, useCouchServer, type Device } from './sync-support';

/** The device's private replica (the memory adapter keeps one store per name). */
async function replicaOf(device: Device): Promise<Replica> {
  const config = await readConfig(device.db);
  if (!config) throw new Error('sync is off');
  return device.replicas.local(config);
}

/** Put the device back as v6 left it: every base a `_local/` document of its replica, none in Tend. */
async function asBeforeTheUpgrade(device: Device): Promise<number> {
  const bases = await readTx(device.db, ['syncBases']).objectStore('syncBases').getAll();
  const replica = await replicaOf(device);
  await replica.bulkDocs(bases.map(({ docId, record }) => ({ _id: `_local/base:${docId}`, record })));
  const tx = writeTx(device.db, ['syncBases']);
  await clearSyncBases(tx);
  await tx.done;
  return bases.length;
}

const contactOn = (db: TendDatabase, id: string) => getContact(readTx(db, ['contacts']), id);

describe('sync bases kept by an earlier Tend', { timeout: 60_000 }, () => {
  const server = useCouchServer();

  it('are carried into Tend on the first pass: an edit made here as the server’s version arrives merges with it field by field', async () => {
    const { laptop, desktop, ada } = await twoSyncedDevices(server, 'hal');
    expect(await asBeforeTheUpgrade(desktop)).toBeGreaterThan(0);

    // The laptop's edit reaches this replica; the user edits here before a pass applies it.
    await updateContact(laptop.db, ada.id, { org: 'Analytical Engines' }, Date.now());
    await laptop.sync.syncNow();
    const config = (await readConfig(desktop.db))!;
    await desktop.replicas.local(config).replicate.from(desktop.replicas.remote(config));
    await tick();
    await updateContact(desktop.db, ada.id, { title: 'Countess' }, Date.now());

    for (const each of [desktop, laptop, desktop]) await each.sync.syncNow();
    expect(await contactOn(desktop.db, ada.id)).toMatchObject({ org: 'Analytical Engines', title: 'Countess' });
    expect(await contactOn(laptop.db, ada.id)).toEqual(await contactOn(desktop.db, ada.id));
    // Carried over once: the replica keeps no base documents afterwards.
    const left = await (await replicaOf(desktop)).get(`_local/base:${'contact:' + ada.id}`).catch(() => undefined);
    expect(left).toBeUndefined();
  });
});
