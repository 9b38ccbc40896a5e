import type { SiteId } from '../../sites';
import type { PageFindings, Recogniser } from '../shared/types';

/** Raw addresses and names a memo keeps normalised between scans, at most (a long day's calendar sees a few hundred). */
export const MAX_NORMALISED = 5000;

/** What a memo per document offers: its findings now, and an end to its watching. */
export interface DocumentMemo {
  find(url: URL): PageFindings;
  disconnect(): void;
}

/** A calendar recogniser with a memory of its own: each document it scans is watched, and read again only where it changed. */
export interface MemoRecogniser<Id extends SiteId> extends Recogniser<Id> {
  /** Stop watching a document and forget what was read of it. */
  forget(doc: Document): void;
}

/**
 * A recogniser that keeps one memo per document it scans (`memoOf` makes it; its findings equal
 * the site's full scan). The content scripts and the dom tests have a MutationObserver to watch with.
 */
export function memoRecogniser<Id extends SiteId>(id: Id, memoOf: (doc: Document) => DocumentMemo): MemoRecogniser<Id> {
  const memos = new WeakMap<Document, DocumentMemo>();
  return {
    id,
    find(doc, url) {
      let memo = memos.get(doc);
      if (!memo) memos.set(doc, (memo = memoOf(doc)));
      return memo.find(url);
    },
    forget(doc) {
      memos.get(doc)?.disconnect();
      memos.delete(doc);
    },
  };
}
