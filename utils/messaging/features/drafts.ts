/**
 * Page requests of drafts: text typed and not yet saved, kept by the worker (utils/services/drafts).
 * Merged into PageRequest in ../protocol.ts.
 */
import { z } from 'zod';
import { Draft, DraftAbout, DraftRecordSchema } from '../../model/drafts';

const tabId = z.number().int().nonnegative();

/** The page requests of drafts. */
export const draftsRequests = [
  z.object({ type: z.literal('getDraft'), about: DraftAbout }),
  /**
   * The draft of the note on a tab's page (`page`: the popup's; `menu`: "Log this interaction"
   * waiting): the worker knows the tab's address, and answers what the draft is about with it.
   */
  z.object({ type: z.literal('getTabDraft'), tabId, slot: z.enum(['page', 'menu']) }),
  /** Keep a draft (on every change, debounced, and when the page is hidden). */
  z.object({ type: z.literal('putDraft'), about: DraftAbout, draft: Draft }),
  /** Forget a draft; with `requestId`, only the draft of that note. */
  z.object({ type: z.literal('discardDraft'), about: DraftAbout, requestId: z.uuid().optional() }),
  /** Every draft, oldest first (the options page's "Unsaved drafts"). */
  z.object({ type: z.literal('listDrafts') }),
  z.object({ type: z.literal('purgeDrafts'), keys: z.array(z.string().max(4096)).max(10_000) }),
] as const;

/** What each of those requests answers with. */
export const draftsResults = {
  getDraft: DraftRecordSchema.nullable(),
  getTabDraft: z.object({ about: DraftAbout, record: DraftRecordSchema.nullable() }),
  putDraft: z.object({ kept: z.boolean() }),
  discardDraft: z.object({ discarded: z.literal(true) }),
  listDrafts: z.array(DraftRecordSchema),
  purgeDrafts: z.object({ purged: z.number().int().nonnegative() }),
} satisfies Record<string, z.ZodType>;
