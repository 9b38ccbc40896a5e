/**
 * Page requests of a person's card fields typed in drafts (issue 15): merged into PageRequest in
 * ../protocol.ts. The plain `updateContact` stays for edits that are not typed (the stage list).
 */
import { z } from 'zod';
import { DraftAbout } from '../../model/drafts';
import { Contact, ContactPatch, MAX_NOTE } from '../../model/records';

/** The card field requests. */
export const cardFieldRequests = [
  /**
   * Save a field typed on the card. `base`: the "What matters" text the editor started from (a
   * different stored text was saved elsewhere meanwhile and is kept in the history). `draft`: the
   * draft it was typed in, removed with the save while it still holds `text`.
   */
  z.object({
    type: z.literal('saveCardField'),
    contactId: z.uuid(),
    patch: ContactPatch,
    base: z.string().max(MAX_NOTE).optional(),
    draft: z.object({ about: DraftAbout, text: z.string().max(MAX_NOTE) }).optional(),
  }),
] as const;

/** What each card field request answers with. */
export const cardFieldResults = {
  saveCardField: z.object({ contact: Contact, keptEarlier: z.boolean() }),
} satisfies Record<string, z.ZodType>;
