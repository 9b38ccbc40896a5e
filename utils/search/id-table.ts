/**
 * The search index's record ids, one table for both kinds: a record's id by its doc number, and
 * its doc number by kind and id. Tend's ids are UUIDs; each is kept as 16 bytes in one array, and
 * looked up through an open-addressing table of doc numbers, where a string per id and a Map entry
 * per record cost about 100 bytes each (issue 17: the worker's memory with the index). Ids of
 * another shape (tests, hand-made records) are kept as strings beside.
 */
import { grown, recordSpare } from './top-hits';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const EMPTY = -1;
const DELETED = -2;
/**
 * Slots for this many ids each (3/5 full) when the table is sized or rehashed, and a rehash once
 * live and deleted slots pass MAX_FILL. Any size, not a power of two at half full: at 110k ids
 * that was 262,144 slots (1 MB), this is 185k (issue 17: the worker's memory with the index).
 */
const SIZED_FILL = 0.6;
const MAX_FILL = 0.75;
const slotsFor = (ids: number) => Math.max(16, Math.ceil(ids / SIZED_FILL));
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** The value of a lowercase hex digit's char code. */
const nibble = (code: number) => (code <= 57 ? code - 48 : code - 87);

/** The 16 bytes of a lowercase UUID, written into `into` at `at` (char codes, not slices: a load reads 110k). */
function packUuid(id: string, into: Uint8Array, at: number): void {
  let byte = 0;
  for (let i = 0; i < 36; i += 2) {
    if (i === 8 || i === 13 || i === 18 || i === 23) i++;
    into[at + byte++] = (nibble(id.charCodeAt(i)) << 4) | nibble(id.charCodeAt(i + 1));
  }
}

function unpackUuid(bytes: Uint8Array, at: number): string {
  let id = '';
  for (let i = 0; i < 16; i++) {
    if (i === 4 || i === 6 || i === 8 || i === 10) id += '-';
    id += HEX[bytes[at + i]!]!;
  }
  return id;
}

