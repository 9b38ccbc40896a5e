/**
 * An in-memory inverted index of folded words to the people and notes that contain them, built
 * for per-keystroke prefix search: every query word matches any indexed word it starts, and a
 * record must match every query word. Postings are packed integers in typed arrays so a
 * one-letter query over 100,000 notes is one pass over a few hundred thousand integers.
 */
import { grown, TopHits } from './top-hits';
import { termsOf } from './tokens';

/** Which part of a record a word came from; a posting carries the bits of every part it is in. */
export const FIELD = { name: 1, identity: 2, org: 4, tag: 8, text: 16 } as const;
/** The parts of a record the index knows. */
export type FieldName = keyof typeof FIELD;
const FIELD_BITS = 5;
const FIELD_MASK = (1 << FIELD_BITS) - 1;

/** How much a match in each part counts: a name beats an address beats a word in a note. */
const FIELD_WEIGHT: Record<FieldName, number> = { name: 4, identity: 3, org: 2, tag: 2, text: 1 };
// The weight of a posting is that of its best part: one lookup per posting instead of a loop.
const WEIGHT_OF_MASK = Float32Array.from({ length: 1 << FIELD_BITS }, (_, mask) =>
  Math.max(
    0,
    ...Object.entries(FIELD)
      .filter(([, bit]) => mask & bit)
      .map(([name]) => FIELD_WEIGHT[name as FieldName]),
  ),
);

/** The two kinds of record searched: people, and timeline entries ("notes"). */
export type DocKind = 'person' | 'note';
const KIND_CODE: Record<DocKind, number> = { person: 0, note: 1 };

/** A record as the index takes it: its id, a recency that breaks ties, and its text by part. */
export interface IndexDoc {
  kind: DocKind;
  id: string;
  /** Newer first among equal matches (a note's time, a person's last interaction). */
  recency: number;
  fields: [FieldName, string][];
}

/** One ranked result. */
export interface IndexHit {
  id: string;
  score: number;
}

/** The best hits of each kind and how many matched in all. */
export interface IndexResult {
  people: IndexHit[];
  notes: IndexHit[];
  /** How many records matched, before the limits. */
  peopleTotal: number;
  notesTotal: number;
}

/** Bumped whenever the snapshot's layout changes: an older saved index is then rebuilt, not read. */
const SNAPSHOT_FORMAT = 1;

/** What `InvertedIndex.toSnapshot` saves (typed arrays and two joined strings). */
export interface InvertedIndexSnapshot {
  format: number;
  docKind: Uint8Array;
  docAlive: Uint8Array;
  docRecency: Float64Array;
  /** Record ids joined by newlines (ids never hold one). */
  docIds: string;
  /** Words joined by newlines (words are folded runs of letters and digits). */
  terms: string;
  /** Where each word's postings start in `postings` (one more entry than words). */
  offsets: Int32Array;
  postings: Int32Array;
  sortedIds: Int32Array;
}

/** The inverted index itself; records are replaced by id and removed by tombstone. */
export class InvertedIndex {
  // Documents: parallel arrays indexed by a dense doc number.
  private docCount = 0;
  private deadCount = 0;
  private docKind = new Uint8Array(0);
  private docAlive = new Uint8Array(0);
  private docRecency = new Float64Array(0);
  private docIds: string[] = [];
  // One map per kind, keyed by the id string docIds already holds: a "kind:id" key was a second
  // string per record (issue 17: about a quarter of the index's heap).
  private docByKind: [Map<string, number>, Map<string, number>] = [new Map(), new Map()];
  private liveByKind = [0, 0];

  // Terms: id -> text and postings ((doc << FIELD_BITS) | field bits), plus a sorted view for prefixes.
  private termIds = new Map<string, number>();
  private termText: string[] = [];
  private postings: Int32Array[] = [];
  private postingLength: number[] = [];
  private sortedTerms: string[] = [];
  private sortedIds: number[] = [];
  private sortedValid = true;

  // Per-query scratch, reused: stamps say which query (and which query word) last touched a doc.
  private queryStamp = new Uint32Array(0);
  private wordStamp = new Uint32Array(0);
  private matchedWords = new Uint8Array(0);
  private score = new Float32Array(0);
  private bestForWord = new Float32Array(0);
  private queryNumber = 0;
  private wordNumber = 0;

  /** How many live records of each kind the index holds. */
  count(kind: DocKind): number {
    return this.liveByKind[KIND_CODE[kind]]!;
  }

