import { getContact } from '../../db/contacts-repo';
import { listFollowUpsOf } from '../../db/followups-repo';
import { countTimelineSince } from '../../db/interactions-repo';
import { readTx, type TendDatabase } from '../../db/schema';

/** The card's header facts: when they last interacted, entries since `since` by kind, open follow-ups. */
export async function contactFacts(db: TendDatabase, contactId: string, since: number) {
  const tx = readTx(db, ['contacts', 'timeline', 'interactions', 'followUps']);
  const contact = await getContact(tx, contactId);
  const counts = await countTimelineSince(tx, contactId, since);
  const followUps = await listFollowUpsOf(tx, contactId);
  return {
    ...(contact?.lastInteractionAt !== undefined && { lastInteractionAt: contact.lastInteractionAt }),
    countsByKind: Object.fromEntries(counts),
    openFollowUps: followUps.filter((followUp) => !followUp.done).length,
  };
}
