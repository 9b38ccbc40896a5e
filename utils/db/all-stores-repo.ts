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
