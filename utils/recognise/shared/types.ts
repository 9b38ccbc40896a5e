import type { Candidate } from '../../model/records';
import type { SiteId } from '../../sites';
import type { CalendarEventRef } from '../calendar/event-ref';

/** A conversation the people were seen in (a mail thread), used to record one sighting per day. */
export interface ThreadRef {
  /** Stable id of the thread on its site, or its subject when the site shows none. */
  key: string;
  subject: string;
}

/** What a recogniser found on a page. */
export interface PageFindings {
  people: Candidate[];
  /** The signed-in account's addresses, read from the site's account area only (never from mail). */
  self: string[];
  thread?: ThreadRef;
  /** The calendar event open on the page (a calendar site's event popup or page). */
  event?: CalendarEventRef;
  /** The page showed more people than the recogniser keeps from one scan; these are the first. */
  truncated?: boolean;
}

/**
 * One recogniser per site: pure, DOM in and candidates out, never throws on odd markup. It knows
 * nothing of transport: the content script hands its findings on (utils/content/page-watcher.ts).
 */
export interface Recogniser<Id extends SiteId = SiteId> {
  /** The id of its site's descriptor (utils/sites). */
  id: Id;
  /**
   * Optional: the pages it reads people from, when its site's match patterns say too much (a
   * profile site's recogniser reads only profile pages). Without it, `readsPage` in
   * utils/recognise/registry.ts goes by the patterns. Content scripts never call it.
   */
  matches?(url: URL): boolean;
  find(doc: Document, url: URL): PageFindings;
  /**
   * Optional: update the last findings from subtrees added to the page since then, at a cost that
   * scales with the added nodes rather than the page. Returns undefined when only a full `find`
   * can tell (e.g. the view changed to another thread).
   */
  findInAdded?(added: readonly Element[], previous: PageFindings, doc: Document, url: URL): PageFindings | undefined;
  /** Optional, with findInAdded: true when a removed element may have taken a person off the page. */
  removalMatters?(removed: Element): boolean;
  /**
   * Optional: the same result as `find`, computed in slices. The generator yields between slices
   * so the content script can hand the main thread back on huge pages (no task over ~50 ms).
   */
  findInSlices?(doc: Document, url: URL): Generator<void, PageFindings, void>;
}

export const NO_FINDINGS: PageFindings = Object.freeze({ people: [], self: [] }) as PageFindings;
