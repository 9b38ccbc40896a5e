/**
 * Words as the search index sees them: runs of letters and digits, lower-cased, accents folded
 * ("José" is found by "jose"), each with its place in the original text so matches can be marked.
 */

/** Longer words are cut: nobody types 65 letters to find one, and hostile text stays cheap. */
export const MAX_TERM = 64;
/** A query's words beyond this many are ignored (every word must match, so more only narrows). */
export const MAX_QUERY_TERMS = 8;

// Letters, combining marks and digits: a word may carry its accents as separate code points.
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const MARKS = /\p{M}+/gu;
const NOT_ASCII = /[^\x00-\x7f]/;

/** One word of a text: its folded form and where it sits in the original string. */
export interface Token {
  term: string;
  start: number;
  end: number;
}

/** Fold one word: lower case without accents. Plain ASCII skips Unicode normalisation (most words). */
export function foldWord(word: string): string {
  const folded = NOT_ASCII.test(word) ? word.normalize('NFD').replace(MARKS, '').toLowerCase() : word.toLowerCase();
  return folded.length > MAX_TERM ? folded.slice(0, MAX_TERM) : folded;
}

/** Every word of a text, in order. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const term = foldWord(match[0]);
    // A run of combining marks alone folds to nothing.
    if (term) tokens.push({ term, start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

/** The distinct folded words of a text (what the index stores for it). */
export function termsOf(text: string): string[] {
  const terms = new Set<string>();
  for (const match of text.matchAll(WORD)) {
    const term = foldWord(match[0]);
    if (term) terms.add(term);
  }
  return [...terms];
}

/** The words of a query, each matched as a word prefix; duplicates dropped, at most MAX_QUERY_TERMS. */
export function queryTerms(query: string): string[] {
  return termsOf(query.slice(0, 1000)).slice(0, MAX_QUERY_TERMS);
}

/**
 * How many UTF-16 units of `word` (original text) make up the first `foldedLength` units of its
 * folded form: the part of a word a prefix match covers, accents included.
 */
export function originalPrefixLength(word: string, foldedLength: number): number {
  if (!NOT_ASCII.test(word)) return Math.min(foldedLength, word.length);
  let folded = 0;
  let index = 0;
  for (const char of word) {
    if (folded >= foldedLength) {
      // Combining marks after the last matched letter belong to it.
      if (/^\p{M}$/u.test(char)) {
        index += char.length;
        continue;
      }
      break;
    }
    folded += foldWord(char).length;
    index += char.length;
  }
  return index;
}
