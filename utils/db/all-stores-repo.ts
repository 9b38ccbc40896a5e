/**
 * Operations over whole stores at once: an export's read of every record of some stores, and
 * delete-everything's clear of every store the database has.
 */
import { readTx, writeTx, type StoreName, type TendDB, type TendDatabase } from './schema';

/** Every record of each store named, by store. */
export type WholeStores<S extends StoreName> = { [K in S]: TendDB[K]['value'][] };

/** Every record of each store named, read in one transaction (a consistent picture of them all). */
export async function readWholeStores<S extends StoreName>(db: TendDatabase, stores: readonly S[]): Promise<WholeStores<S>> {
  const tx = readTx(db, [...stores]);
  const records = await Promise.all(stores.map((store) => tx.objectStore(store).getAll()));
  await tx.done;
  return Object.fromEntries(stores.map((store, i) => [store, records[i]])) as WholeStores<S>;
}

/**
 * Clear every store the database has, in one transaction through the commit path (all or
 * nothing; the search index and reminders hear every store was cleared). Returns the ids of the
 * people deleted, for the other pages to forget them.
 */
export async function clearAllStores(db: TendDatabase): Promise<string[]> {
  // Every store the database has, so a store added by a later version is never left behind.
  const stores = [...db.objectStoreNames] as StoreName[];
  const tx = writeTx(db, stores);
  const contactIds = await tx.objectStore('contacts').getAllKeys();
  // The change log last: the rows that record these clears go with it, and nothing is left behind
  // (requests of one transaction run in the order they were made).
  const logLast = [...stores.filter((store) => store !== 'changes'), ...stores.filter((store) => store === 'changes')];
  await Promise.all(logLast.map((store) => tx.objectStore(store).clear()));
  await tx.done;
  return contactIds;
}

/** Stores a backup reads page by page: each keyed by one string field. */
export type PagedStore = 'contacts' | 'identities' | 'interactions' | 'followUps';

/**
 * Every record of each store named, in key order, handed to `onPage` a page of `pageSize` at a
 * time, all in one read transaction (a consistent picture, as a backup needs: no entry of a person
 * added after the people were read). `onPage` runs synchronously between requests, so the
 * transaction stays alive and no page is kept once handled; `counts` come first, for progress.
 */
export async function readStoresInPages<S extends PagedStore>(
  db: TendDatabase,
  stores: readonly S[],
  pageSize: number,
  onCounts: (counts: Record<S, number>) => void,
  onPage: <K extends S>(store: K, records: TendDB[K]['value'][]) => void,
): Promise<void> {
  const tx = readTx(db, [...stores]);
  const counts = await Promise.all(stores.map((store) => tx.objectStore(store).count()));
  onCounts(Object.fromEntries(stores.map((store, i) => [store, counts[i]])) as Record<S, number>);
  for (const store of stores) {
    const keyPath = tx.objectStore(store).keyPath as string;
    let after: string | undefined;
    for (;;) {
      const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
      const page = await tx.objectStore(store).getAll(range, pageSize);
      if (page.length > 0) onPage(store, page);
      if (page.length < pageSize) break;
      after = (page.at(-1) as unknown as Record<string, string>)[keyPath];
    }
  }
  await tx.done;
}
