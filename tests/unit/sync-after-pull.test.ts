// @vitest-environment node
// What a pass does after its pull, on a first sync: the copy of Tend's changes into the replica
// reads back no record the pull wrote and nothing changed since (a 5,000-record initial sync read
// each of them in 50 transactions one after another), yet copies one edited here meanwhile; and
// the push after it offers the server nothing it just sent (PouchDB walked every pulled document
// and asked the server about each).
import { describe, expect, it } from 'vitest';
import MemoryAdapter from 'pouchdb-adapter-memory';
import type { StoreName, TendDatabase } from '../../utils/db/schema';
import { openTendDb } from '../../utils/db/open';
import { newId } from '../../utils/ids';
import { logInteraction } from '../../utils/services/capture/log';
import { updateContact } from '../../utils/services/people/contact-edits';
import { createContact } from '../../utils/services/people/people';
import { documentId, readDocument, toDocument } from '../../utils/services/sync/documents';
import { applyReplicaChanges } from '../../utils/services/sync/pull';
import { copyOutbox } from '../../utils/services/sync/push';
import { createReplicaFactory } from '../../utils/services/sync/replicas';
import { device, turnOn, useCouchServer } from './sync-support';

const RECORD_STORES: readonly StoreName[] = ['contacts', 'interactions', 'followUps'];

/** The database, with the records its read transactions asked for counted (by id). */
function countingReads(db: TendDatabase): { db: TendDatabase; read: string[] } {
  const read: string[] = [];
  const store = (inner: object, name: StoreName) =>
    new Proxy(inner, {
      get(target, property) {
        const value: unknown = Reflect.get(target, property, target);
        if (typeof value !== 'function') return value;
        if (property === 'get' && RECORD_STORES.includes(name))
          return (key: IDBValidKey) => {
            read.push(String(key));
            return (value as (key: IDBValidKey) => unknown).call(target, key);
          };
        return (value as (...args: unknown[]) => unknown).bind(target);
      },
    });
  const watched = new Proxy(db, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (property !== 'transaction') return typeof value === 'function' ? value.bind(target) : value;
      return (...args: Parameters<TendDatabase['transaction']>) => {
        const tx = target.transaction(...args);
        return new Proxy(tx, {
          get(inner, key) {
            if (key === 'objectStore') return (name: StoreName) => store(inner.objectStore(name), name);
            const field: unknown = Reflect.get(inner, key, inner);
            return typeof field === 'function' ? field.bind(inner) : field;
          },
        });
      };
    },
  });
  return { db: watched, read };
}

describe('after the pull of a first sync', { timeout: 60_000 }, () => {
  it('the copy reads back only what changed here since the pull, and copies it', async () => {
    // The server's records, as they reach a fresh device's replica.
    const origin = await openTendDb('after-pull-origin');
    const people = await Promise.all(
      [1, 2, 3].map((n) => createContact(origin, { displayName: `Person ${n}`, email: `p${n}@after-pull.example` }, Date.now())),
    );
    const note = await logInteraction(origin, { contactIds: [people[0]!.id], kind: 'note', text: 'Met at the fair', requestId: newId() }, Date.now());
    const docs = [
      ...people.map((contact) => ({ _id: documentId('contact', contact.id), ...toDocument('contact', contact, undefined, contact.updatedAt) })),
      { _id: documentId('entry', note.id), ...toDocument('entry', note, undefined, note.at) },
    ];
    const config = { server: 'http://127.0.0.1:9', user: 'after-pull', password: 'x', database: 'userdb-00' };
    const replica = createReplicaFactory({ storage: MemoryAdapter, adapter: 'memory', namePrefix: 'after-pull-' }).local(config);
    await replica.bulkDocs(docs);

    const db = await openTendDb('after-pull-device');
    const pulled = await applyReplicaChanges(db, replica, Date.now());
    expect(pulled.applied).toBe(4);
    // Edited here after the pull applied it: this one is the copy's to read and write.
    const edited = await updateContact(db, people[1]!.id, { org: 'Analytical Engines' }, Date.now() + 1);
    const revs = async () => (await replica.allDocs()).rows.map((row) => `${row.id}@${row.value.rev}`).sort();
    const before = await revs();

    const { db: counted, read } = countingReads(db);
    const copied = await copyOutbox(counted, replica, 0, Date.now() + 2, pulled.agreed);
    expect(read).toEqual([edited.id]);
    expect(copied.written).toBe(1);
    const after = await revs();
    expect(after.filter((rev) => !before.includes(rev))).toEqual([expect.stringContaining(documentId('contact', edited.id))]);
    const doc = readDocument(await replica.get(documentId('contact', edited.id)));
    expect(doc.ok && !doc.deleted && doc.synced.record).toEqual(edited);
  });

  describe('with a server', () => {
    const server = useCouchServer();

    it('the push asks the server about none of the documents the pull brought', async () => {
      const user = await server.createUser('pia');
      await server.createPrivateDb(user);
      const laptop = await device();
      for (let n = 0; n < 12; n++) await createContact(laptop.db, { displayName: `Person ${n}`, email: `p${n}@push-after.example` }, Date.now());
      await turnOn(laptop, server, user);

      const desktop = await device();
      await turnOn(desktop, server, user);
      const status = await desktop.sync.status();
      expect(status.lastError).toBeUndefined();
      expect(status.pending).toBe(0);
      expect(desktop.requests.filter((url) => url.includes('/_revs_diff'))).toEqual([]);

      // The push's checkpoint stands after the pull: an edit made next reaches the laptop.
      const [someone] = await desktop.db.getAll('contacts');
      await updateContact(desktop.db, someone!.id, { org: 'Difference Engines' }, Date.now());
      await desktop.sync.syncNow();
      expect(desktop.requests.filter((url) => url.includes('/_revs_diff'))).toHaveLength(1);
      await laptop.sync.syncNow();
      expect((await laptop.db.get('contacts', someone!.id))?.org).toBe('Difference Engines');
    });
  });
});
