/**
 * The one commit path. Every write transaction Tend opens comes from `writeTx`, which watches the
 * writes made through it: each put, add, delete or clear of a person, entry or follow-up appends a
 * row to the `changes` store in the same transaction (so the log can never disagree with the data),
 * and once the transaction has committed, every listener of the database hears what changed. The
 * listeners keep the search index current, tell open pages and reschedule reminders, so no service
 * can forget one of them.
 */
import { LOGGED_STORES, type ChangeOp, type LoggedStore } from '../model/rows';
import type { StoreName, TendDatabase, WriteTx } from './schema';

/** One change a committed transaction made, with the record written when there was one. */
export interface Change {
  store: StoreName;
  op: ChangeOp;
  /** The record's key (absent for `clear`). */
  key?: IDBValidKey | IDBKeyRange;
  /** The record as written (`put`/`add`). */
  value?: unknown;
  /** Its place in the change log, for the stores the log records. */
  seq?: number;
}

/** What a committed transaction changed, and which part of Tend made it. */
export interface Commit {
  changes: readonly Change[];
  /** Set by writers whose changes some listener must not react to (e.g. the reminders' own bookkeeping). */
  origin?: string;
}

/** Runs after a transaction committed; awaited before the writer's `tx.done` resolves. */
export type CommitListener = (commit: Commit) => Promise<void> | void;

/** Options of a write transaction. */
export interface WriteOptions {
  origin?: string;
}

const listeners = new WeakMap<TendDatabase, Set<CommitListener>>();
const logged = new Set<StoreName>(LOGGED_STORES);

/** Hear every commit of this database from now on; returns the function that stops listening. */
export function onCommit(db: TendDatabase, listener: CommitListener): () => void {
  let set = listeners.get(db);
  if (!set) listeners.set(db, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

/**
 * A readwrite transaction over `stores` (plus the change log) whose writes are recorded. Its `done`
 * resolves once the transaction committed and every commit listener has run; it rejects, with no
 * listener told anything, when the transaction aborted.
 */
export function writeTx(db: TendDatabase, stores: StoreName[], options: WriteOptions = {}): WriteTx {
  const tx = db.transaction([...new Set<StoreName>([...stores, 'changes'])], 'readwrite') as unknown as WriteTx;
  const changes: Change[] = [];
  const at = Date.now();
  const record = (store: StoreName, op: ChangeOp, key?: IDBValidKey | IDBKeyRange, value?: unknown) => {
    const change: Change = { store, op, key, value };
    changes.push(change);
    if (!logged.has(store)) return;
    const row = { store: store as LoggedStore, op, at, ...(key !== undefined && { id: String(key) }), ...(options.origin && { origin: options.origin }) };
    void tx
      .objectStore('changes')
      .add(row)
      .then(
        (seq) => (change.seq = seq),
        () => undefined,
      );
  };
  const done = tx.done.then(async () => {
    if (changes.length === 0) return;
    const commit: Commit = { changes, ...(options.origin && { origin: options.origin }) };
    for (const listener of listeners.get(db) ?? []) {
      try {
        await listener(commit);
      } catch (error) {
        // The data is written; a listener that failed must not make the writer think otherwise.
        console.error('Tend: after a commit', error);
      }
    }
  });
  done.catch(() => undefined); // An aborted transaction: its writer handles tx.done itself.
  const stores$ = new Map<string, unknown>();
  return new Proxy(tx, {
    get(target, property) {
      if (property === 'done') return done;
      if (property === 'objectStore') {
        return (name: StoreName) => {
          if (!stores$.has(name)) stores$.set(name, watchedStore(target.objectStore(name), name, record));
          return stores$.get(name);
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

type Recorder = (store: StoreName, op: ChangeOp, key?: IDBValidKey | IDBKeyRange, value?: unknown) => void;

/** An object store whose writes are recorded as they are made (synchronously, inside the transaction). */
function watchedStore<S extends object>(store: S, name: StoreName, record: Recorder): S {
  const keyPath = (store as unknown as { keyPath: string | string[] | null }).keyPath;
  const keyOf = (value: unknown, key?: IDBValidKey): IDBValidKey | undefined => {
    if (key !== undefined || keyPath === null) return key;
    const row = value as Record<string, IDBValidKey>;
    return Array.isArray(keyPath) ? keyPath.map((part) => row[part]!) : row[keyPath];
  };
  return new Proxy(store, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      const method = value.bind(target) as (...args: unknown[]) => Promise<unknown>;
      switch (property) {
        case 'put':
        case 'add':
          return (row: unknown, key?: IDBValidKey) => {
            const pending = method(row, key);
            // autoIncrement stores (only `changes` itself) learn their key from the request.
            record(name, 'put', keyOf(row, key), row);
            return pending;
          };
        case 'delete':
          return (key: IDBValidKey | IDBKeyRange) => {
            const pending = method(key);
            record(name, 'delete', key);
            return pending;
          };
        case 'clear':
          return () => {
            const pending = method();
            record(name, 'clear');
            return pending;
          };
        default:
          return method;
      }
    },
  });
}

/** The people a commit touched: changed contacts, and the people of changed entries, links and follow-ups. */
export function peopleTouched(commit: Commit): string[] {
  const people = new Set<string>();
  for (const { store, key, value } of commit.changes) {
    const row = value as { contactId?: string; contactIds?: string[] } | undefined;
    if (store === 'contacts' && typeof key === 'string') people.add(key);
    if (store === 'interactions') for (const id of row?.contactIds ?? []) people.add(id);
    if ((store === 'followUps' || store === 'identities') && row?.contactId) people.add(row.contactId);
    // A timeline link's key starts with its person: a deleted entry names its people this way.
    if (store === 'timeline' && Array.isArray(key) && typeof key[0] === 'string') people.add(key[0]);
  }
  return [...people];
}
