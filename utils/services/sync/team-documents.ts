/**
 * What the team database holds (issue 18, "Two spaces"): every member reads every document of
 * it, so only what the team may see is ever written there. A person's card (names, addresses,
 * tags, stage, org and title: never "what matters", the cadence or the history), one `knows`
 * document per member and person (who on the team knows them, and when that member last talked
 * to them), and the notes and follow-ups their author chose to share, with that author.
 * Documents from the server are checked with these schemas before anything of them is applied.
 */
import { z } from 'zod';
import { Contact, EpochMs, FollowUp, Interaction, MAX_NAME } from '../../model/records';
import { MAX_DOCUMENT_CHARS, sameValue } from './documents';
import { hex } from './replicas';

/** The fields of a person the team sees. */
export const TeamCard = Contact.pick({
  id: true,
  displayName: true,
  identities: true,
  org: true,
  title: true,
  tags: true,
  stage: true,
  createdAt: true,
  updatedAt: true,
});
export type TeamCard = z.infer<typeof TeamCard>;

const Member = z.string().min(1).max(MAX_NAME);
/** A document of the team database, by kind. */
export const TeamDocument = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('card'), record: TeamCard }),
  z.object({ kind: z.literal('knows'), contactId: z.uuid(), member: Member, lastTalkedAt: EpochMs.optional() }),
  z.object({ kind: z.literal('entry'), record: Interaction, author: Member }),
  z.object({ kind: z.literal('followup'), record: FollowUp, author: Member }),
]);
export type TeamDocument = z.infer<typeof TeamDocument>;

/** The id of a person's card in the team database. */
export const cardDocId = (contactId: string) => `card:${contactId}`;
/** The id of "this member knows this person" (one per member and person, written by that member only). */
export const knowsDocId = (contactId: string, member: string) => `knows:${contactId}:${hex(member)}`;
/** The prefix of every `knows` document of a person. */
export const knowsPrefix = (contactId: string) => `knows:${contactId}:`;
/** The id of a shared entry or follow-up. */
export const sharedDocId = (kind: 'entry' | 'followup', id: string) => `${kind}:${id}`;

/** A person's card as the team sees it: the private fields left out. */
export function cardOf(contact: Contact): TeamCard {
  const { id, displayName, identities, org, title, tags, stage, createdAt, updatedAt } = contact;
  return {
    id,
    displayName,
    identities,
    tags,
    createdAt,
    updatedAt,
    ...(org !== undefined && { org }),
    ...(title !== undefined && { title }),
    ...(stage !== undefined && { stage }),
  };
}

/** What reading a team document gave: a document to apply, or a rejection. */
export type ReadTeamDocument = { ok: true; id: string; doc: TeamDocument } | { ok: false; reason: string };

/** Check a document of the team replica (anything a member or the server wrote) before it is applied or shown. */
export function readTeamDocument(doc: unknown): ReadTeamDocument {
  if (typeof doc !== 'object' || doc === null) return { ok: false, reason: 'not an object' };
  const id = (doc as { _id?: unknown })._id;
  if (typeof id !== 'string') return { ok: false, reason: 'no id' };
  if (JSON.stringify(doc).length > MAX_DOCUMENT_CHARS) return { ok: false, reason: 'too large' };
  const parsed = TeamDocument.safeParse(doc);
  if (!parsed.success) return { ok: false, reason: parsed.error.issues[0]?.message ?? 'invalid' };
  const expected =
    parsed.data.kind === 'knows'
      ? knowsDocId(parsed.data.contactId, parsed.data.member)
      : parsed.data.kind === 'card'
        ? cardDocId(parsed.data.record.id)
        : sharedDocId(parsed.data.kind, parsed.data.record.id);
  if (expected !== id) return { ok: false, reason: 'id does not match' };
  return { ok: true, id, doc: parsed.data };
}

/** True when a stored document already says what `next` says (its `_id` and `_rev` aside). */
export function sameTeamDocument(stored: object | undefined, next: TeamDocument): boolean {
  if (!stored) return false;
  const { _id, _rev, ...body } = stored as { _id?: string; _rev?: string };
  return sameValue(body, next);
}
