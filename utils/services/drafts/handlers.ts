import type { TendDatabase } from '../../db/schema';
import type { ParsedPageRequest } from '../../messaging/protocol';
import type { DraftAbout } from '../../model/drafts';
import { discardDraft, getDraft, listDrafts, purgeDrafts, putDraft } from './drafts';
import { pageOfTab } from './page-of-tab';

type Request<T extends ParsedPageRequest['type']> = Extract<ParsedPageRequest, { type: T }>;

/** What a tab's page draft is about: its address, or one shared key for a page Tend cannot see. */
export async function tabDraftAbout(tabId: number, slot: 'page' | 'menu'): Promise<DraftAbout> {
  return { kind: slot, url: (await pageOfTab(tabId)) ?? 'tend:unknown-page' };
}

/** The worker's answers to the drafts requests. */
export function createDraftHandlers(db: Promise<TendDatabase>, clock: () => number) {
  return {
    getDraft: async ({ about }: Request<'getDraft'>) => (await getDraft(await db, about)) ?? null,
    getTabDraft: async ({ tabId, slot }: Request<'getTabDraft'>) => {
      const about = await tabDraftAbout(tabId, slot);
      return { about, record: (await getDraft(await db, about)) ?? null };
    },
    putDraft: async ({ about, draft }: Request<'putDraft'>) => ({ kept: await putDraft(await db, about, draft, clock()) }),
    discardDraft: async ({ about, requestId }: Request<'discardDraft'>) => {
      await discardDraft(await db, about, requestId);
      return { discarded: true as const };
    },
    listDrafts: async () => listDrafts(await db),
    purgeDrafts: async ({ keys }: Request<'purgeDrafts'>) => ({ purged: await purgeDrafts(await db, keys) }),
  };
}
