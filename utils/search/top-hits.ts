/** Small helpers of the inverted index: growable typed arrays and a bounded best-first list. */

/** A typed array at least `needed` long (doubling keeps appends amortised O(1)). */
export function grown<T extends Int32Array | Uint32Array | Uint8Array | Float32Array | Float64Array>(array: T, needed: number): T {
  if (needed <= array.length) return array;
  const next = new (array.constructor as new (length: number) => T)(Math.max(needed, array.length * 2, 16));
  next.set(array);
  return next;
}

/** Ranked best-first list of at most `limit` hits; insertion keeps it sorted. */
export class TopHits {
  readonly docs: number[] = [];
  readonly scores: number[] = [];
  readonly recency: number[] = [];
  constructor(private readonly limit: number) {}

  offer(doc: number, score: number, recency: number): void {
    const n = this.docs.length;
    if (this.limit === 0) return;
    if (n === this.limit && !this.beats(score, recency, n - 1)) return;
    let at = n === this.limit ? n - 1 : n;
    while (at > 0 && this.beats(score, recency, at - 1)) at--;
    this.docs.splice(at, 0, doc);
    this.scores.splice(at, 0, score);
    this.recency.splice(at, 0, recency);
    if (this.docs.length > this.limit) {
      this.docs.pop();
      this.scores.pop();
      this.recency.pop();
    }
  }

  private beats(score: number, recency: number, index: number): boolean {
    const other = this.scores[index]!;
    return score > other || (score === other && recency > this.recency[index]!);
  }
}
