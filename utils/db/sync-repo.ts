/**
 * Sync's own records in the name-keyed `settings` store: its configuration (server, user,
 * password) and its state (how far each direction got). Kept here, not in extension storage, so
 * the pulled checkpoint is written in the same transaction as the records it applied.
 */
import type { Contact, FollowUp, Interaction } from '../model/records';
import type { LoggedStore } from '../model/rows';
import type { ReadTx, WriteTx } from './schema';

/** The key of sync's configuration record. */
export const SYNC_CONFIG = 'sync-config';
/** The key of sync's state record. */
export const SYNC_STATE = 'sync-state';
/** The key of the composer's last "Share with the team" choice (issue 18). */
export const TEAM_SHARE_CHOICE = 'team-share-choice';
/**
 * The settings-store keys that belong to sync (a commit to them is a change of sync's status, not
 * of the settings; turning sync off removes them all, the share choice with the team it was for).
 */
export const SYNC_RECORDS: readonly string[] = [SYNC_CONFIG, SYNC_STATE, TEAM_SHARE_CHOICE];

/** Sync's stored configuration, unchecked (the sync service parses it), if sync is on. */
export async function getSyncConfigRecord(tx: ReadTx): Promise<unknown> {
  return (await tx.objectStore('settings').get(SYNC_CONFIG))?.settings;
}

/** Store sync's configuration. */
export async function putSyncConfigRecord(tx: WriteTx, config: unknown, now: number): Promise<void> {
  await tx.objectStore('settings').put({ name: SYNC_CONFIG, settings: config, updatedAt: now });
}

/** Sync's stored state, unchecked, if any. */
export async function getSyncStateRecord(tx: ReadTx): Promise<unknown> {
  return (await tx.objectStore('settings').get(SYNC_STATE))?.settings;
}

/** Store sync's state. */
export async function putSyncStateRecord(tx: WriteTx, state: unknown, now: number): Promise<void> {
  await tx.objectStore('settings').put({ name: SYNC_STATE, settings: state, updatedAt: now });
}

/** The composer's stored share choice, unchecked, if any. */
export async function getShareChoiceRecord(tx: ReadTx): Promise<unknown> {
  return (await tx.objectStore('settings').get(TEAM_SHARE_CHOICE))?.settings;
}

/** Store the composer's share choice. */
export async function putShareChoiceRecord(tx: WriteTx, shared: unknown, now: number): Promise<void> {
  await tx.objectStore('settings').put({ name: TEAM_SHARE_CHOICE, settings: shared, updatedAt: now });
}

/** Remove sync's records: configuration, state, share choice (turned off). */
export async function removeSyncRecords(tx: WriteTx): Promise<void> {
  await Promise.all(SYNC_RECORDS.map((name) => tx.objectStore('settings').delete(name)));
}

/** A sync base: a record as Tend and the private replica last agreed on it (null: deleted). */
export interface SyncBaseRecord {
  docId: string;
  record: unknown;
}

/** The bases of these documents (undefined where none is kept). */
export function getSyncBases(tx: ReadTx, docIds: readonly string[]): Promise<(SyncBaseRecord | undefined)[]> {
  const bases = tx.objectStore('syncBases');
  return Promise.all(docIds.map((docId) => bases.get(docId)));
}

/** Keep these records (undefined: deleted, kept as null) as the bases of their documents. */
export async function putSyncBases(tx: WriteTx, records: Iterable<readonly [string, unknown]>): Promise<void> {
  const bases = tx.objectStore('syncBases');
  await Promise.all([...records].map(([docId, record]) => bases.put({ docId, record: record ?? null })));
}

/** How many bases are kept. */
export function countSyncBases(tx: ReadTx): Promise<number> {
  return tx.objectStore('syncBases').count();
}

/** Forget every base (the replica they were kept for is gone or new). */
export function clearSyncBases(tx: WriteTx): Promise<void> {
  return tx.objectStore('syncBases').clear();
}

/** The id of every record of one of the synced stores. */
export function syncedRecordIds(tx: ReadTx, store: LoggedStore): Promise<string[]> {
  return tx.objectStore(store).getAllKeys();
}

/** The records of one of the synced stores with these ids (undefined where there is none). */
export function syncedRecords(tx: ReadTx, store: LoggedStore, ids: readonly string[]): Promise<(Contact | Interaction | FollowUp | undefined)[]> {
  const records = tx.objectStore(store);
  return Promise.all(ids.map((id) => records.get(id)));
}

/** How many records the synced stores hold (what a first push has to send). */
export async function countSyncedRecords(tx: ReadTx): Promise<number> {
  const counts = await Promise.all((['contacts', 'interactions', 'followUps'] as const).map((store) => tx.objectStore(store).count()));
  return counts.reduce((sum, count) => sum + count, 0);
}
