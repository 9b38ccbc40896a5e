// @vitest-environment node
// Turning sync on and off: the server checks the credentials first, nothing is kept on a refusal,
// and with sync off no remote database exists and no request is made.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { SYNC_ALARM } from '../../utils/services/sync/service';
import { readTx } from '../../utils/db/schema';
import { getSyncConfigRecord, getSyncStateRecord } from '../../utils/db/sync-repo';
import { createContact } from '../../utils/services/people/people';
import { deleteEverything } from '../../utils/portability/delete-everything';
import { startCouchServer, type CouchServer } from '../support/couch-server';
import { device, turnOn } from './sync-support';

describe('turning sync on and off', { timeout: 60_000 }, () => {
  let server: CouchServer;
  beforeAll(async () => {
    server = await startCouchServer();
  }, 60_000);
  afterAll(async () => server?.stop());

  const configOf = async (db: Awaited<ReturnType<typeof device>>['db']) => getSyncConfigRecord(readTx(db, ['settings']));

  it('is off by default: a pass asked for makes no request and constructs no remote database', async () => {
    const laptop = await device();
    await createContact(laptop.db, { displayName: 'Ada', email: 'ada@example.com' }, Date.now());
    await laptop.sync.syncNow();
    expect(await laptop.sync.status()).toEqual({ state: 'off', pending: 0, rejected: 0 });
    expect(laptop.requests).toEqual([]);
    expect(laptop.remotes).toBe(0);
  });

  it('refuses without the origin permission, before any request', async () => {
    const laptop = await device({ hasOrigin: false });
    const status = await laptop.sync.turnOn({ server: server.url, user: server.user.name, password: server.user.password });
    expect(status).toMatchObject({ state: 'off', lastError: { code: 'no-permission' } });
    expect(laptop.requests).toEqual([]);
    expect(await configOf(laptop.db)).toBeUndefined();
  });

  it('says which of the credentials, the database or the server failed, and keeps nothing', async () => {
    const laptop = await device();
    const wrong = await laptop.sync.turnOn({ server: server.url, user: server.user.name, password: 'not-the-password' });
    expect(wrong.lastError?.code).toBe('unauthorized');
    const homeless = await server.createUser('erin'); // no database of theirs on the server
    const forbidden = await laptop.sync.turnOn({ server: server.url, user: homeless.name, password: homeless.password });
    expect(forbidden.lastError?.code).toBe('forbidden');
    const gone = await laptop.sync.turnOn({ server: 'http://127.0.0.1:9', user: server.user.name, password: server.user.password });
    expect(gone.lastError?.code).toBe('unreachable');
    expect(await configOf(laptop.db)).toBeUndefined();
    expect(laptop.remotes).toBe(0);
  });

  it('keeps the password in the worker only: never in the status; turning off forgets it and the replica', async () => {
    const laptop = await device();
    await createContact(laptop.db, { displayName: 'Ada', email: 'ada@example.com' }, Date.now());
    const on = await turnOn(laptop, server);
    expect(JSON.stringify(on)).not.toContain(server.user.password);
    expect(JSON.stringify(await laptop.sync.status())).not.toContain(server.user.password);
    expect(await configOf(laptop.db)).toMatchObject({ user: server.user.name });
    const off = await laptop.sync.turnOff();
    expect(off).toEqual({ state: 'off', pending: 0, rejected: 0 });
    expect(await configOf(laptop.db)).toBeUndefined();
    expect(await getSyncStateRecord(readTx(laptop.db, ['settings']))).toBeUndefined();
    const before = laptop.requests.length;
    await laptop.sync.syncNow();
    expect(laptop.requests.length).toBe(before);
  });

  it('pushes a local change a little after it is made, and keeps an alarm for passes while on', async () => {
    const laptop = await device();
    await turnOn(laptop, server);
    expect(await browser.alarms.get(SYNC_ALARM)).toMatchObject({ periodInMinutes: expect.any(Number) });
    const stop = laptop.sync.watch(laptop.db);
    const bea = await createContact(laptop.db, { displayName: 'Bea', email: 'bea@example.com' }, Date.now());
    await vi.waitFor(async () => expect((await server.documents(server.userDb)).map((doc) => doc._id)).toContain(`contact:${bea.id}`), {
      timeout: 30_000,
      interval: 250,
    });
    stop();
    await laptop.sync.turnOff();
    expect(await browser.alarms.get(SYNC_ALARM)).toBeUndefined();
  });

  it('is forgotten by Delete everything', async () => {
    const laptop = await device();
    await turnOn(laptop, server);
    await deleteEverything(laptop.db);
    expect(await configOf(laptop.db)).toBeUndefined();
    expect((await laptop.sync.status()).state).toBe('off');
  });
});
