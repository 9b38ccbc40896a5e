// @vitest-environment node
// The pull applies the replica's batches while the replication still brings the next ones, instead
// of reading everything back after it ended (an initial sync took the replication's time, then as
// long again); it takes each batch from the replication, not from the replica's changes feed; and it
// ends with every record applied once, also when the replication failed half-way.
import MemoryAdapter from 'pouchdb-adapter-memory';
import { describe, expect, it } from 'vitest';
import { onCommit } from '../../utils/db/commit';
import { readTx } from '../../utils/db/schema';
import { countSyncedRecords } from '../../utils/db/sync-repo';
import { createContact } from '../../utils/services/people/people';
import { logInteraction } from '../../utils/services/capture/log';
import { newId } from '../../utils/ids';
import { createReplicaFactory } from '../../utils/services/sync/replicas';
import { SYNC_ORIGIN } from '../../utils/services/sync/pull';
import type { Replica } from '../../utils/services/sync/replicas';
import { device, turnOn, useCouchServer, type Device } from './sync-support';

/** Node's fetch, each request a little later: a server further away than 127.0.0.1. */
const slowFetch: typeof fetch = async (input, init) => {
  await new Promise((done) => setTimeout(done, 40));
  return fetch(input, init);
};

/** 150 people with a note each (300 records) on a new user's laptop, synced to the server. */
async function laptopWith300(server: ReturnType<typeof useCouchServer>, name: string) {
  const user = await server.createUser(name);
  await server.createPrivateDb(user);
  const laptop = await device();
  const now = Date.now();
  for (let i = 0; i < 150; i++) {
    const person = await createContact(laptop.db, { displayName: `Person ${i}`, email: `p${i}@${name}.example` }, now);
    await logInteraction(laptop.db, { contactIds: [person.id], kind: 'note', text: `Note ${i}`, requestId: newId() }, now);
  }
  await turnOn(laptop, server, user);
  return user;
}

/** Replace the device's local replica by the same one with `change` called on each use (to watch what the pull asks it). */
function watchReplica(desktop: Device, change: (replica: Replica) => void): void {
  const local = desktop.replicas.local;
  desktop.replicas.local = (config) => {
    const replica = local(config);
    change(replica);
    return replica;
  };
}

const records = (each: Device) => countSyncedRecords(readTx(each.db, ['contacts', 'interactions', 'followUps']));

describe('sync pull', { timeout: 120_000 }, () => {
  const server = useCouchServer();

  it('reads none of the replicated documents back from the replica’s changes feed, and applies all 300', async () => {
    const user = await laptopWith300(server, 'feed');
    const desktop = await device();
    let readBack = 0;
    watchReplica(desktop, (replica) => {
      const changes = replica.changes.bind(replica);
      // The same feed object returned (the replication listens to its events): only counted.
      replica.changes = (options) => {
        const feed = changes(options);
        // The replication reads the feed without documents (to push); the pull read it with them.
        if (options?.include_docs) void feed.then((read) => (readBack += read.results.length));
        return feed;
      };
    });
    await turnOn(desktop, server, user);
    // Before, the pull read each of the 300 documents back from the feed after the replication wrote it: 300.
    expect(readBack).toBe(0);
    expect(await records(desktop)).toBe(300);
  });

  it('applies what a replication that failed half-way wrote at the next pass: every record once', async () => {
    const user = await laptopWith300(server, 'halfway');
    const desktop = await device();
    let fetched = 0;
    let failing = true;
    // The server stops answering after two batches' documents (300 records: three batches of 100).
    const failingFetch: typeof fetch = (input, init) => {
      if (String(input).includes('_bulk_get') && failing && ++fetched > 2) return Promise.reject(new TypeError('connection reset'));
      return fetch(input, init);
    };
    const flaky = createReplicaFactory({ storage: MemoryAdapter, adapter: 'memory', fetch: failingFetch });
    desktop.replicas.remote = (config) => flaky.remote(config);
    const status = await desktop.sync.turnOn({ server: server.url, user: user.name, password: user.password });
    expect(status.lastError).toBeUndefined();
    await desktop.sync.syncNow();
    expect((await desktop.sync.status()).lastError).toBeDefined();
    const halfway = await records(desktop);
    expect(halfway).toBeGreaterThan(0);
    expect(halfway).toBeLessThan(300);

    failing = false;
    await desktop.sync.syncNow();
    expect((await desktop.sync.status()).lastError).toBeUndefined();
    expect(await records(desktop)).toBe(300);
    expect(await desktop.sync.status()).toMatchObject({ pending: 0, rejected: 0 });
  });

  it('applies the first batches of 300 records before the replication bringing them ends, and ends with all 300', async () => {
    const user = await server.createUser('ida');
    await server.createPrivateDb(user);
    const laptop = await device();
    const now = Date.now();
    for (let i = 0; i < 150; i++) {
      const person = await createContact(laptop.db, { displayName: `Person ${i}`, email: `p${i}@overlap.example` }, now);
      await logInteraction(laptop.db, { contactIds: [person.id], kind: 'note', text: `Note ${i}`, requestId: newId() }, now);
    }
    await turnOn(laptop, server, user);

    const desktop = await device();
    const slow = createReplicaFactory({ storage: MemoryAdapter, adapter: 'memory', fetch: slowFetch });
    desktop.replicas.remote = (config) => slow.remote(config);
    const events: string[] = [];
    const local = desktop.replicas.local;
    desktop.replicas.local = (config) => {
      const replica = local(config);
      const from = replica.replicate.from.bind(replica.replicate);
      replica.replicate.from = (...args) => {
        const replication = from(...args);
        replication.then(() => events.push('replication ended'));
        return replication;
      };
      return replica;
    };
    let applied = 0;
    onCommit(desktop.db, (commit) => {
      if (commit.origin !== SYNC_ORIGIN) return;
      const records = commit.changes.filter((change) => change.store === 'contacts' || change.store === 'interactions').length;
      if (records > 0) events.push(`applied ${(applied += records)}`);
    });
    await turnOn(desktop, server, user);

    // Before, every batch was applied after the replication ended: ['replication ended', 'applied 100', ...]
    // (turning on runs a second pass, which replicates nothing new).
    expect(events[0]).toMatch(/^applied /);
    expect(events.filter((event) => event.startsWith('applied')).at(-1)).toBe('applied 300');
    expect(await countSyncedRecords(readTx(desktop.db, ['contacts', 'interactions', 'followUps']))).toBe(300);
  });
});
