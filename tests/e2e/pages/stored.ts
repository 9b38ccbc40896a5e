import type { Tend } from '../harness';

/** Every record of one store of Tend's database, read in the worker (what is really stored). */
export async function storedRecords<T>(tend: Tend, store: 'interactions' | 'followUps' | 'contacts' | 'drafts'): Promise<T[]> {
  const worker = await tend.worker();
  return worker.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('tend');
        open.onsuccess = () => {
          const all = open.result.transaction(name).objectStore(name).getAll();
          all.onsuccess = () => resolve(all.result as T[]);
          all.onerror = () => reject(all.error);
        };
      }),
    store,
  );
}
