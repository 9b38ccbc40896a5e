/**
 * Sync in the worker: turned on with a server, a user and a password (checked with the server
 * first; Tend must hold the server's origin), it runs passes (pass.ts) one at a time, on an alarm
 * every few minutes, a little after local changes, and when asked. Off (the default), it
 * constructs no remote database and makes no request. The credentials stay in the worker's
 * database: a status never carries the password.
 */
import { browser } from 'wxt/browser';
import { onCommit } from '../../db/commit';
import { anyTransferRunning, whenNoTransfers } from '../../portability/running-transfers';
import { readTx, writeTx, type TendDatabase, type WriteTx } from '../../db/schema';
import {
  clearSyncBases,
  countSyncedRecords,
  getSyncConfigRecord,
  getSyncStateRecord,
  putSyncConfigRecord,
  putSyncStateRecord,
  removeSyncRecords,
  SYNC_CONFIG,
} from '../../db/sync-repo';
import type { SyncErrorCode, SyncStatus } from '../../messaging/features/sync';
import { LOGGED_STORES } from '../../model/rows';
import { SyncConfig, SyncState } from '../../model/sync';
import { SyncError, syncErrorOf } from './errors';
import { runPass } from './pass';
import { pendingCounter, type PendingCounter } from './pending';
import { SYNC_ORIGIN } from './pull';
import { createReplicaFactory, localReplicaName, privateDatabaseName, type Replica, type ReplicaFactory } from './replicas';
import { readState, updateState } from './state';
import { pushToTeam, runTeamPass } from './team-pass';

/** The alarm that runs a pass every few minutes while sync is on. */
export const SYNC_ALARM = 'tend-sync';
const SYNC_EVERY_MINUTES = 5;
/** Local changes are pushed this long after the last of a burst. */
export const SYNC_AFTER_CHANGES_MS = 3000;

/** What sync needs from its surroundings (tests give a memory replica, Node's fetch and a permission answer). */
export interface SyncDeps {
  replicas: ReplicaFactory;
  /** True when Tend holds this origin as a host permission. */
  hasOrigin(origin: string): Promise<boolean>;
  /** Tell open pages the status changed. */
  announce(): Promise<void>;
  clock(): number;
}

/** What the credentials the user typed are. */
export interface SyncCredentials {
  server: string;
  user: string;
  password: string;
  /** A team database to join, when the user named one. */
  team?: string | undefined;
}

/** The sync service of one database. */
export type SyncService = ReturnType<typeof createSyncService>;

