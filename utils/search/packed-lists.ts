/**
 * The search index's posting lists at rest: every list's postings in ascending doc order, stored
 * as gaps between doc numbers in a variable-length byte code (7 bits a byte, the top bit set on
 * every byte but a number's last), all lists in one byte array. A posting as the index reads it
 * is `(doc << FIELD_BITS) | field bits`; lists that need the field bits (people's, and notes'
 * when some note has a part besides its text) carry them in the low bits of each gap. Four bytes
 * a posting became one or two (issue 17: the worker's memory with the index).
 *
 * The index numbers notes by time when it packs them, so a notes' list in doc order is in recency
 * order too, and is read newest first from its end: a byte without the top bit ends a number,
 * and each list's last doc is kept, so the walk back needs nothing before it.
 */
import { grown } from './top-hits';

export const FIELD_BITS = 5;
const FIELD_MASK = (1 << FIELD_BITS) - 1;
/** The field bits of a posting from a list stored without them: a note's text. */
export const TEXT_ONLY = 16;

/** What `PackedLists` keeps (typed arrays, saved as they are in the index's snapshot). */
export interface PackedListsData {
  bytes: Uint8Array;
  /** Where each list's bytes start (one more entry than lists). */
  offsets: Int32Array;
  /** Postings in each list. */
  counts: Int32Array;
  /** Each list's last doc number (the start of a walk back). */
  lastDocs: Int32Array;
  /** Whether notes' lists (odd list numbers) carry field bits; people's always do. */
  noteMasks: boolean;
}

/** Lists that carry field bits: people's (even), and notes' when `noteMasks`. */
const masked = (list: number, noteMasks: boolean) => list % 2 === 0 || noteMasks;

/** Posting lists packed as gaps; read-only (the index appends to lists of its own beside them). */
export class PackedLists {
  private constructor(private readonly data: PackedListsData) {}

  /** No lists. */
  static empty(): PackedLists {
    return new PackedLists({ bytes: new Uint8Array(0), offsets: new Int32Array(1), counts: new Int32Array(0), lastDocs: new Int32Array(0), noteMasks: false });
  }

  /** The lists from `data` as `toData` gave it (a saved index); undefined when it does not hold together. */
  static fromData(data: Partial<PackedListsData> | undefined): PackedLists | undefined {
    if (!data || !(data.bytes instanceof Uint8Array) || !(data.offsets instanceof Int32Array) || !(data.counts instanceof Int32Array)) return undefined;
    if (!(data.lastDocs instanceof Int32Array) || typeof data.noteMasks !== 'boolean') return undefined;
    const lists = data.counts.length;
    if (data.offsets.length !== lists + 1 || data.lastDocs.length !== lists || data.offsets[lists] !== data.bytes.length) return undefined;
    return new PackedLists(data as PackedListsData);
  }

  toData(): PackedListsData {
    return this.data;
  }

  /** How many lists. */
  get lists(): number {
    return this.data.counts.length;
  }

  /** Postings in every list. */
  get postings(): number {
    return this.data.counts.reduce((sum, count) => sum + count, 0);
  }

  /** Whether notes' lists carry field bits. */
  get noteMasks(): boolean {
    return this.data.noteMasks;
  }

  /** Postings in `list` (0 for a list made after packing). */
  count(list: number): number {
    return list < this.data.counts.length ? this.data.counts[list]! : 0;
  }

  /** Write `list`'s postings, oldest doc first, into `into` from `at`; the array (grown if needed) and the end. */
  decodeInto(list: number, into: Int32Array, at: number): { into: Int32Array; end: number } {
    const count = this.count(list);
    if (count === 0) return { into, end: at };
    into = grown(into, at + count);
    const { bytes, offsets } = this.data;
    const withMask = masked(list, this.data.noteMasks);
    let position = offsets[list]!;
    let doc = 0;
    for (let i = 0; i < count; i++) {
      let value = bytes[position++]!;
      if (value > 0x7f) {
        value &= 0x7f;
        let scale = 0x80;
        let byte: number;
        do {
          byte = bytes[position++]!;
          value += (byte & 0x7f) * scale;
          scale *= 0x80;
        } while (byte > 0x7f);
      }
      if (withMask) {
        doc += Math.floor(value / (FIELD_MASK + 1));
        into[at++] = (doc << FIELD_BITS) | (value & FIELD_MASK);
      } else {
        doc += value;
        into[at++] = (doc << FIELD_BITS) | TEXT_ONLY;
      }
    }
    return { into, end: at };
  }

