import { browser } from 'wxt/browser';
import type { TendDatabase } from '../../db/schema';
import { broadcast } from '../../messaging/client';
import type { ParsedPageRequest } from '../../messaging/protocol';
import { SYNC_ALARM, syncServiceFor } from './service';

type Request<T extends ParsedPageRequest['type']> = Extract<ParsedPageRequest, { type: T }>;

/** Open pages re-read the sync status. */
export const announceSync = () => broadcast({ type: 'changed', sync: true });

/** The worker's answers to the sync requests (utils/messaging/features/sync.ts). */
export function createSyncHandlers(db: Promise<TendDatabase>) {
  const sync = syncServiceFor(db, announceSync);
  return {
    getSyncStatus: () => sync.status(),
    turnOnSync: ({ server, user, password }: Request<'turnOnSync'>) => sync.turnOn({ server, user, password }),
    turnOffSync: () => sync.turnOff(),
    syncNow: async () => {
      await sync.syncNow();
      return sync.status();
    },
  };
}

/** Run a pass on sync's alarm (registered synchronously at worker start, so the alarm that woke the worker is heard). */
export function watchSyncAlarm(db: Promise<TendDatabase>): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void syncServiceFor(db, announceSync).syncNow();
  });
}
