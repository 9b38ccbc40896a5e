import { browser } from 'wxt/browser';
import type { TendDatabase } from '../../db/schema';
import { broadcast } from '../../messaging/client';
import type { ParsedPageRequest } from '../../messaging/protocol';
import { SYNC_ALARM, syncServiceFor } from './service';
import { lastShareChoice, rememberShareChoice } from './share-choice';
import { teamKnowers } from './team-knowers';
import { shareEntry, shareFollowUp } from './team-sharing';

type Request<T extends ParsedPageRequest['type']> = Extract<ParsedPageRequest, { type: T }>;

/** Open pages re-read the sync status. */
export const announceSync = () => broadcast({ type: 'changed', sync: true });

/** The worker's answers to the sync requests (utils/messaging/features/sync.ts). */
export function createSyncHandlers(db: Promise<TendDatabase>, clock: () => number = Date.now) {
  const sync = syncServiceFor(db, announceSync);
  return {
    getSyncStatus: () => sync.status(),
    turnOnSync: ({ server, user, password, team }: Request<'turnOnSync'>) => sync.turnOn({ server, user, password, team }),
    turnOffSync: () => sync.turnOff(),
    syncNow: async () => {
      await sync.syncNow();
      return sync.status();
    },
    shareEntry: async ({ interactionId }: Request<'shareEntry'>) => shareEntry(await db, interactionId),
    shareFollowUp: async ({ followUpId }: Request<'shareFollowUp'>) => shareFollowUp(await db, followUpId),
    getShareChoice: async () => lastShareChoice(await db),
    setShareChoice: async ({ shared }: Request<'setShareChoice'>) => rememberShareChoice(await db, shared, clock()),
    getTeamKnowers: async ({ contactId }: Request<'getTeamKnowers'>) => {
      const team = await sync.teamReplica();
      return team ? teamKnowers(team.replica, team.member, contactId) : [];
    },
  };
}

/**
 * Before Delete everything: sync turned off (after any running pass, so none writes into the
 * emptied stores) and the server's copy left as it is. Returns the server it synced with, if on.
 */
export async function turnOffSyncBeforeDeleting(db: Promise<TendDatabase>): Promise<string | undefined> {
  const sync = syncServiceFor(db, announceSync);
  const { state, server } = await sync.status();
  if (state === 'off') return undefined;
  await sync.turnOff();
  return server;
}

/** Run a pass on sync's alarm (registered synchronously at worker start, so the alarm that woke the worker is heard). */
export function watchSyncAlarm(db: Promise<TendDatabase>): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void syncServiceFor(db, announceSync).syncNow();
  });
}
