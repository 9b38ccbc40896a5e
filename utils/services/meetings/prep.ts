import { getContact } from '../../db/contacts-repo';
import { listFollowUpsOf } from '../../db/followups-repo';
import { hasDedupeKey } from '../../db/interactions-repo';
import { readTx, type TendDatabase } from '../../db/schema';
import type { GuestPrep } from '../../messaging/features/meetings';
import type { TabPeople } from '../../model/records';
import { meetingDedupeKey } from './log-meeting';

/** Open follow-ups shown per guest; the card has the rest. */
const FOLLOW_UPS_PER_GUEST = 3;

/** Meeting prep for the saved guests of a tab's event: what matters to each, their open follow-ups, whether it is logged. */
export async function meetingPrep(db: TendDatabase, tab: TabPeople): Promise<GuestPrep[]> {
  const event = tab.event;
  if (!event) return [];
  const tx = readTx(db, ['contacts', 'followUps', 'interactions']);
  const guests: GuestPrep[] = [];
  for (const person of tab.people) {
    if (!person.contactId || person.mailbox) continue;
    const contact = await getContact(tx, person.contactId);
    if (!contact) continue;
    const open = (await listFollowUpsOf(tx, contact.id)).filter((followUp) => !followUp.done).sort((a, b) => a.due - b.due);
    guests.push({
      contactId: contact.id,
      ...(contact.whatMatters && { whatMatters: contact.whatMatters }),
      followUps: open.slice(0, FOLLOW_UPS_PER_GUEST).map(({ id, text, due }) => ({ id, text, due })),
      openFollowUps: open.length,
      logged: await hasDedupeKey(tx, meetingDedupeKey(event.key, contact.id)),
    });
  }
  return guests;
}