/** A string hash (FNV-1a) mixed with the kind, for ids that are not UUIDs (they may not be random). */
function hashOfText(kind: number, id: string): number {
  let hash = 0x811c9dc5 ^ kind;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/**
 * The same hash over a UUID's 16 bytes: a saved table rebuilds its slots from the bytes alone,
 * without making a string per id (issue 17: the slots are no longer saved).
 */
function hashOfBytes(kind: number, bytes: Uint8Array, at: number): number {
  let hash = 0x811c9dc5 ^ kind;
  for (let i = at; i < at + 16; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
  return hash >>> 0;
}

/**
 * What `IdTable.toData` gives: the ids by doc number, so a saved index loads without reading an id.
 * Not the slots: they change all over at every id (a save would write them whole each time) and
 * are rebuilt from the bytes in a few tens of milliseconds at 500k ids.
 */
export interface IdTableData {
  /** 16 bytes per doc (zeros for a doc whose id is among `others`). */
  bytes: Uint8Array<ArrayBuffer>;
  /** Ids that are not lowercase UUIDs, with their doc numbers. */
  others: [number, string][];
}

/**
 * Doc numbers to ids and (kind, id) to doc numbers; docs are numbered densely by the index, which
 * knows each doc's kind and says it through `kindOf` (the table kept a copy: issue 17's memory).
 */
export class IdTable {
  private bytes = new Uint8Array(0);
  /** Ids that are not lowercase UUIDs, by doc number. */
  private others = new Map<number, string>();
  private slots = new Int32Array(16).fill(EMPTY);
  /** Slots not empty (live or deleted): the table grows before they fill half of it. */
  private filled = 0;
  private readonly scratch = new Uint8Array(16);

  /** A table sized for `capacity` docs up front (a compaction knows how many), so growing leaves nothing unused. */
  constructor(
    private readonly kindOf: (doc: number) => number,
    capacity = 0,
  ) {
    this.bytes = new Uint8Array(capacity * 16);
    this.slots = new Int32Array(slotsFor(capacity)).fill(EMPTY);
  }

  /** Give `doc` the id `id` of `kind`, which `kindOf(doc)` already says (the index removes any earlier doc of that id first). */
  set(doc: number, kind: number, id: string): void {
    this.bytes = grown(this.bytes, (doc + 1) * 16, recordSpare(this.bytes.length / 16) * 16);
    if (UUID.test(id)) {
      packUuid(id, this.bytes, doc * 16);
      this.others.delete(doc);
    } else this.others.set(doc, id);
    if (this.filled + 1 > this.slots.length * MAX_FILL) {
      // Full of live and deleted slots: drop the deleted, in a table sized for the live ones.
      const live = this.slots.reduce((count, slot) => (slot >= 0 ? count + 1 : count), 0);
      this.rehash(Math.max(this.slots.length, slotsFor(live + 1)));
    }
    let slot = this.firstSlot(this.hashOfDoc(kind, doc));
    while (this.slots[slot]! >= 0) slot = this.nextSlot(slot);
    if (this.slots[slot] === EMPTY) this.filled++;
    this.slots[slot] = doc;
  }

  /** The doc of this kind and id, if any. */
  find(kind: number, id: string): number | undefined {
    const slot = this.slotOf(kind, id);
    return slot < 0 ? undefined : this.slots[slot]!;
  }

  /** Forget the doc of this kind and id (its number keeps its id until renumbered). */
  delete(kind: number, id: string): void {
    const slot = this.slotOf(kind, id);
    if (slot >= 0) this.slots[slot] = DELETED;
  }

  /** The ids of the first `docs` docs, for a snapshot: the bytes are a view, valid until the next `set`. */
  toData(docs: number): IdTableData {
    return { bytes: this.bytes.subarray(0, docs * 16), others: [...this.others].filter(([doc]) => doc < docs) };
  }

  /** Slots in the table (tests: its memory). */
  get slotCount(): number {
    return this.slots.length;
  }

  /**
   * A table of `docs` docs from `toData`'s ids, holding those `isLive` says are (a removed record's
   * doc keeps its id but is found no more); undefined when the data is not of that shape.
   */
  static fromData(
    data: Partial<IdTableData> | undefined,
    docs: number,
    kindOf: (doc: number) => number,
    isLive: (doc: number) => boolean,
  ): IdTable | undefined {
    if (!data || !(data.bytes instanceof Uint8Array) || data.bytes.length !== docs * 16 || !Array.isArray(data.others)) return undefined;
    // Each of another shape (a lowercase UUID is kept as bytes), of a doc there is, once.
    const isOther = (other: unknown): other is [number, string] =>
      Array.isArray(other) && Number.isInteger(other[0]) && other[0] >= 0 && other[0] < docs && typeof other[1] === 'string' && !UUID.test(other[1]);
    if (!data.others.every(isOther) || new Set(data.others.map(([doc]) => doc)).size !== data.others.length) return undefined;
    let live = 0;
    for (let doc = 0; doc < docs; doc++) if (isLive(doc)) live++;
    const table = new IdTable(kindOf);
    table.bytes = data.bytes;
    table.others = new Map(data.others);
    table.slots = new Int32Array(slotsFor(live)).fill(EMPTY);
    for (let doc = 0; doc < docs; doc++) if (isLive(doc)) table.place(doc);
    return table;
  }

  /** The id of a doc. */
  idOf(doc: number): string {
    return this.others.get(doc) ?? unpackUuid(this.bytes, doc * 16);
  }

  private slotOf(kind: number, id: string): number {
    const uuid = UUID.test(id);
    if (uuid) packUuid(id, this.scratch, 0);
    const hash = uuid ? hashOfBytes(kind, this.scratch, 0) : hashOfText(kind, id);
    for (let slot = this.firstSlot(hash); ; slot = this.nextSlot(slot)) {
      const doc = this.slots[slot]!;
      if (doc === EMPTY) return -1;
      if (doc === DELETED || this.kindOf(doc) !== kind) continue;
      if (uuid ? !this.others.has(doc) && this.sameBytes(doc) : this.others.get(doc) === id) return slot;
    }
  }

  /** The hash of a doc's id, as `slotOf` hashes the id it is asked for. */
  private hashOfDoc(kind: number, doc: number): number {
    const other = this.others.get(doc);
    return other === undefined ? hashOfBytes(kind, this.bytes, doc * 16) : hashOfText(kind, other);
  }

  private firstSlot(hash: number): number {
    // The hash scaled to the table's size (any size: no power of two needed for a mask).
    return Math.floor((hash / 2 ** 32) * this.slots.length);
  }

  /** Put a doc in its first empty slot (a table being rebuilt has no deleted slots). */
  private place(doc: number): void {
    let slot = this.firstSlot(this.hashOfDoc(this.kindOf(doc), doc));
    while (this.slots[slot] !== EMPTY) slot = this.nextSlot(slot);
    this.slots[slot] = doc;
    this.filled++;
  }

  private nextSlot(slot: number): number {
    return slot + 1 === this.slots.length ? 0 : slot + 1;
  }

  private sameBytes(doc: number): boolean {
    const at = doc * 16;
    for (let i = 0; i < 16; i++) if (this.bytes[at + i] !== this.scratch[i]) return false;
    return true;
  }

  /** A table of `size` slots holding the live docs only. */
  private rehash(size: number): void {
    const live = this.slots.filter((doc) => doc >= 0);
    this.slots = new Int32Array(size).fill(EMPTY);
    this.filled = 0;
    for (const doc of live) this.place(doc);
  }
}
