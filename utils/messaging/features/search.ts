/**
 * Page requests of the search feature: schemas and result schemas, merged into PageRequest in
 * ../protocol.ts. The feature's owner adds requests here without touching the core protocol.
 */
import { z } from 'zod';
import { Contact, InteractionKind, MAX_NAME } from '../../model/records';

const contactId = z.uuid();
/** [start, end) of a match in UTF-16 units of the text it belongs to. */
const MatchRange = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]);
/** Text with the parts that matched: the page renders the parts as <mark> elements, as text. */
export const HighlightedText = z.object({ text: z.string(), ranges: z.array(MatchRange) });
export type HighlightedText = z.infer<typeof HighlightedText>;

/** Which of a person's fields matched, besides the name. */
export const PersonField = z.enum(['address', 'organisation', 'title', 'tag', 'whatMatters']);
export type PersonField = z.infer<typeof PersonField>;

/** A person found: their record, the name highlighted, and the other fields that matched. */
export const PersonHit = z.object({
  contact: Contact,
  name: HighlightedText,
  /** The other fields that matched (at most a few), highlighted. */
  matched: z.array(z.object({ field: PersonField, value: HighlightedText })),
});
export type PersonHit = z.infer<typeof PersonHit>;

/** A timeline entry found (note, logged interaction, thread seen), with an excerpt around the match. */
export const NoteHit = z.object({
  id: z.uuid(),
  kind: InteractionKind,
  at: z.number(),
  /** The people the entry is about, first one opened by Enter. */
  people: z.array(z.object({ id: contactId, displayName: z.string() })),
  /** The entry's text around its first match. */
  excerpt: HighlightedText,
});
export type NoteHit = z.infer<typeof NoteHit>;

/** One search's answer: people and notes, best first, grouped. */
export const SearchResult = z.object({
  query: z.string(),
  people: z.array(PersonHit),
  notes: z.array(NoteHit),
  /** How many matched before the limits. */
  peopleTotal: z.number().int().nonnegative(),
  /** Notes are counted up to a cap (1,000): notesCapped says more matched. */
  notesTotal: z.number().int().nonnegative(),
  notesCapped: z.boolean(),
  /** False for a query too short to search notes (one letter): people only, and the view says so. */
  notesSearched: z.boolean(),
});
export type SearchResult = z.infer<typeof SearchResult>;

/** Why two people may be one: the same name, the same profile link, addresses reaching one mailbox. */
export const DuplicateRule = z.enum(['same-name', 'same-profile', 'same-mailbox']);
export type DuplicateRule = z.infer<typeof DuplicateRule>;

/** Two people who may be one, and why Tend thinks so (the user decides: never merged automatically). */
export const DuplicatePair = z.object({
  first: Contact,
  second: Contact,
  reasons: z.array(z.object({ rule: DuplicateRule, text: z.string() })).min(1),
});
export type DuplicatePair = z.infer<typeof DuplicatePair>;

/** A merge done: its id (for undo) and the person as they are now. */
export const MergeOutcome = z.object({ mergeId: z.uuid(), contact: Contact });
export type MergeOutcome = z.infer<typeof MergeOutcome>;

/** A merge that can still be undone. */
export const RecentMerge = z.object({
  mergeId: z.uuid(),
  at: z.number(),
  keptId: contactId,
  keptName: z.string(),
  mergedName: z.string(),
  /** The merged person's addresses and profile links, to tell two people of one name apart. */
  mergedIdentities: z.array(z.string()),
});
export type RecentMerge = z.infer<typeof RecentMerge>;

/** The search feature's page requests. */
export const searchRequests = [
  /**
   * People and notes matching every word of the query (each word a prefix), best first. An
   * empty query answers nothing but builds the index, so the Search view asks it on opening.
   */
  z.object({
    type: z.literal('search'),
    query: z.string().max(MAX_NAME),
    peopleLimit: z.number().int().min(0).max(50).default(8),
    notesLimit: z.number().int().min(0).max(100).default(20),
  }),
  /** Pairs of people who may be the same person, with the reasons. */
  z.object({ type: z.literal('findDuplicates'), limit: z.number().int().min(1).max(100).default(20) }),
  /** Merge `mergeId` into `keepId`: every identity, entry and follow-up moves; recorded for undo. */
  z.object({ type: z.literal('mergeContacts'), keepId: contactId, mergeId: contactId }),
  /** Undo a recorded merge: the merged person comes back with what was theirs. */
  z.object({ type: z.literal('undoMerge'), mergeId: z.uuid() }),
  /** Merges that can still be undone, newest first. */
  z.object({ type: z.literal('recentMerges'), limit: z.number().int().min(1).max(50).default(5) }),
] as const;

/** What each of the search feature's requests answers with. */
export const searchResults = {
  search: SearchResult,
  findDuplicates: z.array(DuplicatePair),
  mergeContacts: MergeOutcome,
  undoMerge: z.object({ kept: Contact, restored: Contact }),
  recentMerges: z.array(RecentMerge),
} satisfies Record<string, z.ZodType>;
