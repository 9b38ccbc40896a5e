import { getContact } from '../../db/contacts-repo';
import { countTimelineSince } from '../../db/interactions-repo';
import { readTx, type TendDatabase } from '../../db/schema';

/** The card's header facts: when they last interacted, and entries since `since` by kind. */
export async function contactFacts(db: TendDatabase, contactId: string, since: number) {
  const tx = readTx(db, ['contacts', 'timeline', 'interactions']);
  const contact = await getContact(tx, contactId);
  const counts = await countTimelineSince(tx, contactId, since);
  return {
    ...(contact?.lastInteractionAt !== undefined && { lastInteractionAt: contact.lastInteractionAt }),
    countsByKind: Object.fromEntries(counts),
  };
}
