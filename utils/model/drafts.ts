/**
 * Drafts: text a user typed and has not saved yet, kept by the worker in IndexedDB (database v5,
 * `drafts` store), keyed by what the text is about, never by a tab (tab ids change after a restart).
 */
import { z } from 'zod';
import { Experience, LoggableKind, MAX_NAME, MAX_NOTE, MAX_URL, Source } from './records';

/** A draft untouched for this long is stale: the options page offers to delete it. */
export const STALE_DRAFT_MS = 7 * 86_400_000;

const contactId = z.uuid();
/** A card field whose text is kept as a draft while it is typed. */
export const DraftField = z.enum(['whatMatters', 'displayName', 'org', 'title', 'tags', 'cadenceDays']);
export type DraftField = z.infer<typeof DraftField>;

/** What a draft is about: where the same text is shown again. */
export const DraftAbout = z.discriminatedUnion('kind', [
  /** The popup's note on a page (its URL). */
  z.object({ kind: z.literal('page'), url: z.string().max(MAX_URL) }),
  /** "Log this interaction" waiting in the side panel for the user to pick people (the page's URL). */
  z.object({ kind: z.literal('menu'), url: z.string().max(MAX_URL) }),
  /** The note composer under a person's card. */
  z.object({ kind: z.literal('person'), contactId }),
  /** One field of a person's card. */
  z.object({ kind: z.literal('field'), contactId, field: DraftField }),
  /** An edit of a history entry. */
  z.object({ kind: z.literal('entry'), interactionId: z.uuid() }),
  /** A new follow-up being written for a person (`entryId`: "Follow up on this" under that entry). */
  z.object({ kind: z.literal('newFollowUp'), contactId, entryId: z.uuid().optional() }),
  /** An edit of a follow-up. */
  z.object({ kind: z.literal('followUp'), followUpId: z.uuid() }),
]);
export type DraftAbout = z.infer<typeof DraftAbout>;

/** The follow-up a quick note may carry: the ticked box, its text and due time (as typed). */
export const DraftFollowUp = z.object({
  wanted: z.boolean(),
  text: z.string().max(MAX_NOTE),
  /** The due field's value (`YYYY-MM-DDTHH:mm`, local time), kept as typed. */
  due: z.string().max(32),
  pastConfirmed: z.boolean(),
});
export type DraftFollowUp = z.infer<typeof DraftFollowUp>;

/** A person the page only listed (not saved), as its row names them: saved only with the note. */
export const ListedPerson = z.object({
  displayName: z.string().trim().max(MAX_NAME).optional(),
  email: z.string().trim().max(254).optional(),
  profileUrl: z.string().trim().max(MAX_URL).optional(),
});
export type ListedPerson = z.infer<typeof ListedPerson>;

/** The text being written and whatever goes with it; every part but the text is optional. */
export const Draft = z.object({
  text: z.string().max(MAX_NOTE),
  kind: LoggableKind.optional(),
  experience: Experience.optional(),
  contactIds: z.array(contactId).max(50).optional(),
  /** People the tab only listed, chosen for the note: saved in the transaction that saves it, not before. */
  listed: z.array(ListedPerson).max(50).optional(),
  /** True once the user changed who the note is for: the page's people no longer replace them. */
  peopleChosen: z.boolean().optional(),
  /** Kept until the save succeeds, so a retry logs once; a draft whose request was logged is gone. */
  requestId: z.uuid().optional(),
  /** The page the note is about, when it came from "Log this interaction". */
  source: Source.optional(),
  /** "When was it?" as typed (`YYYY-MM-DDTHH:mm`, local time); absent means now. */
  when: z.string().max(32).optional(),
  followUp: DraftFollowUp.optional(),
  /**
   * A card field's draft: the stored text the edit started from. When the field holds another text
   * by the time this one is saved, someone else saved meanwhile (see saveCardField).
   */
  base: z.string().max(MAX_NOTE).optional(),
});
export type Draft = z.infer<typeof Draft>;

/** One row of the `drafts` store. */
export interface DraftRecord {
  /** draftKey(about): one draft per thing. */
  key: string;
  about: DraftAbout;
  draft: Draft;
  updatedAt: number;
}
export const DraftRecordSchema = z.object({ key: z.string(), about: DraftAbout, draft: Draft, updatedAt: z.number().int().nonnegative() });

/** The store key of what a draft is about. */
export function draftKey(about: DraftAbout): string {
  switch (about.kind) {
    case 'page':
    case 'menu':
      return `${about.kind}:${about.url}`;
    case 'person':
      return `person:${about.contactId}`;
    case 'field':
      return `field:${about.contactId}:${about.field}`;
    case 'entry':
      return `entry:${about.interactionId}`;
    case 'newFollowUp':
      return `newFollowUp:${about.contactId}${about.entryId ? `:${about.entryId}` : ''}`;
    case 'followUp':
      return `followUp:${about.followUpId}`;
  }
}

/** The person a draft is about, when it is about one (deleting them deletes it). */
export function draftPerson(about: DraftAbout): string | undefined {
  return 'contactId' in about ? about.contactId : undefined;
}

/** True when a draft holds nothing the user wrote (nothing worth keeping). */
export function isEmptyDraft(draft: Draft): boolean {
  return draft.text.trim() === '' && !(draft.followUp?.wanted && draft.followUp.text.trim() !== '');
}
