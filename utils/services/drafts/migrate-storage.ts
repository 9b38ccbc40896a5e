/**
 * Move the drafts Tend kept per tab in chrome.storage.local (up to database v4) into the
 * database, once: each is removed from storage after it is stored, so a second run finds nothing.
 */
import type { TendDatabase } from '../../db/schema';
import type { DraftAbout } from '../../model/drafts';
import { loadLegacyTabDrafts, removeLegacyTabDraft, type LegacyTabDraft } from '../../storage/drafts';
import { getDraft, putDraft } from './drafts';
import { pageOfTab } from './page-of-tab';

/** Where an old tab's draft belongs now: its page, when the tab is still open or the draft names it. */
async function aboutOf(tabId: number, draft: LegacyTabDraft): Promise<DraftAbout> {
  const url = (await pageOfTab(tabId)) ?? draft.source?.url;
  // A tab gone with its page unknown (a restart renumbers tabs): the draft is kept under a key of
  // its own and listed on the options page, where the user can read it or throw it away.
  return { kind: draft.fromMenu ? 'menu' : 'page', url: url ?? `tend:earlier-tab-${tabId}` };
}

/** Move every old tab draft into the database; returns how many moved. */
export async function migrateStorageDrafts(db: TendDatabase, now: number): Promise<number> {
  let moved = 0;
  for (const [tabId, { fromMenu: _menu, ...draft }] of await loadLegacyTabDrafts()) {
    const about = await aboutOf(tabId, { fromMenu: _menu, ...draft });
    // A draft already in the database about the same page is newer: it is not replaced.
    if (!(await getDraft(db, about))) await putDraft(db, about, draft, now);
    await removeLegacyTabDraft(tabId);
    moved += 1;
  }
  return moved;
}
