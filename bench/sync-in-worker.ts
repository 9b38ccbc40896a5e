/**
 * The sync bench's half inside Tend's service worker (evaluated over CDP): the server's documents
 * as Tend writes them, and the floor the initial sync is held to: PouchDB (the same core, adapter
 * and batch size as Tend's replica) replicating the user's database into a bare database.
 */
import type { Interaction } from '../utils/model/records';
import { DB_NAME } from '../utils/db/open';
import { documentId, toDocument } from '../utils/services/sync/documents';
import { createReplicaFactory } from '../utils/services/sync/replicas';
import type { SyncConfig } from '../utils/model/sync';
import { manyPeople } from './pages/people';

/** `people` people with one note each, as the documents of a user's database (2 x people records). */
function documents(people: number, now: number): object[] {
  return manyPeople(people, now).flatMap((contact, i) => {
    const at = contact.createdAt + 60_000;
    const note: Interaction = { id: crypto.randomUUID(), contactIds: [contact.id], kind: 'note', at, summary: `Met at the ${i + 1}th meetup`, createdAt: at };
    return [
      { _id: documentId('contact', contact.id), ...toDocument('contact', contact, undefined, contact.updatedAt) },
      { _id: documentId('entry', note.id), ...toDocument('entry', note, undefined, at) },
    ];
  });
}

let floors = 0;
/** Replicate the user's database into a new bare PouchDB database, one-shot in batches of 100 as Tend does; then remove it. */
async function floor(config: SyncConfig): Promise<{ ms: number; docs: number }> {
  const replicas = createReplicaFactory({ namePrefix: `bench-floor-${++floors}-` });
  const local = replicas.local(config);
  const started = performance.now();
  await local.replicate.from(replicas.remote(config), { batch_size: 100 });
  const ms = performance.now() - started;
  const { doc_count: docs } = await local.info();
  await local.destroy();
  return { ms, docs };
}

/** How many people and entries Tend's database holds (read with IndexedDB's own API: proof the pass brought them all). */
async function counts(): Promise<{ contacts: number; interactions: number }> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DB_NAME);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const count = (store: string) =>
    new Promise<number>((resolve, reject) => {
      const request = db.transaction(store).objectStore(store).count();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  const result = { contacts: await count('contacts'), interactions: await count('interactions') };
  db.close();
  return result;
}

/** What the bench calls in the worker. */
export const syncBench = { documents, floor, counts };
(globalThis as unknown as { tendSyncBench: typeof syncBench }).tendSyncBench = syncBench;
