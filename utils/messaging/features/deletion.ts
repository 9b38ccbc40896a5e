/**
 * Page requests of deleting a person: schemas and result schemas, merged into PageRequest in
 * ../protocol.ts. See utils/services/people/delete.ts.
 */
import { z } from 'zod';
import { Contact } from '../../model/records';

const contactId = z.uuid();
const tabIds = z.array(z.number().int().nonnegative());

/** The page requests of deleting a person and undoing it. */
export const deletionRequests = [
  /** Delete a person, their identities, follow-ups and timeline links (shared entries stay for the others). */
  z.object({ type: z.literal('deletePerson'), contactId, neverRecord: z.boolean().default(false), confirmed: z.literal(true) }),
  /** Bring back the person deleted last (for a while after the delete). */
  z.object({ type: z.literal('undoDeletePerson'), contactId }),
  /** The newest delete that can still be undone (a panel opened since offers its undo), or null. */
  z.object({ type: z.literal('lastDeletedPerson') }),
] as const;

/** What each of those requests answers with. */
export const deletionResults = {
  deletePerson: z.object({ contactId, displayName: z.string(), neverRecorded: z.array(z.string()), tabIds }),
  undoDeletePerson: z.object({ contact: Contact, identitiesKept: z.array(z.string()), tabIds }),
  lastDeletedPerson: z.object({ contactId, displayName: z.string(), neverRecorded: z.boolean(), deletedAt: z.number() }).nullable(),
} satisfies Record<string, z.ZodType>;