/** Sync for this database: status, turning on and off, and passes one at a time. */
export function createSyncService(db: Promise<TendDatabase>, deps: SyncDeps) {
  const locals = new Map<string, Replica>();
  let running: Promise<void> | undefined;
  let queued: Promise<void> | undefined;
  let soon: ReturnType<typeof setTimeout> | undefined;
  const countPending = pendingCounter();

  const localFor = (config: SyncConfig) => {
    const name = localReplicaName(config);
    let replica = locals.get(name);
    if (!replica) locals.set(name, (replica = deps.replicas.local(config)));
    return replica;
  };

  /** Destroy the local replica of a configuration: sync off keeps no copy of the records beside Tend's own. */
  const forgetReplica = async (config: SyncConfig) => {
    const replica = localFor(config);
    // Opened first: a destroy that overtakes the opening of the database leaves it behind.
    await replica
      .info()
      .then(() => replica.destroy())
      .catch((error: unknown) => console.error('Tend: could not remove the sync replica', error));
    locals.delete(localReplicaName(config));
  };

  let waitingForTransfers = false;
  /** Ask for a pass once no restore or import runs (one held a pass, or part of one). */
  const passAfterTransfers = () => {
    if (waitingForTransfers) return;
    waitingForTransfers = true;
    void whenNoTransfers().then(() => {
      waitingForTransfers = false;
      return syncNow();
    });
  };
  const pass = async () => {
    const config = await readConfig(await db);
    if (!config) return;
    // A restore or import under way may yet be taken back (cancelled, closed, cut short): none of its
    // records may reach the server before it ends. A pass is asked for again once none runs.
    if (anyTransferRunning()) return passAfterTransfers();
    await deps.announce();
    try {
      // The team first: what it brings is then pushed to the user's own space in this same pass
      // (not left pending until the next alarm). A team that refuses does not stop the private pass.
      const team = teamConfig(config);
      const teamFailure =
        team &&
        (await runTeamPass(await db, localFor(team), deps.replicas.remote(team), config.user, deps.clock).then(
          () => undefined,
          (error: unknown) => ({ error }),
        ));
      await runPass(await db, localFor(config), deps.replicas.remote(config), deps.clock, anyTransferRunning);
      if (teamFailure) throw teamFailure.error;
      // Held like the private push while a transfer runs (one may have begun during this pass).
      if (team && !anyTransferRunning()) await pushToTeam(await db, localFor(team), deps.replicas.remote(team), config.user, deps.clock);
      // A transfer that began during the pass held its last copies: they leave once it ended.
      if (anyTransferRunning()) passAfterTransfers();
    } catch (error) {
      const failure = syncErrorOf(error);
      // Turned off meanwhile: the failure is the replica going away, not something to report.
      if (await readConfig(await db))
        await updateState(await db, (state) => ({ ...state, lastError: errorOf(failure.code, failure.message, deps.clock()) }), deps.clock());
    }
  };
  // A pass started by a timer or an alarm has no caller to tell: what it could not even record is logged.
  const passLogged = () => pass().catch((error: unknown) => console.error('Tend: a sync pass failed', error));

  /** Run a pass now, or once more after the one running (never two at once). */
  const syncNow = (): Promise<void> => {
    if (!running) {
      running = passLogged().finally(() => {
        running = undefined;
        void deps.announce();
      });
      return running;
    }
    queued ??= running.then(() => {
      queued = undefined;
      return syncNow();
    });
    return queued;
  };

  const status = async (): Promise<SyncStatus> => {
    const opened = await db;
    const config = await readConfig(opened);
    if (!config) return { state: 'off', pending: 0, rejected: 0 };
    const state = await readState(opened);
    const failing = state.lastError !== undefined && state.lastError.at >= (state.lastSyncedAt ?? 0);
    return {
      state: running ? 'syncing' : failing ? 'error' : 'idle',
      server: config.server,
      user: config.user,
      ...(config.team !== undefined && { team: config.team }),
      ...(state.lastSyncedAt !== undefined && { lastSyncedAt: state.lastSyncedAt }),
      pending: await pendingChanges(opened, state, config.team !== undefined, countPending),
      rejected: state.rejected,
      ...(state.lastError && { lastError: state.lastError }),
    };
  };

  /** Check the credentials with the server, save them, start passes; a refusal saves nothing and says why. */
  const turnOn = async (credentials: SyncCredentials): Promise<SyncStatus> => {
    const server = credentials.server.trim().replace(/\/+$/, '');
    const config: SyncConfig = {
      server,
      user: credentials.user.trim(),
      password: credentials.password,
      database: privateDatabaseName(credentials.user.trim()),
      ...(credentials.team?.trim() && { team: credentials.team.trim() }),
    };
    const refused = async (code: SyncErrorCode, detail?: string) => ({ ...(await status()), lastError: errorOf(code, detail, deps.clock()) });
    if (!(await deps.hasOrigin(new URL(server).origin))) return refused('no-permission');
    try {
      await checkCredentials(deps.replicas, config);
    } catch (error) {
      const failure = syncErrorOf(error);
      return refused(failure.code, failure.message);
    }
    const opened = await db;
    const previous = await readConfig(opened);
    await running;
    if (previous && localReplicaName(previous) !== localReplicaName(config)) await forgetReplica(previous);
    const previousTeam = previous && teamConfig(previous);
    const team = teamConfig(config);
    if (previousTeam && (!team || localReplicaName(previousTeam) !== localReplicaName(team))) await forgetReplica(previousTeam);
    const tx = writeTx(opened, ['settings', 'syncBases']);
    await putSyncConfigRecord(tx, config, deps.clock());
    // Another server or user starts from nothing: its replica is new, so is every checkpoint and base.
    if (!previous || localReplicaName(previous) !== localReplicaName(config)) {
      await putSyncStateRecord(tx, SyncState.parse({}), deps.clock());
      await clearSyncBases(tx);
    }
    // Another team (or none) starts its own checkpoints from nothing; the private ones stand.
    else if (previous.team !== config.team) await updateTeamCheckpoints(tx, deps.clock());
    await tx.done;
    await browser.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_EVERY_MINUTES });
    void syncNow();
    return status();
  };

  /** Stop syncing: the credentials, the state, the bases and the local replica go; Tend's records stay. */
  const turnOff = async (): Promise<SyncStatus> => {
    const opened = await db;
    const config = await readConfig(opened);
    await browser.alarms.clear(SYNC_ALARM);
    await running;
    const tx = writeTx(opened, ['settings', 'syncBases']);
    await removeSyncRecords(tx);
    await clearSyncBases(tx);
    await tx.done;
    if (config) await forgetReplica(config);
    const team = config && teamConfig(config);
    if (team) await forgetReplica(team);
    return status();
  };

  /**
   * After local changes (not sync's own), a pass a little later. Delete everything clears the
   * settings store, and with it the configuration: the replica of the configuration last known
   * (read when watching starts, so a worker that never ran a pass still knows it) goes too.
   */
  const watch = (opened: TendDatabase) => {
    // Read in a transaction opened now, before any later clear: it sees the configuration as it is.
    let known = readConfig(opened);
    return onCommit(opened, (commit) => {
      const settings = commit.changes.filter((change) => change.store === 'settings');
      const put = settings.find((change) => change.key === SYNC_CONFIG && change.op === 'put');
      if (put) known = Promise.resolve(SyncConfig.safeParse((put.value as { settings?: unknown }).settings).data);
      if (settings.some((change) => change.op === 'clear')) {
        const forgotten = known;
        known = Promise.resolve(undefined);
        void forgotten.then(async (config) => {
          if (!config) return;
          await forgetReplica(config);
          const team = teamConfig(config);
          if (team) await forgetReplica(team);
          await deps.announce();
        });
      }
      if (commit.origin === SYNC_ORIGIN || !commit.changes.some((change) => (LOGGED_STORES as readonly string[]).includes(change.store))) return;
      clearTimeout(soon);
      soon = setTimeout(() => void syncNow(), SYNC_AFTER_CHANGES_MS);
    });
  };

  /** The local replica of the team database and this user's name, when the user joined a team. */
  const teamReplica = async (): Promise<{ replica: Replica; member: string } | undefined> => {
    const config = await readConfig(await db);
    const team = config && teamConfig(config);
    return team && { replica: localFor(team), member: team.user };
  };

  return { status, turnOn, turnOff, syncNow, watch, teamReplica };
}

