/**
 * The postings the search index received since it last packed its lists, for every list in one
 * log: three typed arrays (the posting, the entry before it in the same list, its place in that
 * list) and one Map from list to its newest entry. A list's tail is a chain through the log.
 *
 * Each tail was an object with a typed array of its own: after the bench's 1,000 logged notes,
 * 4,314 of them, about a megabyte of objects and small buffers for 25k postings (issue 17: the
 * worker's memory with the index). Here a posting costs 12 bytes and a list one Map entry.
 */
import { newId } from '../ids';
import { grown, recordSpare } from './top-hits';

/**
 * What `TailLog.toData` gives: every posting in the order appended, with its list. Appends only add
 * at the end, so a save can write only what was appended since (issue 17) until `version` changes:
 * when a list is reordered in place.
 */
export interface TailsData {
  version: string;
  lists: Int32Array<ArrayBuffer>;
  postings: Int32Array<ArrayBuffer>;
}

const NONE = -1;

/** Postings appended to lists, read back oldest first or newest first. */
export class TailLog {
  private postings = new Int32Array(0);
  /** The entry before each one in its list (NONE for a list's first). */
  private previous = new Int32Array(0);
  /** Each entry's 1-based place in its list: the newest entry's is the list's length. */
  private place = new Int32Array(0);
  private used = 0;
  private readonly newest = new Map<number, number>();
  /** Changes when a posting already appended changes (a reorder). */
  private version = newId();

  /** Postings in every list. */
  get size(): number {
    return this.used;
  }

  /** Postings in `list`. */
  length(list: number): number {
    const entry = this.newest.get(list);
    return entry === undefined ? 0 : this.place[entry]!;
  }

  /** The lists with postings, in the order they got their first. */
  lists(): IterableIterator<number> {
    return this.newest.keys();
  }

  /** The newest posting of `list`, or -1 when it has none. */
  last(list: number): number {
    const entry = this.newest.get(list);
    return entry === undefined ? -1 : this.postings[entry]!;
  }

  append(list: number, posting: number): void {
    const at = this.used++;
    const spare = recordSpare(this.postings.length);
    this.postings = grown(this.postings, at + 1, spare);
    this.previous = grown(this.previous, at + 1, spare);
    this.place = grown(this.place, at + 1, spare);
    const before = this.newest.get(list);
    this.postings[at] = posting;
    this.previous[at] = before ?? NONE;
    this.place[at] = before === undefined ? 1 : this.place[before]! + 1;
    this.newest.set(list, at);
  }

  /** Write `list`'s postings, oldest first, into `into` from `at`; the array (grown if needed) and the end. */
  readInto(list: number, into: Int32Array, at: number): { into: Int32Array; end: number } {
    const length = this.length(list);
    into = grown(into, at + length);
    let entry = this.newest.get(list) ?? NONE;
    for (let i = at + length - 1; entry !== NONE; i--, entry = this.previous[entry]!) into[i] = this.postings[entry]!;
    return { into, end: at + length };
  }

  /** A walk over `list`'s postings from its newest back. */
  newestFirst(list: number): TailWalk {
    return new TailWalk(this.postings, this.previous, this.newest.get(list) ?? NONE);
  }

  /** Put `list`'s postings in the order `sort` gives them (it is handed them oldest first, and their count). */
  reorder(list: number, sort: (postings: Int32Array, length: number) => void): void {
    const { into: postings, end: length } = this.readInto(list, new Int32Array(0), 0);
    sort(postings, length);
    this.version = newId();
    let entry = this.newest.get(list) ?? NONE;
    for (let i = length - 1; entry !== NONE; i--, entry = this.previous[entry]!) this.postings[entry] = postings[i]!;
  }

  /** The log for a snapshot: each posting's list, found by walking each list's chain, and the postings (a view, valid until the next change). */
  toData(): TailsData {
    const lists = new Int32Array(this.used);
    for (const [list, newest] of this.newest) for (let entry = newest; entry !== NONE; entry = this.previous[entry]!) lists[entry] = list;
    return { version: this.version, lists, postings: this.postings.subarray(0, this.used) };
  }

  /** The log of saved tails; undefined when they do not hold together or name a list not below `listCount`. */
  static fromData({ version, lists, postings }: TailsData, listCount: number): TailLog | undefined {
    if (typeof version !== 'string' || lists.length !== postings.length) return undefined;
    const log = new TailLog();
    for (let at = 0; at < lists.length; at++) {
      const list = lists[at]!;
      if (list < 0 || list >= listCount) return undefined;
      log.append(list, postings[at]!);
    }
    log.version = version;
    return log;
  }
}

/** One tail read from its newest posting: `posting` is the current one, or -1 past the oldest. */
export class TailWalk {
  posting = -1;

  constructor(
    private readonly postings: Int32Array,
    private readonly previous: Int32Array,
    private entry: number,
  ) {
    this.posting = entry === NONE ? -1 : postings[entry]!;
  }

  next(): void {
    if (this.entry !== NONE) this.entry = this.previous[this.entry]!;
    this.posting = this.entry === NONE ? -1 : this.postings[this.entry]!;
  }
}
