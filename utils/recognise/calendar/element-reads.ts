/**
 * What an incremental calendar scan read of each element (a guest row, a persona), kept while
 * the element lives, and the elements the MutationObserver's records touched since: those that
 * were read are read again at the next scan, the rest cost nothing. Shared by the Google and
 * Outlook memos (google-memo.ts, outlook-memo.ts), each with its own read.
 */
export class ElementReads<T> {
  #reads = new WeakMap<Element, T>();
  readonly #touched = new Set<Element>();
  #changed = false;
  readonly #read: (element: Element) => T;
  readonly #same: (a: T, b: T) => boolean;

  constructor(read: (element: Element) => T, same: (a: T, b: T) => boolean) {
    this.#read = read;
    this.#same = same;
  }

  /** The element as read before, else read now. */
  get(element: Element): T {
    let read = this.#reads.get(element);
    if (read === undefined) this.#reads.set(element, (read = this.#read(element)));
    return read;
  }

  /** `element` and every element around it that `selector` matches may read differently now. */
  touchAround(element: Element, selector: string): void {
    for (let around = element.closest(selector); around; around = around.parentElement?.closest(selector) ?? null) this.#touched.add(around);
  }

  /** Elements put (back) into the page are read afresh: nothing watched them while they were out of it. */
  forgetIn(element: Element, selector: string): void {
    if (element.matches(selector)) this.#reads.delete(element);
    for (const inside of element.querySelectorAll(selector)) this.#reads.delete(inside);
  }

  /**
   * Read again the touched elements read so far; true when one of them reads differently (also
   * when that was found by a call that then threw: its elements stay touched, the change is kept).
   */
  rereadTouched(): boolean {
    for (const element of this.#touched) {
      const before = this.#reads.get(element);
      if (before === undefined) continue; // Never read: it is read when a scan first needs it.
      const after = this.#read(element);
      this.#reads.set(element, after);
      if (!this.#same(before, after)) this.#changed = true;
    }
    this.#touched.clear();
    const changed = this.#changed;
    this.#changed = false;
    return changed;
  }

  /** Forget every read (the page changed more than the records tell, or a scan failed half-way). */
  clear(): void {
    this.#reads = new WeakMap();
    this.#touched.clear();
  }
}