  /** A walk over `list`'s postings from its newest (highest) doc back. */
  newestFirst(list: number): BackwardWalk {
    return new BackwardWalk(this.data, list);
  }
}

/** One list read from its end: `posting` is the current one, or -1 past the first. */
export class BackwardWalk {
  posting = -1;
  private position: number;
  private readonly start: number;
  private readonly withMask: boolean;
  private doc: number;

  constructor(
    private readonly data: PackedListsData,
    list: number,
  ) {
    const empty = list >= data.counts.length || data.counts[list] === 0;
    this.start = empty ? 0 : data.offsets[list]!;
    this.position = empty ? 0 : data.offsets[list + 1]!;
    this.withMask = masked(list, data.noteMasks);
    this.doc = empty ? 0 : data.lastDocs[list]!;
    this.next();
  }

  /** Step to the posting before the current one. */
  next(): void {
    if (this.position <= this.start) {
      this.posting = -1;
      return;
    }
    const bytes = this.data.bytes;
    // The current number's last byte is at position - 1; it starts after the previous number's last byte.
    let from = this.position - 1;
    while (from > this.start && bytes[from - 1]! > 0x7f) from--;
    let value = 0;
    let scale = 1;
    for (let at = from; at < this.position; at++, scale *= 0x80) value += (bytes[at]! & 0x7f) * scale;
    this.position = from;
    const gap = this.withMask ? Math.floor(value / (FIELD_MASK + 1)) : value;
    this.posting = (this.doc << FIELD_BITS) | (this.withMask ? value & FIELD_MASK : TEXT_ONLY);
    this.doc -= gap;
  }
}

/** Packs lists one after another, in list order (the index's compaction feeds it word by word). */
export class PackedListsBuilder {
  private bytes = new Uint8Array(1 << 16);
  private at = 0;
  private offsets: number[] = [0];
  private counts: number[] = [];
  private lastDocs: number[] = [];

  /** Notes' lists drop their field bits unless `noteMasks` (the caller says so when every note posting is TEXT_ONLY). */
  constructor(private readonly noteMasks: boolean) {}

  /** The next list: `length` postings of `postings`, in ascending doc order. */
  add(postings: Int32Array, length: number): void {
    const withMask = masked(this.counts.length, this.noteMasks);
    let previous = 0;
    // Five bytes hold any gap with its field bits (docs are below 2^26).
    this.bytes = grown(this.bytes, this.at + length * 5);
    for (let i = 0; i < length; i++) {
      const doc = postings[i]! >>> FIELD_BITS;
      const gap = doc - previous;
      previous = doc;
      this.at = writeNumber(this.bytes, this.at, withMask ? gap * (FIELD_MASK + 1) + (postings[i]! & FIELD_MASK) : gap);
    }
    this.offsets.push(this.at);
    this.counts.push(length);
    this.lastDocs.push(previous);
  }

  finish(): PackedLists {
    return PackedLists.fromData({
      bytes: this.bytes.slice(0, this.at),
      offsets: Int32Array.from(this.offsets),
      counts: Int32Array.from(this.counts),
      lastDocs: Int32Array.from(this.lastDocs),
      noteMasks: this.noteMasks,
    })!;
  }
}

/** Write `value` (a non-negative integer below 2^35) at `at`; the position after it. */
function writeNumber(bytes: Uint8Array, at: number, value: number): number {
  while (value > 0x7f) {
    bytes[at++] = (value & 0x7f) | 0x80;
    value = Math.floor(value / 0x80);
  }
  bytes[at++] = value;
  return at;
}
