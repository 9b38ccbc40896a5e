// @vitest-environment node
// The pull applies the replica's batches while the replication still brings the next ones, instead
// of reading everything back after it ended (an initial sync took the replication's time, then as
// long again); and it ends with every record applied once.
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
import { device, turnOn, useCouchServer } from './sync-support';

/** Node's fetch, each request a little later: a server further away than 127.0.0.1. */
const slowFetch: typeof fetch = async (input, init) => {
  await new Promise((done) => setTimeout(done, 40));
  return fetch(input, init);
};

describe('sync pull', { timeout: 120_000 }, () => {
  const server = useCouchServer();

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
