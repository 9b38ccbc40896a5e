/**
 * The search index's per-query scratch arrays, kept between queries only through a WeakRef: a
 * keystroke reuses the last one's arrays (allocating ~2 MB per keystroke cost more in garbage
 * collection than the query), and a garbage collection between bursts of typing frees them, so
 * they are no part of what the index holds (issue 17: 17 bytes a record held for good).
 *
 * Nothing here needs clearing: the docs a query has met are a sparse set, `slot[doc]` their place
 * in `docs`, valid only where `docs[slot[doc]] === doc`, whatever the arrays held before.
 */
import { grown } from './top-hits';

/** One query's arrays: a doc's place among the docs met, and per place its doc and scores. */
export class QueryScratch {
  slot = new Int32Array(0);
  docs = new Int32Array(0);
  matchedWords = new Uint8Array(0);
  score = new Float32Array(0);
  bestForWord = new Float32Array(0);
  /** How many docs the query has met (the set's size). */
  size = 0;

  /** True when `doc` is in the set. */
  has(doc: number): boolean {
    const at = this.slot[doc]!;
    return at < this.size && this.docs[at] === doc;
  }

  /** Put `doc` in the set (not already in it); its place. */
  put(doc: number): number {
    const at = this.size++;
    this.slot[doc] = at;
    this.docs[at] = doc;
    return at;
  }
}

let kept: WeakRef<QueryScratch> | undefined;

/** Scratch for a query over docs below `docCount` meeting at most `capacity` of them, emptied. */
export function queryScratch(docCount: number, capacity: number): QueryScratch {
  const scratch = kept?.deref() ?? new QueryScratch();
  kept = new WeakRef(scratch);
  scratch.slot = grown(scratch.slot, docCount);
  scratch.docs = grown(scratch.docs, capacity);
  scratch.matchedWords = grown(scratch.matchedWords, capacity);
  scratch.score = grown(scratch.score, capacity);
  scratch.bestForWord = grown(scratch.bestForWord, capacity);
  scratch.size = 0;
  return scratch;
}
