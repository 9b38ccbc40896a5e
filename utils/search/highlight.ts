/**
 * Where a query matches a text, as [start, end) ranges of the original string, and a short
 * excerpt of a long text around its first match. The page splits the text at these ranges into
 * text nodes and <mark> elements: no markup is ever built from the text.
 */
import { originalPrefixLength, tokenize } from './tokens';

/** A highlighted span: [start, end) in UTF-16 units of the text it belongs to. */
export type Range = [number, number];

/** Text with the parts that matched the query. */
export interface Highlighted {
  text: string;
  ranges: Range[];
}

/** The part of each word that a query word starts (the longest query word that fits), in order. */
export function matchRanges(text: string, terms: readonly string[]): Range[] {
  if (terms.length === 0) return [];
  const ranges: Range[] = [];
  for (const token of tokenize(text)) {
    let longest = 0;
    for (const term of terms) if (term.length > longest && token.term.startsWith(term)) longest = term.length;
    if (longest === 0) continue;
    const word = text.slice(token.start, token.end);
    ranges.push([token.start, token.start + originalPrefixLength(word, longest)]);
  }
  return ranges;
}

/** Highlight a whole (short) text. */
export function highlight(text: string, terms: readonly string[]): Highlighted {
  return { text, ranges: matchRanges(text, terms) };
}

const ELLIPSIS = '…';

/**
 * An excerpt of at most about `width` characters around the first match, cut at spaces, with
 * an ellipsis where text was left out; ranges shifted to the excerpt. Line breaks become spaces.
 */
export function excerpt(text: string, terms: readonly string[], width = 160): Highlighted {
  const flat = text.replace(/\s+/g, ' ');
  const ranges = matchRanges(flat, terms);
  if (flat.length <= width) return { text: flat, ranges };
  const first = ranges[0]?.[0] ?? 0;
  // A little context before the match, so the excerpt reads as a sentence.
  let start = Math.max(0, first - Math.floor(width / 4));
  if (start > 0) {
    const space = flat.indexOf(' ', start);
    start = space >= 0 && space < first ? space + 1 : start;
    while (flat[start] === ' ') start++;
  }
  let end = Math.min(flat.length, start + width);
  if (end < flat.length) {
    const space = flat.lastIndexOf(' ', end);
    if (space > start && space > (ranges[0]?.[1] ?? start)) end = space;
  }
  const lead = start > 0 ? ELLIPSIS : '';
  const tail = end < flat.length ? ELLIPSIS : '';
  const shift = lead.length - start;
  const shown = ranges.filter(([from, to]) => from >= start && to <= end).map(([from, to]): Range => [from + shift, to + shift]);
  return { text: `${lead}${flat.slice(start, end)}${tail}`, ranges: shown };
}
