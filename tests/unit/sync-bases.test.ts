// @vitest-environment node
// Sync's bases (what Tend and the replica last agreed on) are kept in Tend's own `syncBases` store,
// written in the transaction that applies each pulled batch: no `_local/base:` document is read or
// written in the replica (each such read was an IndexedDB transaction of its own in the worker).
import { describe, expect, it } from 'vitest';
import { readTx } from '../../utils/db/schema';
import { countSyncedRecords, getSyncBases, syncedRecordIds, syncedRecords } from '../../utils/db/sync-repo';
import { createContact } from '../../utils/services/people/people';
import { logInteraction } from '../../utils/services/capture/log';
import { newId } from '../../utils/ids';
import { documentId, KIND_OF_STORE } from '../../utils/services/sync/documents';
import type { Replica } from '../../utils/services/sync/replicas';
import type { LoggedStore } from '../../utils/model/rows';
import type { TendDatabase } from '../../utils/db/schema';
import { device, turnOn, useCouchServer, type Device } from './sync-support';

const isBase = (id: string | undefined) => id?.startsWith('_local/base:') === true;

/** Count the `_local/base:` documents a replica reads and writes (one at a time and in bulk). */
function countBaseDocs(replica: Replica) {
  const counts = { reads: 0, writes: 0 };
  const get = replica.get.bind(replica) as (...args: unknown[]) => unknown;
  const put = replica.put.bind(replica) as (...args: unknown[]) => unknown;
  const bulkDocs = replica.bulkDocs.bind(replica) as (...args: unknown[]) => unknown;
  Object.assign(replica, {
    get: (id: string, ...rest: unknown[]) => {
      if (isBase(id)) counts.reads++;
      return get(id, ...rest);
    },
    put: (doc: { _id?: string }, ...rest: unknown[]) => {
      if (isBase(doc._id)) counts.writes++;
      return put(doc, ...rest);
    },
    // Replication writes `{ docs, new_edits }`; sync's own writes pass the array.
    bulkDocs: (docs: { _id?: string }[] | { docs: { _id?: string }[] }, ...rest: unknown[]) => {
      counts.writes += (Array.isArray(docs) ? docs : docs.docs).filter((doc) => isBase(doc._id)).length;
      return bulkDocs(docs, ...rest);
    },
  });
  return counts;
}

/** A device whose replica's base documents are counted. */
async function countedDevice(): Promise<{ device: Device; counts: () => ReturnType<typeof countBaseDocs> | undefined }> {
  const made = await device();
  let counts: ReturnType<typeof countBaseDocs> | undefined;
  const local = made.replicas.local;
  made.replicas.local = (config) => {
    const replica = local(config);
    counts ??= countBaseDocs(replica);
    return replica;
  };
  return { device: made, counts: () => counts };
}

/** Every record of the synced stores with the base kept for its document. */
async function recordsWithBases(db: TendDatabase): Promise<{ record: unknown; base: unknown }[]> {
  const pairs: { record: unknown; base: unknown }[] = [];
  for (const store of ['contacts', 'interactions', 'followUps'] as LoggedStore[]) {
    const ids = await syncedRecordIds(readTx(db, [store]), store);
    const records = await syncedRecords(readTx(db, [store]), store, ids);
    const bases = await getSyncBases(
      readTx(db, ['syncBases']),
      ids.map((id) => documentId(KIND_OF_STORE[store], id)),
    );
    records.forEach((record, i) => pairs.push({ record, base: bases[i]?.record }));
  }
  return pairs;
}

describe('sync bases', { timeout: 120_000 }, () => {
  const server = useCouchServer();

  it('a first pull of 240 records keeps each one as its base in Tend, and reads or writes no base document in the replica', async () => {
    const user = await server.createUser('gus');
    await server.createPrivateDb(user);
    const laptop = await device();
    const now = Date.now();
    for (let i = 0; i < 120; i++) {
      const person = await createContact(laptop.db, { displayName: `Person ${i}`, email: `p${i}@bases.example` }, now);
      await logInteraction(laptop.db, { contactIds: [person.id], kind: 'note', text: `Note ${i}`, requestId: newId() }, now);
    }
    await turnOn(laptop, server, user);

    const desktop = await countedDevice();
    await turnOn(desktop.device, server, user);
    expect(await countSyncedRecords(readTx(desktop.device.db, ['contacts', 'interactions', 'followUps']))).toBe(240);
    const pairs = await recordsWithBases(desktop.device.db);
    expect(pairs).toHaveLength(240);
    for (const { record, base } of pairs) expect(base).toEqual(record);
    expect(desktop.counts()).toEqual({ reads: 0, writes: 0 });
    // The device that pushed them keeps them as bases too (its copy agreed with the replica).
    for (const { record, base } of await recordsWithBases(laptop.db)) expect(base).toEqual(record);
  });

  it('turning sync off forgets the bases with the replica', async () => {
    const user = await server.createUser('hal');
    await server.createPrivateDb(user);
    const laptop = await device();
    const ada = await createContact(laptop.db, { displayName: 'Ada', email: 'ada@bases.example' }, Date.now());
    await turnOn(laptop, server, user);
    const base = async () => (await getSyncBases(readTx(laptop.db, ['syncBases']), [documentId('contact', ada.id)]))[0]?.record;
    expect(await base()).toEqual(ada);
    await laptop.sync.turnOff();
    expect(await base()).toBeUndefined();
  });
});
