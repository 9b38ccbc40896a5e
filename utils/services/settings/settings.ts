/**
 * The user's settings, kept by the worker in its database (the `settings` store) and cached: every
 * sighting reads the capture rules. Only the worker reads or writes them; pages ask for them
 * (utils/messaging/features/settings.ts) and hear of changes through the `changed` broadcast.
 */
import { onCommit } from '../../db/commit';
import { readTx, writeTx, type TendDatabase } from '../../db/schema';
import { getSettingsRecord, putSettingsRecord } from '../../db/settings-repo';
import { Settings } from '../../model/records';
import { toEmailAddress } from '../../identity/addresses';
import { loadLegacySettings } from '../../storage/settings';
import { moveStorageSettings } from './migrate-storage';
import { readSettings } from './read';

// Per database (tests open many): the settings as last read, dropped by any commit that writes
// the store (an update, a restore, delete everything), so a read never serves an older value.
const cached = new WeakMap<TendDatabase, Promise<Settings>>();
const moved = new WeakMap<TendDatabase, Promise<Settings | undefined>>();
const watched = new WeakSet<TendDatabase>();

function watchSettingsCommits(db: TendDatabase): void {
  if (watched.has(db)) return;
  watched.add(db);
  onCommit(db, (commit) => {
    if (commit.changes.some((change) => change.store === 'settings')) cached.delete(db);
  });
}

/**
 * Settings left in chrome.storage.local by an earlier Tend, moved into the database before the
 * first read (once per worker; a failed move is tried again at the next read). Resolves with the
 * old settings while they could not be moved, so nothing is recorded that the user excluded.
 */
function settingsMoved(db: TendDatabase): Promise<Settings | undefined> {
  watchSettingsCommits(db);
  let move = moved.get(db);
  if (!move) {
    move = moveStorageSettings(db, Date.now()).then(
      () => undefined,
      async (error: unknown) => {
        console.error('Tend: could not move the settings into the database; using them where they are', error);
        moved.delete(db);
        return readSettings(await loadLegacySettings());
      },
    );
    moved.set(db, move);
  }
  return move;
}

async function readStored(db: TendDatabase): Promise<Settings> {
  return readSettings((await getSettingsRecord(readTx(db, ['settings'])))?.settings);
}

/** The user's settings; missing or unreadable fields take their defaults rather than failing. */
export async function loadSettings(db: TendDatabase): Promise<Settings> {
  const unmoved = await settingsMoved(db);
  if (unmoved) return unmoved;
  let settings = cached.get(db);
  if (!settings) {
    settings = readStored(db);
    cached.set(db, settings);
    settings.catch(() => cached.delete(db));
  }
  return settings;
}

/**
 * Apply a change to the latest settings, read and written in one transaction: changes made at the
 * same moment (a learned address, an edit from the options page) run one after the other and
 * never overwrite each other. `change` answers undefined to change nothing. Returns the result.
 */
export async function updateSettings(db: TendDatabase, change: (current: Settings) => Settings | undefined, now = Date.now()): Promise<Settings> {
  if (await settingsMoved(db)) throw new Error('Tend’s settings are not in its database yet');
  const tx = writeTx(db, ['settings']);
  const current = readSettings((await getSettingsRecord(tx))?.settings);
  const changed = change(current);
  const next = changed && Settings.safeParse(changed);
  if (!next) return current;
  if (!next.success) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw next.error;
  }
  await putSettingsRecord(tx, next.data, now);
  await tx.done;
  return next.data;
}

/**
 * Remember addresses a mail site's account area shows as the user's own; returns the settings
 * with them. Addresses the user said are not theirs are never learned again. Most sightings bring
 * nothing new: answered from the cache, with no write.
 */
export async function learnOwnAddresses(db: TendDatabase, seen: readonly string[]): Promise<Settings> {
  const candidates = [...new Set(seen.map(toEmailAddress).filter((a): a is string => !!a))];
  const freshIn = (settings: Settings) =>
    candidates.filter((address) => !settings.ownAddresses.includes(address) && !settings.notOwnAddresses.includes(address));
  const settings = await loadSettings(db);
  if (freshIn(settings).length === 0) return settings;
  return updateSettings(db, (current) => {
    const fresh = freshIn(current);
    return fresh.length === 0 ? undefined : { ...current, ownAddresses: [...current.ownAddresses, ...fresh] };
  });
}
