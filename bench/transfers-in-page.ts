/**
 * The transfer bench's in-page half (issue 17), injected into the built extension's options page:
 * the floor a restore or an import is held to. It reads back the records a transfer wrote to
 * Tend's database (untimed), then times writing the same records with plain IndexedDB bulk puts
 * (one readwrite transaction per store and batch, no await per put) into a fresh database of the
 * same schema, in the same extension origin.
 */
import { openTendDb } from '../utils/db/open';
import type { StoreName, TendDatabase } from '../utils/db/schema';
import type { ImportRecord } from '../utils/model/import';
import { median } from './median.mjs';

const TEND = 'tend';
const FLOOR = 'tend-bench-floor';
/** Puts per transaction of the floor. */
const BATCH = 5000;

type Rows = Partial<Record<StoreName, unknown[]>>;

/** Records read back from Tend's database, kept in the page between `readBack*` and `floor`. */
let kept: Rows = {};

function requestOf<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Tend's database opened beside the worker's connection, read only (never created: an empty v1 would skip Tend's upgrade). */
async function tendDatabase(): Promise<IDBDatabase> {
  const request = indexedDB.open(TEND);
  request.onupgradeneeded = () => request.transaction?.abort();
  return requestOf(request);
}

async function readAll(db: IDBDatabase, stores: StoreName[]): Promise<Rows> {
  const tx = db.transaction(stores, 'readonly');
  const all = await Promise.all(stores.map((store) => requestOf(tx.objectStore(store).getAll())));
  return Object.fromEntries(stores.map((store, i) => [store, all[i]]));
}

/** Plain bulk puts of `rows`, store by store, BATCH to a transaction; resolves once all committed. */
async function bulkPut(db: TendDatabase, rows: Rows): Promise<void> {
  for (const [store, records] of Object.entries(rows) as [StoreName, unknown[]][]) {
    for (let at = 0; at < records.length; at += BATCH) {
      const tx = db.transaction([store], 'readwrite');
      const target = tx.objectStore(store) as unknown as { put(value: unknown): Promise<unknown> };
      for (const record of records.slice(at, at + BATCH)) void target.put(record);
      await tx.done;
    }
  }
}

async function deleteFloor(): Promise<void> {
  await requestOf(indexedDB.deleteDatabase(FLOOR));
}

const counts = (rows: Rows) => Object.fromEntries(Object.entries(rows).map(([store, records]) => [store, records.length]));

export const transfersBench = {
  /** Keep every record of the stores a restore writes (Tend's database held only what the restore wrote). */
  async readBackRestore() {
    const db = await tendDatabase();
    try {
      kept = await readAll(db, ['contacts', 'identities', 'interactions', 'timeline', 'followUps']);
    } finally {
      db.close();
    }
    return counts(kept);
  },

  /** Keep the records the newest import wrote: its people, their identity rows, and its own record. */
  async readBackImport() {
    const db = await tendDatabase();
    try {
      const { imports } = (await readAll(db, ['imports'])) as { imports: ImportRecord[] };
      const newest = imports.reduce((last, record) => (record.at > last.at ? record : last));
      const tx = db.transaction(['identities'], 'readonly');
      const identities = await Promise.all(newest.addedIdentities.map(({ key }) => requestOf(tx.objectStore('identities').get(key))));
      kept = { contacts: newest.createdContacts, identities, imports: [newest] };
    } finally {
      db.close();
    }
    return counts(kept);
  },

  /** The floor: the kept records bulk-put into a fresh database, `runs` times; the median and each run, in ms. */
  async floor(runs: number) {
    const times: number[] = [];
    for (let run = 0; run < runs; run++) {
      await deleteFloor();
      const db = await openTendDb(FLOOR);
      const started = performance.now();
      await bulkPut(db, kept);
      times.push(performance.now() - started);
      db.close();
    }
    await deleteFloor();
    // Released before the next transfer is traced: see `floorOf` in transfers-bench.mjs.
    kept = {};
    return { ms: median(times), times };
  },
};

(globalThis as unknown as { tendTransfersBench: typeof transfersBench }).tendTransfersBench = transfersBench;