  /** True when the record is indexed. */
  has(kind: DocKind, id: string): boolean {
    return this.docByKind[KIND_CODE[kind]]!.has(id);
  }

  /** Index a record, replacing any earlier version of it. */
  add(doc: IndexDoc): void {
    this.remove(doc.kind, doc.id);
    const number = this.docCount++;
    this.ensureDocCapacity(this.docCount);
    this.docKind[number] = KIND_CODE[doc.kind];
    this.docAlive[number] = 1;
    this.docRecency[number] = doc.recency;
    this.docIds[number] = doc.id;
    this.docByKind[KIND_CODE[doc.kind]]!.set(doc.id, number);
    this.liveByKind[KIND_CODE[doc.kind]]!++;
    const masks = new Map<string, number>();
    for (const [field, text] of doc.fields) {
      for (const term of termsOf(text)) masks.set(term, (masks.get(term) ?? 0) | FIELD[field]);
    }
    for (const [term, mask] of masks) this.appendPosting(this.termFor(term), (number << FIELD_BITS) | mask);
  }

  /** Forget a record (a tombstone: its postings are skipped, and dropped at the next compaction). */
  remove(kind: DocKind, id: string): void {
    const byId = this.docByKind[KIND_CODE[kind]]!;
    const number = byId.get(id);
    if (number === undefined) return;
    byId.delete(id);
    this.docAlive[number] = 0;
    this.liveByKind[KIND_CODE[kind]]!--;
    this.deadCount++;
    if (this.deadCount > 4096 && this.deadCount * 4 > this.docCount) this.compact();
  }

  /**
   * Records matching every query word (each a prefix of some word of the record), best first:
   * a word matched whole counts more than a prefix, a name more than a note's text, and among
   * equal matches the more recent record wins.
   */
  search(words: string[], limits: { people: number; notes: number }): IndexResult {
    const result: IndexResult = { people: [], notes: [], peopleTotal: 0, notesTotal: 0 };
    if (words.length === 0) return result;
    this.ensureSorted();
    const query = this.nextQueryNumber();
    // The rarest word first: it picks the fewest candidates for the others to narrow.
    const ranges = words.map((word) => ({ word, ...this.prefixRange(word) }));
    for (const range of ranges) range.size = this.postingsIn(range.from, range.to);
    ranges.sort((a, b) => a.size - b.size);
    const candidates: number[] = [];
    // The per-posting loop reads these arrays in locals: through `this` every access was a
    // property load the compiler could not hoist past the typed-array stores (issue 17's p95).
    const { docAlive, queryStamp, matchedWords, score, wordStamp, bestForWord, postings, postingLength, sortedIds, termText } = this;
    for (let i = 0; i < ranges.length; i++) {
      const { word, from, to } = ranges[i]!;
      if (from === to) return result;
      const stamp = ++this.wordNumber;
      for (let r = from; r < to; r++) {
        const termId = sortedIds[r]!;
        const termLength = termText[termId]!.length;
        const quality = termLength === word.length ? 1 : 0.5 + (0.3 * word.length) / termLength;
        const list = postings[termId]!;
        const length = postingLength[termId]!;
        for (let j = 0; j < length; j++) {
          const posting = list[j]!;
          const doc = posting >>> FIELD_BITS;
          if (!docAlive[doc]) continue;
          if (i === 0) {
            if (queryStamp[doc] !== query) {
              queryStamp[doc] = query;
              matchedWords[doc] = 0;
              score[doc] = 0;
              candidates.push(doc);
            }
          } else if (queryStamp[doc] !== query || matchedWords[doc]! < i) continue;
          const weight = WEIGHT_OF_MASK[posting & FIELD_MASK]! * quality;
          if (wordStamp[doc] !== stamp) {
            wordStamp[doc] = stamp;
            matchedWords[doc] = i + 1;
            bestForWord[doc] = weight;
            score[doc]! += weight;
          } else if (weight > bestForWord[doc]!) {
            score[doc]! += weight - bestForWord[doc]!;
            bestForWord[doc] = weight;
          }
        }
      }
    }
    const people = new TopHits(limits.people);
    const notes = new TopHits(limits.notes);
    const needed = ranges.length;
    for (const doc of candidates) {
      if (this.matchedWords[doc] !== needed) continue;
      if (this.docKind[doc] === 0) {
        result.peopleTotal++;
        people.offer(doc, this.score[doc]!, this.docRecency[doc]!);
      } else {
        result.notesTotal++;
        notes.offer(doc, this.score[doc]!, this.docRecency[doc]!);
      }
    }
    result.people = this.hitsOf(people);
    result.notes = this.hitsOf(notes);
    return result;
  }

