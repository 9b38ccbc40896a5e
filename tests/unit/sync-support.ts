// Two "devices" of one user for the sync tests: each its own Tend database and memory replica, one server.
import MemoryAdapter from 'pouchdb-adapter-memory';
import { openTendDb } from '../../utils/db/open';
import type { TendDatabase } from '../../utils/db/schema';
import { createReplicaFactory, type ReplicaFactory } from '../../utils/services/sync/replicas';
import { createSyncService, type SyncService } from '../../utils/services/sync/service';
import { createContact } from '../../utils/services/people/people';
import { afterAll, beforeAll } from 'vitest';
import { startCouchServer, type CouchServer, type CouchUser } from '../support/couch-server';

/** One device: its database, its sync service, and the requests its replicas made. */
export interface Device {
  db: TendDatabase;
  sync: SyncService;
  replicas: ReplicaFactory;
  /** Every URL this device's sync fetched. */
  requests: string[];
  /** How many remote databases were constructed. */
  remotes: number;
}

let devices = 0;
/** A device with its own database and replica, allowed the server's origin unless told otherwise. */
export async function device(options: { hasOrigin?: boolean } = {}): Promise<Device> {
  const n = ++devices;
  const db = await openTendDb(`device-${n}`);
  const requests: string[] = [];
  const recording: typeof fetch = (input, init) => {
    requests.push(String(input));
    return fetch(input, init);
  };
  const factory = createReplicaFactory({ storage: MemoryAdapter, adapter: 'memory', fetch: recording, namePrefix: `device-${n}-` });
  const made: Device = { db, requests, remotes: 0, replicas: factory, sync: undefined as never };
  made.replicas = {
    ...factory,
    remote: (config) => {
      made.remotes++;
      return factory.remote(config);
    },
  };
  made.sync = createSyncService(Promise.resolve(db), {
    replicas: made.replicas,
    hasOrigin: async () => options.hasOrigin ?? true,
    announce: async () => undefined,
    clock: Date.now,
  });
  return made;
}

/** Turn sync on for a device as this user; fails the test when the server refuses. */
export async function turnOn(device: Device, server: CouchServer, user: CouchUser = server.user) {
  const status = await device.sync.turnOn({ server: server.url, user: user.name, password: user.password });
  if (status.lastError) throw new Error(`sync refused: ${JSON.stringify(status.lastError)}`);
  await device.sync.syncNow();
  return status;
}

/** Let the wall clock move on: change times come from it, and a later edit must be later. */
export const tick = () => new Promise((done) => setTimeout(done, 5));

/** The test server of a test file: started before its tests, stopped after (its fields read once it runs). */
export function useCouchServer(): CouchServer {
  let started: CouchServer | undefined;
  beforeAll(async () => {
    started = await startCouchServer();
  }, 60_000);
  afterAll(async () => started?.stop());
  return new Proxy({} as CouchServer, { get: (_, field) => Reflect.get(started!, field) });
}

/** Two devices of a new user `name`, both synced, with Ada (made on the laptop) on both. */
export async function twoSyncedDevices(server: CouchServer, name: string) {
  const user = await server.createUser(name);
  await server.createPrivateDb(user);
  const laptop = await device();
  const desktop = await device();
  const ada = await createContact(laptop.db, { displayName: 'Ada', email: 'ada@example.com' }, Date.now());
  await turnOn(laptop, server, user);
  await turnOn(desktop, server, user);
  return { laptop, desktop, ada };
}
