/** Keeping a notes' posting list in recency order (oldest first) as records are added out of order. */

/** At most this many postings out of order are put in place one by one; more, and the list is sorted. */
const INSERT_LIMIT = 32;

/**
 * Order `list[0, length)` by `isBefore`, knowing `list[0, ordered)` already is. A few late
 * postings (an edited old note) are each put in place with a binary search and one memmove; many
 * (a build reads notes in key order, not by time) sort the whole list once.
 */
export function restoreRecencyOrder(list: Int32Array, ordered: number, length: number, isBefore: (a: number, b: number) => boolean): void {
  if (length - ordered > INSERT_LIMIT) {
    list.subarray(0, length).sort((a, b) => (isBefore(a, b) ? -1 : isBefore(b, a) ? 1 : 0));
    return;
  }
  for (let i = ordered; i < length; i++) {
    const posting = list[i]!;
    let low = 0;
    let high = i;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (isBefore(list[middle]!, posting)) low = middle + 1;
      else high = middle;
    }
    list.copyWithin(low + 1, low, i);
    list[low] = posting;
  }
}
