/**
 * Types for the code that reads and writes the `imports` store (database v2, see db/open.ts).
 */
import type { IDBPTransaction } from 'idb';
import type { StoreName, TendDB, TendDatabase } from '../../db/schema';

/** The database, which has the imports store since v2. */
export type ImportsDatabase = TendDatabase;
/** Any store name of the schema. */
export type ImportsStoreName = StoreName;
/** A transaction over any of the stores, typed like the repos' ReadTx / WriteTx. */
export type ImportsTx<Mode extends IDBTransactionMode = IDBTransactionMode> = IDBPTransaction<TendDB, StoreName[], Mode>;

/** A transaction typed as ImportsTx (over an array of store names, like schema.ts's readTx). */
export const importsTx = <Mode extends IDBTransactionMode>(db: ImportsDatabase, stores: ImportsStoreName[], mode: Mode): ImportsTx<Mode> =>
  db.transaction(stores, mode);
