import { getContact } from '../../db/contacts-repo';
import { listAllFollowUps, listFollowUpsOf } from '../../db/followups-repo';
import { getInteraction } from '../../db/interactions-repo';
import { readTx, type TendDatabase } from '../../db/schema';
import { broadcast } from '../../messaging/client';
import type { FollowUpItem } from '../../messaging/features/followups';
import type { ParsedPageRequest } from '../../messaging/protocol';
import type { Contact, FollowUp, Settings } from '../../model/records';
import { loadSettings } from '../settings/settings';
import { cadenceStatus, driftingPeople } from './cadence';
import { createFollowUp, setFollowUpDone, snoozeFollowUp } from './writes';
import { deleteFollowUp, editFollowUp, restoreFollowUp } from './edit';
import { groupFollowUps } from './schedule';
import { relationshipOverview } from '../overview/overview';
import { rosterOf } from '../people-list/roster';

type Request<T extends ParsedPageRequest['type']> = Extract<ParsedPageRequest, { type: T }>;

/** How many done follow-ups the lists keep showing (with undo). */
const DONE_SHOWN = 30;
const SUMMARY_LENGTH = 120;

/** Follow-ups with their person's name, entry and cadence; those of people no longer in Tend are left out. */
async function withDetails(db: TendDatabase, followUps: FollowUp[], settings: Settings, now: number): Promise<FollowUpItem[]> {
  const tx = readTx(db, ['contacts', 'interactions']);
  const people = new Map<string, Contact | undefined>();
  for (const id of new Set(followUps.map((f) => f.contactId))) people.set(id, await getContact(tx, id));
  const items: FollowUpItem[] = [];
  for (const followUp of followUps) {
    const contact = people.get(followUp.contactId);
    if (!contact) continue;
    const entry = followUp.entryId ? await getInteraction(tx, followUp.entryId) : undefined;
    const cadence = cadenceStatus(contact, settings, now)?.level;
    items.push({
      ...followUp,
      contactName: contact.displayName,
      ...(entry && { entrySummary: entry.summary.slice(0, SUMMARY_LENGTH) }),
      ...(cadence && { cadence }),
    });
  }
  return items;
}

async function grouped(db: TendDatabase, followUps: FollowUp[], now: number) {
  const groups = groupFollowUps(await withDetails(db, followUps, await loadSettings(db), now), now);
  return { ...groups, done: groups.done.slice(0, DONE_SHOWN) };
}

/** Handlers of the followups feature's page requests (see utils/messaging/features/followups.ts). */
export function createFollowUpHandlers(db: Promise<TendDatabase>, clock: () => number) {
  return {
    createFollowUp: async ({ type: _type, ...input }: Request<'createFollowUp'>) => createFollowUp(await db, input, clock()),
    editFollowUp: async ({ followUpId, text, due, confirmPast }: Request<'editFollowUp'>) =>
      editFollowUp(await db, followUpId, { text, due, confirmPast }, clock()),
    async deleteFollowUp({ followUpId }: Request<'deleteFollowUp'>) {
      const removed = await deleteFollowUp(await db, followUpId);
      // The commit names a deleted follow-up by its id only, not its person: their pages are told here.
      if (removed) await broadcast({ type: 'changed', contactIds: [removed.contactId] });
      return removed;
    },
    restoreFollowUp: async ({ followUp }: Request<'restoreFollowUp'>) => restoreFollowUp(await db, followUp),
    setFollowUpDone: async ({ followUpId, done }: Request<'setFollowUpDone'>) => setFollowUpDone(await db, followUpId, done, clock()),
    snoozeFollowUp: async ({ followUpId, snooze }: Request<'snoozeFollowUp'>) => snoozeFollowUp(await db, followUpId, snooze, clock()),
    listFollowUps: async () => grouped(await db, await listAllFollowUps(readTx(await db, ['followUps'])), clock()),
    listContactFollowUps: async ({ contactId }: Request<'listContactFollowUps'>) =>
      grouped(await db, await listFollowUpsOf(readTx(await db, ['followUps']), contactId), clock()),
    async getCadences({ contactIds }: Request<'getCadences'>) {
      const settings = await loadSettings(await db);
      const tx = readTx(await db, ['contacts']);
      const now = clock();
      const entries = await Promise.all(contactIds.map(async (id) => [id, await getContact(tx, id)] as const));
      return Object.fromEntries(
        entries.flatMap(([id, contact]) => {
          const status = contact && cadenceStatus(contact, settings, now);
          return status ? [[id, status]] : [];
        }),
      );
    },
    async listDrifting({ limit }: Request<'listDrifting'>) {
      const settings = await loadSettings(await db);
      // The roster (people-list/roster.ts) is kept current by the commit path: no person is read.
      const people = [...(await rosterOf(await db)).rows.values()];
      return driftingPeople(people, settings, clock())
        .slice(0, limit)
        .map(({ contact, status }) => ({ id: contact.id, displayName: contact.displayName, status }));
    },
    getOverview: async ({ period }: Request<'getOverview'>) => relationshipOverview(await db, await loadSettings(await db), period, clock()),
  };
}