  private hitsOf(top: TopHits): IndexHit[] {
    const { docs, scores } = top.ranked();
    return docs.map((doc, i) => ({ id: this.docIds[doc]!, score: scores[i]! }));
  }

  /**
   * The index as plain data for IndexedDB: postings packed into one array, ids and words joined into
   * one string each (structured clone copies one big value far faster than many small ones).
   */
  toSnapshot(): InvertedIndexSnapshot {
    const docs = this.docCount;
    const { offsets, postings } = this.packedPostings();
    this.ensureSorted();
    return {
      format: SNAPSHOT_FORMAT,
      docKind: this.docKind.slice(0, docs),
      docAlive: this.docAlive.slice(0, docs),
      docRecency: this.docRecency.slice(0, docs),
      docIds: this.docIds.join('\n'),
      terms: this.termText.join('\n'),
      offsets,
      postings,
      sortedIds: Int32Array.from(this.sortedIds),
    };
  }

  /**
   * Give back what growing left unused (after a build): every word's postings moved into one
   * array cut to size, and the per-record arrays cut to the records held. Doubling leaves about a
   * third of each array empty (issue 17: the worker's memory with the index).
   */
  trim(): void {
    const { offsets, postings } = this.packedPostings();
    for (let id = 0; id < this.termText.length; id++) this.postings[id] = postings.subarray(offsets[id]!, offsets[id + 1]!);
    const docs = this.docCount;
    this.docKind = this.docKind.slice(0, docs);
    this.docAlive = this.docAlive.slice(0, docs);
    this.docRecency = this.docRecency.slice(0, docs);
    this.queryStamp = this.queryStamp.slice(0, docs);
    this.wordStamp = this.wordStamp.slice(0, docs);
    this.matchedWords = this.matchedWords.slice(0, docs);
    this.score = this.score.slice(0, docs);
    this.bestForWord = this.bestForWord.slice(0, docs);
  }

  /** Every word's postings in one array, word after word, and where each word's start. */
  private packedPostings(): { offsets: Int32Array; postings: Int32Array } {
    const offsets = new Int32Array(this.termText.length + 1);
    for (let id = 0; id < this.termText.length; id++) offsets[id + 1] = offsets[id]! + this.postingLength[id]!;
    const postings = new Int32Array(offsets[this.termText.length]!);
    for (let id = 0; id < this.termText.length; id++) postings.set(this.postings[id]!.subarray(0, this.postingLength[id]!), offsets[id]!);
    return { offsets, postings };
  }

  /** An index from `toSnapshot`'s data; undefined when the data is not in this version's format. */
  static fromSnapshot(data: unknown): InvertedIndex | undefined {
    const snapshot = data as Partial<InvertedIndexSnapshot> | null;
    if (snapshot?.format !== SNAPSHOT_FORMAT) return undefined;
    const index = new InvertedIndex();
    const docs = snapshot.docKind!.length;
    index.ensureDocCapacity(docs);
    index.docCount = docs;
    index.docKind.set(snapshot.docKind!);
    index.docAlive.set(snapshot.docAlive!);
    index.docRecency.set(snapshot.docRecency!);
    index.docIds = docs === 0 ? [] : snapshot.docIds!.split('\n');
    for (let doc = 0; doc < docs; doc++) {
      if (!index.docAlive[doc]) {
        index.deadCount++;
        continue;
      }
      index.docByKind[index.docKind[doc]!]!.set(index.docIds[doc]!, doc);
      index.liveByKind[index.docKind[doc]!]!++;
    }
    index.termText = snapshot.terms === '' ? [] : snapshot.terms!.split('\n');
    const offsets = snapshot.offsets!;
    for (let id = 0; id < index.termText.length; id++) {
      index.termIds.set(index.termText[id]!, id);
      // Views sized exactly to their postings: the next append to one grows it into its own array.
      index.postings.push(snapshot.postings!.subarray(offsets[id]!, offsets[id + 1]!));
      index.postingLength.push(offsets[id + 1]! - offsets[id]!);
    }
    index.sortedIds = Array.from(snapshot.sortedIds!);
    index.sortedTerms = index.sortedIds.map((id) => index.termText[id]!);
    index.sortedValid = true;
    return index;
  }