/** Sync's configuration, if sync is on (a record that does not parse counts as off). */
export async function readConfig(db: TendDatabase): Promise<SyncConfig | undefined> {
  const parsed = SyncConfig.safeParse(await getSyncConfigRecord(readTx(db, ['settings'])));
  return parsed.success ? parsed.data : undefined;
}

/**
 * Local changes not yet on the server: the records changed since the last push (every record
 * before the first); with a team, since the older of the two pushes (the team pass copies a
 * change a moment before the private one does).
 */
async function pendingChanges(db: TendDatabase, state: SyncState, withTeam: boolean, countPending: PendingCounter): Promise<number> {
  const pushed = withTeam ? (state.teamPushedSeq === undefined ? undefined : Math.min(state.teamPushedSeq, state.pushedSeq ?? 0)) : state.pushedSeq;
  if (pushed === undefined || state.pushedSeq === undefined) return countSyncedRecords(readTx(db, ['contacts', 'interactions', 'followUps']));
  // What a pull applied came from the server: not pending (the first pull of 5,000 records showed 5,000).
  return countPending(db, pushed);
}

/** The user is who they say (GET /_session) and may read their database. */
async function checkCredentials(replicas: ReplicaFactory, config: SyncConfig): Promise<void> {
  const session = await replicas.fetch(config, '/_session');
  if (session.status === 401) throw new SyncError('unauthorized');
  const body = (await session.json().catch(() => undefined)) as { userCtx?: { name?: unknown } } | undefined;
  if (!session.ok || body?.userCtx?.name !== config.user) throw new SyncError(session.ok ? 'unauthorized' : 'server', `${session.status}`);
  const database = await replicas.fetch(config, `/${encodeURIComponent(config.database)}`);
  if ([401, 403, 404].includes(database.status)) throw new SyncError('forbidden', `${database.status}`);
  if (!database.ok) throw new SyncError('server', `${database.status}`);
  if (config.team === undefined) return;
  const team = await replicas.fetch(config, `/${encodeURIComponent(config.team)}`);
  if ([401, 403, 404].includes(team.status)) throw new SyncError('team-forbidden', `${team.status}`);
  if (!team.ok) throw new SyncError('server', `${team.status}`);
}

/** The configuration of the team database's replica (the same server and user), when the user joined a team. */
export function teamConfig(config: SyncConfig): SyncConfig | undefined {
  return config.team === undefined ? undefined : { ...config, database: config.team };
}

/** Forget the team checkpoints (another team, or none): the next team pass starts from every record. */
async function updateTeamCheckpoints(tx: WriteTx, now: number): Promise<void> {
  const state = SyncState.safeParse((await getSyncStateRecord(tx)) ?? {});
  const { teamPushedSeq: _pushed, teamPulledSeq: _pulled, ...rest } = state.success ? state.data : SyncState.parse({});
  await putSyncStateRecord(tx, rest, now);
}

const errorOf = (code: SyncErrorCode, detail: string | undefined, at: number) => ({
  code,
  ...(detail && detail !== code && { detail: detail.slice(0, 500) }),
  at,
});

const services = new WeakMap<Promise<TendDatabase>, SyncService>();
/** The worker's sync service for its database (one per database promise). */
export function syncServiceFor(db: Promise<TendDatabase>, announce: () => Promise<void>): SyncService {
  let service = services.get(db);
  if (!service) {
    service = createSyncService(db, {
      replicas: createReplicaFactory(),
      hasOrigin: (origin) => browser.permissions.contains({ origins: [`${origin}/*`] }),
      announce,
      clock: Date.now,
    });
    services.set(db, service);
    void db.then(service.watch);
  }
  return service;
}
