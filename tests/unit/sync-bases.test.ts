// @vitest-environment node
// The bases sync keeps in the replica (`_local/base:` documents) are read and written per batch, not
// per record: one bulk write per batch of a pull, and nothing written where a base did not change.
import MemoryAdapter from 'pouchdb-adapter-memory';
import { describe, expect, it } from 'vitest';
import { readTx } from '../../utils/db/schema';
import { createContact } from '../../utils/services/people/people';
import { logInteraction } from '../../utils/services/capture/log';
import { newId } from '../../utils/ids';
import { readBases, writeBases } from '../../utils/services/sync/bases';
import { pouchWith, type Replica } from '../../utils/services/sync/replicas';
import { countSyncedRecords } from '../../utils/db/sync-repo';
import { device, turnOn, useCouchServer } from './sync-support';

const isBase = (doc: { _id?: string }) => doc._id?.startsWith('_local/base:') === true;

/** Count the base documents a replica reads and writes: one at a time (`get`, `put`) and in bulk writes. */
function countBaseWrites(replica: Replica) {
  const counts = { gets: 0, puts: 0, bulkWrites: 0, inBulk: 0 };
  const get = replica.get.bind(replica) as (...args: unknown[]) => unknown;
  const put = replica.put.bind(replica) as (...args: unknown[]) => unknown;
  const bulkDocs = replica.bulkDocs.bind(replica) as (...args: unknown[]) => unknown;
  Object.assign(replica, {
    get: (id: string, ...rest: unknown[]) => {
      if (isBase({ _id: id })) counts.gets++;
      return get(id, ...rest);
    },
    put: (doc: { _id?: string }, ...rest: unknown[]) => {
      if (isBase(doc)) counts.puts++;
      return put(doc, ...rest);
    },
    // Replication writes `{ docs, new_edits }`; sync's own writes pass the array.
    bulkDocs: (docs: { _id?: string }[] | { docs: { _id?: string }[] }, ...rest: unknown[]) => {
      const bases = (Array.isArray(docs) ? docs : docs.docs).filter(isBase).length;
      if (bases > 0) {
        counts.bulkWrites++;
        counts.inBulk += bases;
      }
      return bulkDocs(docs, ...rest);
    },
  });
  return counts;
}

describe('sync bases', { timeout: 120_000 }, () => {
  const server = useCouchServer();

  it('a first pull keeps the bases of 240 records in one bulk write per batch of 100; the copy after it reads and writes none again', async () => {
    const user = await server.createUser('gus');
    await server.createPrivateDb(user);
    const laptop = await device();
    const now = Date.now();
    for (let i = 0; i < 120; i++) {
      const person = await createContact(laptop.db, { displayName: `Person ${i}`, email: `p${i}@bases.example` }, now);
      await logInteraction(laptop.db, { contactIds: [person.id], kind: 'note', text: `Note ${i}`, requestId: newId() }, now);
    }
    await turnOn(laptop, server, user);

    const desktop = await device();
    let counts: ReturnType<typeof countBaseWrites> | undefined;
    const local = desktop.replicas.local;
    desktop.replicas.local = (config) => {
      const replica = local(config);
      counts ??= countBaseWrites(replica);
      return replica;
    };
    await turnOn(desktop, server, user);
    expect(await countSyncedRecords(readTx(desktop.db, ['contacts', 'interactions', 'followUps']))).toBe(240);
    // Each base read once, by the pull: the copy after it knows what the pull agreed on.
    expect(counts).toEqual({ gets: 240, puts: 0, bulkWrites: 3, inBulk: 240 });
    // A pass with nothing new reads and writes no base.
    await desktop.sync.syncNow();
    expect(counts).toEqual({ gets: 240, puts: 0, bulkWrites: 3, inBulk: 240 });
  });

  it('writes only the bases that changed, keeps a deletion as null, and writes a base replaced meanwhile on its own', async () => {
    const replica = new (pouchWith(MemoryAdapter))(`bases-${newId()}`, { adapter: 'memory' });
    const ids = ['contact:a', 'contact:b', 'contact:c'];
    await writeBases(replica, new Map(ids.map((id) => [id, { name: id }])), await readBases(replica, ids));
    const read = await readBases(replica, ids);
    expect([...read.records.values()]).toEqual(ids.map((id) => ({ name: id })));
    // b is replaced after the read: its revision moved, and the bulk write's conflict is written again.
    const current = await replica.get('_local/base:contact:b');
    await replica.put({ ...current, record: { name: 'meanwhile' } });
    const counts = countBaseWrites(replica);
    await writeBases(
      replica,
      new Map([
        ['contact:a', { name: 'contact:a' }],
        ['contact:b', { name: 'agreed' }],
        ['contact:c', undefined],
      ]),
      read,
    );
    expect(counts).toEqual({ gets: 1, puts: 1, bulkWrites: 1, inBulk: 2 });
    expect([...(await readBases(replica, ids)).records.values()]).toEqual([{ name: 'contact:a' }, { name: 'agreed' }, null]);
    await replica.destroy();
  });
});
