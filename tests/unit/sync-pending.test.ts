// @vitest-environment node
// "What is pending" counts local changes not yet on the server: what a pull applied came from the
// server and is not pending (a first pull of 5,000 records showed 5,000 pending until its pass ended).
import { describe, expect, it } from 'vitest';
import { updateContact } from '../../utils/services/people/contact-edits';
import { createContact } from '../../utils/services/people/people';
import { applyReplicaChanges } from '../../utils/services/sync/pull';
import { readConfig } from '../../utils/services/sync/service';
import { twoSyncedDevices, useCouchServer } from './sync-support';

describe('pending changes', { timeout: 60_000 }, () => {
  const server = useCouchServer();

  it('leave out what a pull applied, and count an edit made here', async () => {
    const { laptop, desktop, ada } = await twoSyncedDevices(server, 'ivy');
    for (let i = 0; i < 20; i++) await createContact(laptop.db, { displayName: `Person ${i}`, email: `p${i}@pending.example` }, Date.now());
    await laptop.sync.syncNow();

    // The desktop's replica receives them and Tend applies them, before its pass pushes anything.
    const config = (await readConfig(desktop.db))!;
    const local = desktop.replicas.local(config);
    await local.replicate.from(desktop.replicas.remote(config));
    expect((await applyReplicaChanges(desktop.db, local, Date.now())).applied).toBe(20);
    expect((await desktop.sync.status()).pending).toBe(0);

    await updateContact(desktop.db, ada.id, { org: 'Analytical Engines' }, Date.now());
    expect((await desktop.sync.status()).pending).toBe(1);
    await desktop.sync.syncNow();
    expect((await desktop.sync.status()).pending).toBe(0);
  });
});
