/**
 * The worker's one connection to Tend's database, kept usable. When another connection asks to
 * upgrade or delete the database (a newer Tend, DevTools, a test), this one must close or it
 * blocks them; closed, every later request would fail until the worker restarts. So the
 * connection is closed on `versionchange` (or when the browser closes it) and opened again on
 * the next request: every service `await`s the database before each use.
 */
import { openDB } from 'idb';
import type { TendDB, TendDatabase } from './schema';

/**
 * A database that reopens itself: `await` it (as services do for every request) and a live
 * connection is there. The object it resolves to is always the same, so what is keyed by it (the
 * commit listeners, the search index) survives a reopening; it forwards to the current connection.
 */
export function reopeningDatabase(name: string, open: () => Promise<TendDatabase>): Promise<TendDatabase> {
  let current: TendDatabase | undefined;
  /** The stores of the database as this Tend first opened it. */
  let stores: string[] | undefined;
  let opening: Promise<TendDatabase> | undefined;
  const database = new Proxy({} as TendDatabase, {
    get(_target, property) {
      // Not a thenable: resolving a promise with it must not ask a closed connection anything.
      if (property === 'then') return undefined;
      if (!current) throw new DOMException('Tend’s database connection is closed; it reopens on the next request.', 'InvalidStateError');
      const value: unknown = Reflect.get(current, property, current);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(current) : value;
    },
  });
  const adopt = (connection: TendDatabase): TendDatabase => {
    const closed = () => {
      if (current === connection) current = undefined;
    };
    // Let the other connection go ahead; the next request opens the database as it then is.
    connection.addEventListener('versionchange', () => {
      connection.close();
      closed();
    });
    connection.addEventListener('close', closed);
    current = connection;
    stores ??= [...connection.objectStoreNames];
    return database;
  };
  const connect = (): Promise<TendDatabase> => {
    if (current) return Promise.resolve(database);
    opening ??= openConnection(name, open, stores)
      .then(adopt)
      .finally(() => (opening = undefined));
    return opening;
  };
  // A promise in every way (then, catch, finally), whose every `then` first makes sure of the connection.
  const reopening: Promise<TendDatabase> = {
    then: (fulfilled, rejected) => connect().then(fulfilled, rejected),
    catch: (rejected) => connect().catch(rejected),
    finally: (settled) => connect().finally(settled),
    [Symbol.toStringTag]: 'Promise',
  };
  void reopening.catch(() => undefined); // The first open starts now; its failure is seen by whoever awaits.
  return reopening;
}

/**
 * Open at this Tend's version; when the database is already at a later one (a newer Tend upgraded
 * it), open it as it is: upgrades only ever add stores, so every store this Tend knows is there.
 */
async function openConnection(name: string, open: () => Promise<TendDatabase>, stores: readonly string[] = []): Promise<TendDatabase> {
  try {
    return await open();
  } catch (error) {
    if ((error as { name?: string } | null)?.name !== 'VersionError') throw error;
    const later = (await openDB<TendDB>(name)) as TendDatabase;
    const present = new Set<string>(later.objectStoreNames);
    if (stores.every((store) => present.has(store))) return later;
    later.close();
    throw error;
  }
}
