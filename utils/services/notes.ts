import { newId } from '../ids';
import { getContact, putContact } from '../db/contacts-repo';
import { addInteraction } from '../db/interactions-repo';
import { writeTx, type TendDatabase } from '../db/schema';
import { TendError } from '../errors';
import type { Interaction } from '../model';

/** Add a note to a person's history; it also counts as an interaction for "last talked". */
export async function addNote(db: TendDatabase, contactId: string, text: string, now: number): Promise<Interaction> {
  const tx = writeTx(db, ['contacts', 'interactions', 'timeline']);
  const contact = await getContact(tx, contactId);
  if (!contact) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new TendError('not-found', 'That person is no longer in Tend.');
  }
  const note: Interaction = { id: newId(now), contactIds: [contactId], kind: 'note', at: now, summary: text, createdAt: now };
  await addInteraction(tx, note);
  await putContact(tx, { ...contact, lastInteractionAt: now, updatedAt: now });
  await tx.done;
  return note;
}
