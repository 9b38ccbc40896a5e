// @vitest-environment node
// Turning sync on and off: the server checks the credentials first, nothing is kept on a refusal,
// and with sync off no remote database exists and no request is made.
import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { createSyncService, readConfig, SYNC_ALARM } from '../../utils/services/sync/service';
import { readTx } from '../../utils/db/schema';
import { getSyncConfigRecord, getSyncStateRecord } from '../../utils/db/sync-repo';
import { createContact } from '../../utils/services/people/people';
import { deleteEverything } from '../../utils/portability/delete-everything';
import { device, turnOn, useCouchServer } from './sync-support';
import { onCommit } from '../../utils/db/commit';
import { newId } from '../../utils/ids';
import { DEFAULT_SETTINGS } from '../../utils/model/records';
import { restoreBackup } from '../../utils/portability/backup/backup';
import { backupOf } from '../../utils/portability/backup/format';
import { applyImport } from '../../utils/portability/import/apply';
import { runTransfer } from '../../utils/portability/running-transfers';
import { SYNC_ORIGIN } from '../../utils/services/sync/pull';
import { previewImport } from '../../utils/portability/import/preview';
import type { TendDatabase } from '../../utils/db/schema';
import type { Contact } from '../../utils/model/records';

describe('turning sync on and off', { timeout: 60_000 }, () => {
  const server = useCouchServer();

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

  /** 30 new people written 10 at a time by a restore or by an import, until `signal` cancels it. */
  const TRANSFERS = {
    restore: async (db: TendDatabase, people: Contact[], signal: AbortSignal) => {
      const backup = backupOf({ contacts: people, identities: [], interactions: [], followUps: [], settings: DEFAULT_SETTINGS }, Date.now());
      await restoreBackup(db, backup, { batchSize: 10, signal });
    },
    import: async (db: TendDatabase, people: Contact[], signal: AbortSignal) => {
      const candidates = people.map((person, line) => ({
        line: line + 1,
        displayName: person.displayName,
        emails: [person.identities[0]!.value],
        urls: [],
        tags: [],
      }));
      const preview = await previewImport(db, candidates, { source: 'vCard', rejected: [], warnings: [] });
      await applyImport(db, preview, { batchSize: 10, signal });
    },
  };

  it.each([
    { transfer: 'restore', what: 'a restore' },
    { transfer: 'import', what: 'an import' },
  ] as const)('holds its passes while $what is under way: one cancelled after batches were written never reaches the server', async ({ transfer }) => {
    const laptop = await device();
    await turnOn(laptop, server);
    const people = Array.from({ length: 30 }, (_, p) => ({
      id: newId(Date.now() + p),
      displayName: `${transfer} ${p}`,
      identities: [{ kind: 'email' as const, value: `r${p}@${transfer}.example` }],
      tags: [],
      createdAt: 1,
      updatedAt: 1,
    }));
    const cancel = new AbortController();
    let batches = 0;
    let requestsOfThePass = -1;
    // After two batches of people are in the database the user cancels (seen at the next step: the
    // transfer still runs, then takes back), and a pass is asked for and runs to its end meanwhile.
    const stop = onCommit(laptop.db, async (commit) => {
      if (!commit.changes.some((change) => change.store === 'contacts' && change.op === 'put') || ++batches !== 2) return;
      cancel.abort();
      const before = laptop.requests.length;
      await laptop.sync.syncNow();
      requestsOfThePass = laptop.requests.length - before;
    });
    await expect(TRANSFERS[transfer](laptop.db, people, cancel.signal)).rejects.toThrow(/cancelled/);
    stop();
    expect(batches).toBe(2);
    // The pass asked for during the transfer asked the server nothing (it would have pushed 20 people).
    expect(requestsOfThePass).toBe(0);
    await laptop.sync.syncNow();
    // (The server is this file's: earlier tests' people are on it; none of these.)
    const names = new Set(people.map((person) => person.displayName));
    const documents = (await server.documents(server.userDb)) as { record?: { displayName?: unknown } }[];
    expect(documents.filter((doc) => names.has(String(doc.record?.displayName)))).toEqual([]);
    expect(documents.length).toBeGreaterThan(0);
    await laptop.sync.turnOff();
  });

  it('a transfer that begins during a pass holds the pass’s last push; once none runs a pass is asked for at once', async () => {
    const laptop = await device();
    await turnOn(laptop, server);
    let transferEnds: () => void = () => undefined;
    let transfer: Promise<unknown> | undefined;
    let written: string | undefined;
    // When the pass has pulled (its checkpoint committed), a restore begins and writes a person.
    const stop = onCommit(laptop.db, async (commit) => {
      if (transfer || commit.origin !== SYNC_ORIGIN || !commit.changes.some((change) => change.store === 'settings')) return;
      transfer = runTransfer('a-restore', undefined, () => new Promise<void>((resolve) => (transferEnds = resolve)));
      written = (await createContact(laptop.db, { displayName: 'Written by the transfer', email: 'held@transfer.example' }, Date.now())).id;
    });
    await laptop.sync.syncNow();
    stop();
    expect(written).toBeDefined();
    const onServer = async () => ((await server.documents(server.userDb)) as { _id: string }[]).some((doc) => doc._id === `contact:${written}`);
    // Its person stayed here: the pass's copy and push after the pull were held.
    expect(await onServer()).toBe(false);
    transferEnds();
    await transfer;
    // The transfer ended: a pass runs now (not at the next change or alarm), and pushes it.
    expect((await laptop.sync.status()).state).toBe('syncing');
    await laptop.sync.syncNow();
    expect(await onServer()).toBe(true);
    await laptop.sync.turnOff();
  });

  it('is forgotten by Delete everything, with its replica, by a worker that never ran a pass', async () => {
    const laptop = await device();
    await createContact(laptop.db, { displayName: 'Ada', email: 'ada@example.com' }, Date.now());
    await turnOn(laptop, server);
    const config = (await readConfig(laptop.db))!;
    // A worker started afresh: a new service over the same database, whose replicas say which one it destroys.
    const destroyed: string[] = [];
    const replicas = {
      ...laptop.replicas,
      local: (of: typeof config) => {
        const replica = laptop.replicas.local(of);
        const destroy = replica.destroy.bind(replica);
        replica.destroy = (() => (destroyed.push(of.user), destroy())) as typeof replica.destroy;
        return replica;
      },
    };
    const restarted = createSyncService(Promise.resolve(laptop.db), {
      replicas,
      hasOrigin: async () => true,
      announce: async () => undefined,
      clock: Date.now,
    });
    const stop = restarted.watch(laptop.db);
    await deleteEverything(laptop.db);
    expect(await configOf(laptop.db)).toBeUndefined();
    expect((await restarted.status()).state).toBe('off');
    await vi.waitFor(() => expect(destroyed).toEqual([config.user]), { timeout: 10_000, interval: 100 });
    stop();
  });
});
