/**
 * More records than this kept between two scans and the next scan starts over: a page that
 * changed this much is cheaper to read again than to replay, and a hidden tab (the page watcher
 * does not scan those) cannot grow the list for hours.
 */
const MAX_PENDING = 2000;

/**
 * What changed in a document since the last scan, as a MutationObserver saw it. Records wait here
 * untouched: a scan takes them (with `takeRecords()`, so the ones not yet delivered too) and
 * pays for reading them itself, inside the scan.
 */
export class PageChanges {
  readonly #observer: MutationObserver;
  #pending: MutationRecord[] = [];
  #overflowed = false;

  /** Watch `doc` whole: nodes added and removed, text, and the attributes named (the ones a scan reads). */
  constructor(doc: Document, attributeFilter: readonly string[]) {
    this.#observer = new MutationObserver((records) => this.#keep(records));
    this.#observer.observe(doc, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: [...attributeFilter] });
  }

  /** The records since the last call, in order; undefined when there were too many (read the page again). */
  take(): MutationRecord[] | undefined {
    this.#keep(this.#observer.takeRecords());
    const records = this.#pending;
    const overflowed = this.#overflowed;
    this.#pending = [];
    this.#overflowed = false;
    return overflowed ? undefined : records;
  }

  /** Stop watching (a recogniser that forgets the document). */
  disconnect(): void {
    this.#observer.disconnect();
    this.#pending = [];
  }

  #keep(records: MutationRecord[]): void {
    if (this.#overflowed || records.length === 0) return;
    if (this.#pending.length + records.length > MAX_PENDING) {
      this.#overflowed = true;
      this.#pending = [];
    } else if (this.#pending.length === 0) this.#pending = records;
    else for (const record of records) this.#pending.push(record);
  }
}

/** Is `element` or anything in it matched by `selector`? (What an added or removed node brings or takes.) */
export const holds = (element: Element, selector: string): boolean => element.matches(selector) || element.querySelector(selector) !== null;
