/**
 * The PouchDB databases sync works with: the local replica (IndexedDB in the worker) and the
 * user's database on the server, reached over HTTP through a fetch that refuses every other
 * origin. Nothing here runs, and no remote object exists, until sync is on.
 */
import PouchDB, { type Database, type Plugin, type Static } from 'pouchdb-core';
import HttpAdapter from 'pouchdb-adapter-http';
import IndexedDbAdapter from 'pouchdb-adapter-indexeddb';
import Replication from 'pouchdb-replication';
import type { SyncConfig } from '../../model/sync';

/** A replica's documents: Tend's records (documents.ts) and the bases it keeps beside them. */
export type Replica = Database;

/** How sync reaches its two databases (tests give the memory adapter and Node's fetch). */
export interface ReplicaFactory {
  /** The local replica for this configuration (created when missing). */
  local(config: SyncConfig): Replica;
  /** The user's database on the server. */
  remote(config: SyncConfig): Replica;
  /** A request to the configured server (checking credentials), through the same origin guard. */
  fetch(config: SyncConfig, path: string): Promise<Response>;
}

// PouchDB.plugin adds to the one PouchDB class and refuses a plugin twice: each is added once.
const added = new Set<Plugin>();
/** PouchDB with the HTTP adapter and replication, plus the given storage adapter. */
export function pouchWith(storage: Plugin): Static {
  for (const plugin of [HttpAdapter, Replication, storage]) {
    if (!added.has(plugin)) PouchDB.plugin(plugin);
    added.add(plugin);
  }
  return PouchDB;
}

/** The couch_peruser name of a user's private database: `userdb-` and the name's UTF-8 bytes in hex. */
export const privateDatabaseName = (user: string): string => `userdb-${hex(user)}`;

/** The name of the local replica of a user's database (one per user and server). */
export function localReplicaName(config: SyncConfig): string {
  return `tend-sync-${hex(`${config.server}|${config.user}|${config.database}`)}`;
}

/** A fetch that only reaches `origin` and sends the user's credentials: any other URL is refused. */
export function originFetch(config: SyncConfig, fetchImpl: typeof fetch = (...args) => globalThis.fetch(...args)) {
  const origin = new URL(config.server).origin;
  const authorization = `Basic ${btoa(unescape(encodeURIComponent(`${config.user}:${config.password}`)))}`;
  return (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.origin !== origin) return Promise.reject(new TypeError(`Tend: sync refused a request to ${url.origin}`));
    const headers = new Headers(init.headers);
    headers.set('Authorization', authorization);
    // Credentials travel in the header only: no cookie of the server's is sent or stored.
    return fetchImpl(url.href, { ...init, headers, credentials: 'omit' });
  };
}

/** Where the replicas live: the worker's defaults are IndexedDB and the global fetch (tests give memory, Node's fetch, a name per device). */
export interface ReplicaOptions {
  storage?: Plugin;
  adapter?: string;
  fetch?: typeof fetch;
  /** Put before the local replica's name (two "devices" in one test process). */
  namePrefix?: string;
}

/** The replicas of the worker: IndexedDB locally, HTTP to the server. */
export function createReplicaFactory({
  storage = IndexedDbAdapter,
  adapter = 'indexeddb',
  fetch: fetchImpl,
  namePrefix = '',
}: ReplicaOptions = {}): ReplicaFactory {
  const pouch = () => pouchWith(storage);
  return {
    local: (config) => new (pouch())(namePrefix + localReplicaName(config), { adapter }),
    remote: (config) => new (pouch())(`${config.server}/${config.database}`, { adapter: 'http', skip_setup: true, fetch: originFetch(config, fetchImpl) }),
    fetch: (config, path) => originFetch(config, fetchImpl)(`${config.server}${path}`),
  };
}

/** A text's UTF-8 bytes in hex (database and document names that any text can go into). */
export const hex = (text: string): string => [...new TextEncoder().encode(text)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
