/** The `settings` store (v6): the user's settings, one record, read and written by the worker only. */
import type { ReadTx, WriteTx } from './schema';

/** The key of the user's settings record (the store is keyed by name, room for others beside it). */
export const USER_SETTINGS = 'user';

/** A settings record as stored: the value is checked by the settings service when read. */
export interface SettingsRecord {
  name: string;
  settings: unknown;
  updatedAt: number;
}

/** The user's stored settings record, if any. */
export function getSettingsRecord(tx: ReadTx): Promise<SettingsRecord | undefined> {
  return tx.objectStore('settings').get(USER_SETTINGS);
}

/** Store the user's settings, replacing the record. */
export async function putSettingsRecord(tx: WriteTx, settings: unknown, now: number): Promise<void> {
  await tx.objectStore('settings').put({ name: USER_SETTINGS, settings, updatedAt: now });
}
