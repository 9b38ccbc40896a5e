/** Small helpers of the inverted index: growable typed arrays and a bounded best-first list. */

/**
 * A typed array at least `needed` long, grown by `spare` or more (doubling by default keeps
 * appends amortised O(1); any fixed share of the length does too, with more copies).
 */
export function grown<T extends Int32Array | Uint32Array | Uint8Array | Float32Array | Float64Array>(array: T, needed: number, spare = array.length): T {
  if (needed <= array.length) return array;
  const next = new (array.constructor as new (length: number) => T)(Math.max(needed, array.length + spare, 16));
  next.set(array);
  return next;
}

/**
 * The best `limit` hits of many offered: a min-heap of the kept ones, worst at the root, so a hit
 * that does not beat the worst kept is one comparison and one that does costs O(log limit). (A
 * sorted list took an insertion per accepted hit: offered in doc order, which is oldest first, a
 * one-letter query's equal scores were each newer than the last kept and each shifted the list,
 * ~100k times; issue 17's p95 keystroke.)
 */
export class TopHits {
  private readonly heapDocs: number[] = [];
  private readonly heapScores: number[] = [];
  private readonly heapRecency: number[] = [];
  constructor(private readonly limit: number) {}

  /** Keep the hit if it is among the best `limit` so far (higher score, then more recent, wins). */
  offer(doc: number, score: number, recency: number): void {
    const n = this.heapDocs.length;
    if (this.limit === 0) return;
    if (n < this.limit) {
      this.heapDocs.push(doc);
      this.heapScores.push(score);
      this.heapRecency.push(recency);
      this.siftUp(n);
    } else if (this.beats(score, recency, 0)) {
      this.heapDocs[0] = doc;
      this.heapScores[0] = score;
      this.heapRecency[0] = recency;
      this.siftDown(0);
    }
  }

  /** The kept hits best first: their docs and scores, in the same order. */
  ranked(): { docs: number[]; scores: number[] } {
    const order = this.heapDocs.map((_, i) => i).sort((a, b) => (this.beatsAt(a, b) ? -1 : this.beatsAt(b, a) ? 1 : 0));
    return { docs: order.map((i) => this.heapDocs[i]!), scores: order.map((i) => this.heapScores[i]!) };
  }

  private beats(score: number, recency: number, index: number): boolean {
    const other = this.heapScores[index]!;
    return score > other || (score === other && recency > this.heapRecency[index]!);
  }

  private beatsAt(a: number, b: number): boolean {
    return this.beats(this.heapScores[a]!, this.heapRecency[a]!, b);
  }

  private siftUp(at: number): void {
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!this.beatsAt(parent, at)) return;
      this.swap(at, parent);
      at = parent;
    }
  }

  private siftDown(at: number): void {
    const n = this.heapDocs.length;
    for (;;) {
      const left = 2 * at + 1;
      const right = left + 1;
      let worst = at;
      if (left < n && this.beatsAt(worst, left)) worst = left;
      if (right < n && this.beatsAt(worst, right)) worst = right;
      if (worst === at) return;
      this.swap(at, worst);
      at = worst;
    }
  }

  private swap(a: number, b: number): void {
    for (const list of [this.heapDocs, this.heapScores, this.heapRecency]) [list[a], list[b]] = [list[b]!, list[a]!];
  }
}

/**
 * The room to add to a per-record array (the index's docs, the id table) when it grows: a
 * thirty-second (at least 1,024 records). Doubling left a packed index of 110k records 3 MB bigger
 * after its first write (issue 17), for as long as it is not packed again, and saves no longer
 * pack; an eighth still left 0.38 MB unused. A growth copies the arrays (about 3 MB at 110k
 * records, a millisecond) once per 3,500 records added.
 */
export const recordSpare = (length: number): number => Math.max(1024, length >>> 5);