  private nextQueryNumber(): number {
    // Stamps are 32-bit: after four billion queries start again from clean scratch arrays.
    if (this.wordNumber > 0xfffffff0 - 64 || this.queryNumber > 0xfffffff0) {
      this.queryStamp.fill(0);
      this.wordStamp.fill(0);
      this.queryNumber = 0;
      this.wordNumber = 0;
    }
    return ++this.queryNumber;
  }

  private postingsIn(from: number, to: number): number {
    let total = 0;
    for (let r = from; r < to; r++) total += this.postingLength[this.sortedIds[r]!]!;
    return total;
  }

  /** The sorted positions of every term starting with `prefix`: [from, to). */
  private prefixRange(prefix: string): { from: number; to: number; size: number } {
    return { from: this.lowerBound(prefix), to: this.lowerBound(`${prefix}\uffff`), size: 0 };
  }

  private lowerBound(value: string): number {
    let low = 0;
    let high = this.sortedTerms.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.sortedTerms[middle]! < value) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private termFor(term: string): number {
    let id = this.termIds.get(term);
    if (id !== undefined) return id;
    id = this.termText.length;
    this.termIds.set(term, id);
    this.termText.push(term);
    this.postings.push(new Int32Array(4));
    this.postingLength.push(0);
    if (this.sortedValid && this.sortedTerms.length > 0) {
      // One new word after the first sort: insert in place (a memmove) rather than sort again.
      const at = this.lowerBound(term);
      this.sortedTerms.splice(at, 0, term);
      this.sortedIds.splice(at, 0, id);
    } else {
      this.sortedValid = false;
    }
    return id;
  }

  private ensureSorted(): void {
    if (this.sortedValid) return;
    const ids = this.termText.map((_, id) => id).filter((id) => this.postingLength[id]! > 0);
    ids.sort((a, b) => (this.termText[a]! < this.termText[b]! ? -1 : 1));
    this.sortedIds = ids;
    this.sortedTerms = ids.map((id) => this.termText[id]!);
    this.sortedValid = true;
  }

  private appendPosting(termId: number, posting: number): void {
    const length = this.postingLength[termId]!;
    const list = grown(this.postings[termId]!, length + 1);
    list[length] = posting;
    this.postings[termId] = list;
    this.postingLength[termId] = length + 1;
  }

  private ensureDocCapacity(needed: number): void {
    this.docKind = grown(this.docKind, needed);
    this.docAlive = grown(this.docAlive, needed);
    this.docRecency = grown(this.docRecency, needed);
    this.queryStamp = grown(this.queryStamp, needed);
    this.wordStamp = grown(this.wordStamp, needed);
    this.matchedWords = grown(this.matchedWords, needed);
    this.score = grown(this.score, needed);
    this.bestForWord = grown(this.bestForWord, needed);
  }

  /** Renumber live records densely and drop dead postings and words no record has any more. */
  private compact(): void {
    const renumber = new Int32Array(this.docCount).fill(-1);
    let next = 0;
    for (let doc = 0; doc < this.docCount; doc++) {
      if (!this.docAlive[doc]) continue;
      renumber[doc] = next;
      this.docKind[next] = this.docKind[doc]!;
      this.docRecency[next] = this.docRecency[doc]!;
      this.docIds[next] = this.docIds[doc]!;
      this.docAlive[next] = 1;
      next++;
    }
    this.docAlive.fill(0, next);
    this.docIds.length = next;
    this.docCount = next;
    this.deadCount = 0;
    this.docByKind = [new Map(), new Map()];
    for (let doc = 0; doc < next; doc++) this.docByKind[this.docKind[doc]!]!.set(this.docIds[doc]!, doc);
    const termText: string[] = [];
    const postings: Int32Array[] = [];
    const postingLength: number[] = [];
    for (let termId = 0; termId < this.termText.length; termId++) {
      const list = this.postings[termId]!;
      let kept = 0;
      for (let j = 0; j < this.postingLength[termId]!; j++) {
        const doc = renumber[list[j]! >>> FIELD_BITS]!;
        if (doc >= 0) list[kept++] = (doc << FIELD_BITS) | (list[j]! & FIELD_MASK);
      }
      if (kept === 0) continue;
      termText.push(this.termText[termId]!);
      postings.push(list);
      postingLength.push(kept);
    }
    this.termText = termText;
    this.postings = postings;
    this.postingLength = postingLength;
    this.termIds = new Map(termText.map((term, id) => [term, id]));
    this.queryStamp.fill(0);
    this.wordStamp.fill(0);
    this.sortedValid = false;
    this.ensureSorted();
  }
}
