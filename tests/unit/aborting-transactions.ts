import type { TendDatabase } from '../../utils/db/schema';

/**
 * The database, with every `nth` readwrite transaction over the restore notes (a restore's or an
 * import's batch, or a batch of a take-back) aborted as soon as it opens: a batch the browser
 * failed, the database itself still usable.
 */
export function abortingNth(db: TendDatabase, nth: number): TendDatabase {
  let opened = 0;
  return new Proxy(db, {
    get(target, property) {
      if (property !== 'transaction') return Reflect.get(target, property) as unknown;
      return (stores: string[], mode: IDBTransactionMode) => {
        const tx = target.transaction(stores as never, mode);
        if (mode === 'readwrite' && stores.includes('restores') && ++opened === nth) queueMicrotask(() => tx.abort());
        return tx;
      };
    },
  });
}
