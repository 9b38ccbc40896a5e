/**
 * An in-memory inverted index of folded words to the people and notes that contain them, built
 * for per-keystroke prefix search: every query word matches any indexed word it starts, and a
 * record must match every query word. Postings are packed integers in typed arrays, one list per
 * word and kind of record: a one-letter query reads people's lists only, and notes' lists are kept
 * oldest first so the newest matches of a word are read first, from their end (issue 17).
 */
import { newId } from '../ids';
import { IdTable, type IdTableData } from './id-table';
import { BackwardWalk, FIELD_BITS, PackedLists, PackedListsBuilder, type PackedListsData } from './packed-lists';
import { restoreRecencyOrder } from './recency-order';
import { queryScratch } from './query-scratch';
import { grown, recordSpare, TopHits } from './top-hits';
import { TailLog, TailWalk, type TailsData } from './tail-log';
import { termsOf } from './tokens';

/** Which part of a record a word came from; a posting carries the bits of every part it is in. */
export const FIELD = { name: 1, identity: 2, org: 4, tag: 8, text: 16 } as const;
/** The parts of a record the index knows. */
export type FieldName = keyof typeof FIELD;
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
const KIND_CODE = { person: 0, note: 1 } as const satisfies Record<DocKind, number>;
/** Set in a record's kind once it is removed (a tombstone: one byte a record less than an array of its own). */
const DEAD = 2;
/** A word's postings of one kind: two lists per word, people's then notes'. */
const listOf = (termId: number, kind: number) => termId * 2 + kind;

/** Notes are searched once a query word has this many letters (the lead's product decision, issue 17). */
export const NOTES_FROM_LETTERS = 2;
/** A character of a script written without spaces (Chinese, Japanese, Korean): one of them is a word of its own. */
const WHOLE_WORD_CHARACTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
/** A query word long enough to search notes with. */
const searchesNotes = (word: string) => word.length >= NOTES_FROM_LETTERS || WHOLE_WORD_CHARACTER.test(word);
/** Notes are counted up to this many: the view says "1,000+ notes" rather than walking every posting. */
export const NOTES_COUNT_CAP = 1_000;

/**
 * How well a query word of `wordLength` matches an indexed word of `termLength` it starts: whole
 * beats prefix. In 1/1024ths, so that scores (32-bit floats) add up exactly in any order: equal
 * matches tie, and the newer record wins, rather than one rounded a bit above the other.
 */
export function matchQuality(wordLength: number, termLength: number): number {
  return termLength === wordLength ? 1 : Math.round((0.5 + (0.3 * wordLength) / termLength) * 1024) / 1024;
}

/** True when posting `a`'s record is older than `b`'s (ties: added earlier). */
function isOlder(a: number, b: number, recency: Float64Array): boolean {
  const ra = recency[a >>> FIELD_BITS]!;
  const rb = recency[b >>> FIELD_BITS]!;
  return ra < rb || (ra === rb && a < b);
}

/** The words of the sorted list a query word starts: [from, to). */
interface WordRange {
  word: string;
  from: number;
  to: number;
}

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
  /** How many records matched, before the limits (notes: at most NOTES_COUNT_CAP). */
  peopleTotal: number;
  notesTotal: number;
  /** False when the query was too short for notes (or none were asked for): no note was looked at. */
  notesSearched: boolean;
  /** More notes matched than notesTotal says. */
  notesCapped: boolean;
}

/** Bumped whenever the snapshot's layout changes: an older saved index is then rebuilt, not read. */
const SNAPSHOT_FORMAT = 6;

/**
 * What `InvertedIndex.toSnapshot` gives: typed arrays as the index holds them (views, valid until
 * the index next changes), and the words joined in one string.
 */
export interface InvertedIndexSnapshot {
  format: number;
  /**
   * The numbering of the docs: until it changes, a doc's id and recency, once given, never change,
   * and the packed lists do not change at all (a save names those parts again: issue 17).
   */
  layout: string;
  /** Each record's kind, with DEAD set once removed. */
  docKind: Uint8Array<ArrayBuffer>;
  docRecency: Float64Array<ArrayBuffer>;
  ids: IdTableData;
  /** The words by id (folded runs of letters and digits: never a newline); the index's own array. */
  terms: readonly string[];
  /** Two lists per word, people's then notes'. */
  lists: PackedListsData;
  /** Postings appended since the lists were packed, saved as they are (a save does not pack). */
  tails: TailsData;
  /** Every note posting is of text alone. */
  notesTextOnly: boolean;
  sortedIds: Int32Array;
}

/**
 * Pack again once the tails hold this share of the packed postings (and at least MIN_TAIL_POSTINGS):
 * a tail posting costs 4 bytes and more where a packed one costs 1-2, but packing 110k records is a
 * second-long task in the worker (issue 17), so it waits until the tails are worth it.
 */
const TAIL_SHARE = 1 / 8;
const MIN_TAIL_POSTINGS = 4096;

/** The inverted index itself; records are replaced by id and removed by tombstone. */
export class InvertedIndex {
  // Documents: parallel arrays indexed by a dense doc number. Packing numbers people first, then
  // notes oldest first, so a packed notes' list (ascending docs) is in recency order.
  private docCount = 0;
  private deadCount = 0;
  private layout = newId();
  private docKind = new Uint8Array(0);
  private docRecency = new Float64Array(0);
  // Ids by doc number and docs by kind and id, UUIDs packed (issue 17: a string and a Map entry per
  // record were about half the index's heap).
  /** A record's kind, without DEAD (the id table asks: a removed record's id is no longer in it). */
  private readonly kindOf = (doc: number): number => this.docKind[doc]! & ~DEAD;
  private ids = new IdTable(this.kindOf);
  private liveByKind = [0, 0];

  // Terms: id -> text and postings ((doc << FIELD_BITS) | field bits), plus a sorted view for prefixes.
  // Lists are indexed by listOf(term, kind): each is its packed part (ascending docs, gap-coded)
  // then a tail of postings added since (one log for every list), with docs above every packed
  // one. A notes' tail is in recency order unless it is in unorderedLists, put right before a search.
  // Ids by word while a build adds words unsorted; once sorted, a binary search over sortedTerms
  // finds a word (after a packing every word has postings, so every word is in the sorted view)
  // and the Map is dropped (issue 17: about a third of the index's JS heap).
  private termIds: Map<string, number> | undefined = new Map();
  private termText: string[] = [];
  private packed = PackedLists.empty();
  private tails = new TailLog();
  /** Postings in the packed lists: when to pack again. */
  private packedPostings = 0;
  private unorderedLists = new Set<number>();
  /** Every note posting is of text alone (what newestNotes relies on, and packing drops notes' field bits for). */
  private notesTextOnly = true;
  private sortedTerms: string[] = [];
  private sortedIds: number[] = [];
  private sortedValid = true;

  /** How many live records of each kind the index holds. */
  count(kind: DocKind): number {
    return this.liveByKind[KIND_CODE[kind]]!;
  }

  /** True when the record is indexed. */
  has(kind: DocKind, id: string): boolean {
    return this.ids.find(KIND_CODE[kind], id) !== undefined;
  }

  /** Index a record, replacing any earlier version of it. */
  add(doc: IndexDoc): void {
    this.remove(doc.kind, doc.id);
    const number = this.docCount++;
    this.ensureDocCapacity(this.docCount);
    this.docKind[number] = KIND_CODE[doc.kind];
    this.docRecency[number] = doc.recency;
    this.ids.set(number, KIND_CODE[doc.kind], doc.id);
    this.liveByKind[KIND_CODE[doc.kind]]!++;
    const masks = new Map<string, number>();
    for (const [field, text] of doc.fields) {
      for (const term of termsOf(text)) masks.set(term, (masks.get(term) ?? 0) | FIELD[field]);
    }
    const kind = KIND_CODE[doc.kind];
    for (const [term, mask] of masks) {
      if (kind === KIND_CODE.note && mask !== FIELD.text) this.notesTextOnly = false;
      this.appendPosting(listOf(this.termFor(term), kind), (number << FIELD_BITS) | mask);
    }
  }

  /** Forget a record (a tombstone: its postings are skipped, and dropped at the next compaction). */
  remove(kind: DocKind, id: string): void {
    const number = this.ids.find(KIND_CODE[kind], id);
    if (number === undefined) return;
    this.ids.delete(KIND_CODE[kind], id);
    this.docKind[number]! |= DEAD;
    this.liveByKind[KIND_CODE[kind]]!--;
    this.deadCount++;
  }

  /**
   * Pack when a quarter of the records are dead or the tails grew past TAIL_SHARE of the packed
   * postings; the owner calls it after applying changes (never in the middle of a build, which
   * packs once at its end). True when it packed.
   */
  compactIfDue(): boolean {
    const manyDead = this.deadCount > 4096 && this.deadCount * 4 > this.docCount;
    const tailPostings = this.tails.size;
    const bigTails = tailPostings > MIN_TAIL_POSTINGS && tailPostings > this.packedPostings * TAIL_SHARE;
    if (!manyDead && !bigTails) return false;
    this.pack();
    return true;
  }

  /** Postings appended since the last packing (tests, and the owner's figures). */
  get unpackedPostings(): number {
    return this.tails.size;
  }

  /**
   * Records matching every query word (each a prefix of some word of the record), best first:
   * a word matched whole counts more than a prefix, a name more than a note's text, and among
   * equal matches the more recent record wins. Notes are searched only when `limits.notes` is
   * above 0 and some query word has NOTES_FROM_LETTERS letters, or is one Chinese, Japanese or
   * Korean character (a one-letter prefix matches most notes: issue 17's p95 keystroke); their count stops past NOTES_COUNT_CAP. People are always
   * counted and ranked in full.
   */
  search(words: string[], limits: { people: number; notes: number }): IndexResult {
    const notesSearched = limits.notes > 0 && words.some(searchesNotes);
    const result: IndexResult = { people: [], notes: [], peopleTotal: 0, notesTotal: 0, notesSearched, notesCapped: false };
    if (words.length === 0) return result;
    this.ensureSorted();
    const ranges = words.map((word) => ({ word, ...this.prefixRange(word) }));
    const people = this.scoreAll(ranges, KIND_CODE.person, limits.people);
    result.people = people.hits;
    result.peopleTotal = people.total;
    if (!notesSearched) return result;
    this.ensureNoteOrder();
    // One word and notes of text only: a note's score is that of its shortest matching word, so
    // the best are the newest notes of the shortest words, found without scoring the rest.
    const notes =
      ranges.length === 1 && this.notesTextOnly
        ? this.newestNotes(ranges[0]!, limits.notes, NOTES_COUNT_CAP)
        : this.scoreAll(ranges, KIND_CODE.note, limits.notes);
    result.notes = notes.hits;
    result.notesTotal = Math.min(notes.total, NOTES_COUNT_CAP);
    result.notesCapped = notes.total > NOTES_COUNT_CAP;
    return result;
  }

  /** Every record of one kind matching all the words, scored; the best `limit` and how many matched. */
  private scoreAll(wordRanges: WordRange[], kind: number, limit: number): { hits: IndexHit[]; total: number } {
    // The rarest word first: it picks the fewest candidates for the others to narrow.
    const ranges = wordRanges.map((range) => ({ ...range, size: this.postingsIn(range.from, range.to, kind) }));
    ranges.sort((a, b) => a.size - b.size);
    if (ranges.some(({ from, to }) => from === to)) return { hits: [], total: 0 };
    const scratch = queryScratch(this.docCount, Math.min(ranges[0]!.size, this.docCount));
    // The per-posting loop reads these in locals: through an object every access was a property
    // load the compiler could not hoist past the typed-array stores (issue 17's p95).
    const { slot, docs, matchedWords, score, bestForWord } = scratch;
    const { docKind, sortedIds, termText } = this;
    let list: Int32Array = new Int32Array(1024);
    for (let i = 0; i < ranges.length; i++) {
      const { word, from, to } = ranges[i]!;
      for (let r = from; r < to; r++) {
        const termId = sortedIds[r]!;
        const quality = matchQuality(word.length, termText[termId]!.length);
        let length: number;
        ({ into: list, end: length } = this.readList(listOf(termId, kind), list));
        for (let j = 0; j < length; j++) {
          const posting = list[j]!;
          const doc = posting >>> FIELD_BITS;
          if (docKind[doc]! & DEAD) continue;
          let at = slot[doc]!;
          if (at >= scratch.size || docs[at] !== doc) {
            if (i > 0) continue;
            at = scratch.put(doc);
            matchedWords[at] = 0;
            score[at] = 0;
          } else if (matchedWords[at]! < i) continue;
          const weight = WEIGHT_OF_MASK[posting & FIELD_MASK]! * quality;
          if (matchedWords[at] === i) {
            matchedWords[at] = i + 1;
            bestForWord[at] = weight;
            score[at]! += weight;
          } else if (weight > bestForWord[at]!) {
            score[at]! += weight - bestForWord[at]!;
            bestForWord[at] = weight;
          }
        }
      }
    }
    const top = new TopHits(limit);
    const needed = ranges.length;
    let total = 0;
    for (let at = 0; at < scratch.size; at++) {
      if (matchedWords[at] !== needed) continue;
      total++;
      top.offer(docs[at]!, score[at]!, this.docRecency[docs[at]!]!);
    }
    return { hits: this.hitsOf(top), total };
  }

  /** A list's postings (packed part, then tail) written into `into` (grown if needed); it and their number. */
  private readList(listId: number, into: Int32Array): { into: Int32Array; end: number } {
    const read = this.packed.decodeInto(listId, into, 0);
    return this.tails.readInto(listId, read.into, read.end);
  }

  /** A list's postings from the newest back, as two walks: its packed part and its tail. */
  private newestFirst(listId: number): (BackwardWalk | TailWalk)[] {
    return [this.packed.newestFirst(listId), this.tails.newestFirst(listId)];
  }

  /**
   * The best `limit` notes matching one word, ranked as scoreAll ranks them, and how many match
   * (counting stops past `cap`). Every note posting is of text (weight 1), so a note scores the
   * quality of its shortest matching word: words are taken shortest first, and among one length
   * the notes newest first, merging those words' lists from their newest end (each packed part
   * and each tail is in recency order); the walk stops once `limit` notes are taken. Then notes
   * are only counted.
   */
  private newestNotes({ word, from, to }: WordRange, limit: number, cap: number): { hits: IndexHit[]; total: number } {
    const { docKind, docRecency, sortedIds, termText } = this;
    // The notes taken or counted so far: a set in the query scratch, at most `limit` + `cap` + 1 of them.
    const seen = queryScratch(this.docCount, limit + cap + 1);
    const taken = (posting: number) => (docKind[posting >>> FIELD_BITS]! & DEAD) !== 0 || seen.has(posting >>> FIELD_BITS);
    const listsByLength = new Map<number, number[]>();
    for (let r = from; r < to; r++) {
      const list = listOf(sortedIds[r]!, KIND_CODE.note);
      if (this.postingCount(list) === 0) continue;
      const length = termText[sortedIds[r]!]!.length;
      const lists = listsByLength.get(length);
      if (lists) lists.push(list);
      else listsByLength.set(length, [list]);
    }
    const hits: IndexHit[] = [];
    for (const length of [...listsByLength.keys()].sort((a, b) => a - b)) {
      if (hits.length >= limit) break;
      const score = matchQuality(word.length, length);
      const walks = listsByLength.get(length)!.flatMap((list) => this.newestFirst(list));
      while (hits.length < limit) {
        let best: BackwardWalk | TailWalk | undefined;
        for (const walk of walks) {
          while (walk.posting >= 0 && taken(walk.posting)) walk.next();
          if (walk.posting >= 0 && (!best || isOlder(best.posting, walk.posting, docRecency))) best = walk;
        }
        if (!best) break;
        seen.put(best.posting >>> FIELD_BITS);
        hits.push({ id: this.ids.idOf(best.posting >>> FIELD_BITS), score });
        best.next();
      }
    }
    let total = hits.length;
    for (let r = from; r < to && total <= cap; r++) {
      for (const walk of this.newestFirst(listOf(sortedIds[r]!, KIND_CODE.note))) {
        for (; walk.posting >= 0 && total <= cap; walk.next()) {
          if (taken(walk.posting)) continue;
          seen.put(walk.posting >>> FIELD_BITS);
          total++;
        }
      }
    }
    return { hits, total };
  }

  private hitsOf(top: TopHits): IndexHit[] {
    const { docs, scores } = top.ranked();
    return docs.map((doc, i) => ({ id: this.ids.idOf(doc), score: scores[i]! }));
  }

  /**
   * The index as plain data for IndexedDB: typed arrays as the index holds them, so a load reads
   * no id and decodes no list (structured clone copies a few big values far faster than many
   * small ones). It does not pack: the tails and dead records are saved as they are (issue 17:
   * packing before every save was a task of seconds in the worker every 1,000 changes). The
   * arrays are views of the index's own: copy what is kept past the index's next change.
   */
  toSnapshot(): InvertedIndexSnapshot {
    this.ensureSorted();
    this.ensureNoteOrder();
    const docs = this.docCount;
    return {
      format: SNAPSHOT_FORMAT,
      layout: this.layout,
      docKind: this.docKind.subarray(0, docs),
      docRecency: this.docRecency.subarray(0, docs),
      ids: this.ids.toData(docs),
      terms: this.termText,
      lists: this.packed.toData(),
      tails: this.tails.toData(),
      notesTextOnly: this.notesTextOnly,
      sortedIds: Int32Array.from(this.sortedIds),
    };
  }

  /** Pack what a build added (the lists become gap-coded, a third of the memory or less). */
  trim(): void {
    this.pack();
  }

  /** An index from `toSnapshot`'s data; undefined when the data is not in this version's format. */
  static fromSnapshot(data: unknown): InvertedIndex | undefined {
    const snapshot = data as Partial<InvertedIndexSnapshot> | null;
    if (snapshot?.format !== SNAPSHOT_FORMAT || typeof snapshot.layout !== 'string') return undefined;
    const index = new InvertedIndex();
    const packed = PackedLists.fromData(snapshot.lists);
    const { docKind, docRecency, terms, sortedIds, tails, notesTextOnly } = snapshot;
    if (!packed || !(docKind instanceof Uint8Array) || !(docRecency instanceof Float64Array) || docRecency.length !== docKind.length) return undefined;
    if (!Array.isArray(terms) || !terms.every((term) => typeof term === 'string') || typeof notesTextOnly !== 'boolean') return undefined;
    if (!(sortedIds instanceof Int32Array) || !sortedIds.every((id) => id >= 0 && id < terms.length)) return undefined;
    if (!(tails?.lists instanceof Int32Array) || !(tails.postings instanceof Int32Array)) return undefined;
    const docs = docKind.length;
    // Every posting names a doc there is (the packed lists ascend: their last docs are their highest).
    if (!tails.postings.every((posting) => posting >>> FIELD_BITS < docs) || !packed.toData().lastDocs.every((doc) => doc < docs)) return undefined;
    index.docCount = docs;
    index.docKind = docKind;
    index.docRecency = docRecency;
    index.layout = snapshot.layout;
    for (let doc = 0; doc < docs; doc++) {
      const kind = docKind[doc]!;
      if (kind > (KIND_CODE.note | DEAD)) return undefined;
      if (kind & DEAD) index.deadCount++;
      else index.liveByKind[kind]!++;
    }
    const ids = IdTable.fromData(snapshot.ids, docs, index.kindOf, (doc) => (docKind[doc]! & DEAD) === 0);
    if (!ids) return undefined;
    index.ids = ids;
    index.termText = [...terms];
    if (!index.restoreTails(tails, packed.lists)) return undefined;
    index.termIds = undefined;
    index.packed = packed;
    index.packedPostings = packed.postings;
    index.notesTextOnly = notesTextOnly;
    index.sortedIds = Array.from(sortedIds);
    index.sortedTerms = index.sortedIds.map((id) => index.termText[id]!);
    index.sortedValid = true;
    return index;
  }

  /** Take saved tails. False when they do not fit the words: every word has its packed lists or, if added since, a tail. */
  private restoreTails(data: TailsData, packedLists: number): boolean {
    const words = this.termText.length;
    const tails = packedLists <= words * 2 ? TailLog.fromData(data, words * 2) : undefined;
    if (!tails) return false;
    this.tails = tails;
    for (let list = packedLists; list < words * 2; list += 2) if (tails.length(list) + tails.length(list + 1) === 0) return false;
    return true;
  }

  private postingCount(listId: number): number {
    return this.packed.count(listId) + this.tails.length(listId);
  }

  private postingsIn(from: number, to: number, kind: number): number {
    let total = 0;
    for (let r = from; r < to; r++) total += this.postingCount(listOf(this.sortedIds[r]!, kind));
    return total;
  }

  /** The sorted positions of every term starting with `prefix`: [from, to). */
  private prefixRange(prefix: string): { from: number; to: number } {
    return { from: this.lowerBound(prefix), to: this.lowerBound(`${prefix}\uffff`) };
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
    if (this.termIds) {
      const known = this.termIds.get(term);
      if (known !== undefined) return known;
    } else if (!this.sortedValid) {
      this.termIds = new Map(this.termText.map((text, id) => [text, id]));
      return this.termFor(term);
    }
    const at = this.termIds ? -1 : this.lowerBound(term);
    if (at >= 0 && this.sortedTerms[at] === term) return this.sortedIds[at]!;
    const id = this.termText.length;
    this.termIds?.set(term, id);
    this.termText.push(term);
    if (at >= 0) {
      // One new word after the first sort: insert in place (a memmove) rather than sort again.
      this.sortedTerms.splice(at, 0, term);
      this.sortedIds.splice(at, 0, id);
    } else {
      this.sortedValid = false;
    }
    return id;
  }

  private ensureSorted(): void {
    if (this.sortedValid) return;
    const ids = this.termText.map((_, id) => id).filter((id) => this.postingCount(listOf(id, 0)) + this.postingCount(listOf(id, 1)) > 0);
    ids.sort((a, b) => (this.termText[a]! < this.termText[b]! ? -1 : 1));
    this.sortedIds = ids;
    this.sortedTerms = ids.map((id) => this.termText[id]!);
    this.sortedValid = true;
  }

  private appendPosting(listId: number, posting: number): void {
    const last = this.tails.last(listId);
    this.tails.append(listId, posting);
    // A new note is usually the newest: its tail stays in order. An older one is put in place later.
    if (listId % 2 === KIND_CODE.note && last >= 0 && !isOlder(last, posting, this.docRecency)) this.unorderedLists.add(listId);
  }

  /** Put every notes' tail back in recency order (oldest first) after appends out of order. */
  private ensureNoteOrder(): void {
    const recency = this.docRecency;
    const isBefore = (a: number, b: number) => isOlder(a, b, recency);
    for (const listId of this.unorderedLists) {
      this.tails.reorder(listId, (postings, length) => {
        let ordered = 1;
        while (ordered < length && isBefore(postings[ordered - 1]!, postings[ordered]!)) ordered++;
        restoreRecencyOrder(postings, ordered, length, isBefore);
      });
    }
    this.unorderedLists.clear();
  }

  private ensureDocCapacity(needed: number): void {
    this.docKind = grown(this.docKind, needed, recordSpare(this.docKind.length));
    this.docRecency = grown(this.docRecency, needed, recordSpare(this.docRecency.length));
  }

  /**
   * Renumber live records (people in their order, then notes oldest first), drop dead postings and
   * words no record has any more, and pack every list: after a build, when a quarter of the records
   * are dead, and before a snapshot.
   */
  private pack(): void {
    const { docKind, docRecency } = this;
    const people: number[] = [];
    const notes: number[] = [];
    for (let doc = 0; doc < this.docCount; doc++) {
      if (!(docKind[doc]! & DEAD)) (docKind[doc] === KIND_CODE.person ? people : notes).push(doc);
    }
    notes.sort((a, b) => docRecency[a]! - docRecency[b]! || a - b);
    const order = people.concat(notes);
    const renumber = new Int32Array(this.docCount).fill(-1);
    const count = order.length;
    const kinds = new Uint8Array(count);
    const recency = new Float64Array(count);
    for (let next = 0; next < count; next++) {
      const doc = order[next]!;
      renumber[doc] = next;
      kinds[next] = docKind[doc]!;
      recency[next] = docRecency[doc]!;
    }
    // The new table reads the kinds by the new numbers (kindOf reads this.docKind).
    const before = this.ids;
    this.docKind = kinds;
    const ids = new IdTable(this.kindOf, count);
    for (let next = 0; next < count; next++) ids.set(next, kinds[next]!, before.idOf(order[next]!));
    const builder = new PackedListsBuilder(!this.notesTextOnly);
    const termText: string[] = [];
    let list: Int32Array = new Int32Array(1024);
    let kept = [new Int32Array(0), new Int32Array(0)];
    for (let termId = 0; termId < this.termText.length; termId++) {
      const lengths = [0, 0];
      kept = kept.map((_, kind) => {
        let length: number;
        ({ into: list, end: length } = this.readList(listOf(termId, kind), list));
        let live = 0;
        for (let j = 0; j < length; j++) {
          const doc = renumber[list[j]! >>> FIELD_BITS]!;
          if (doc >= 0) list[live++] = (doc << FIELD_BITS) | (list[j]! & FIELD_MASK);
        }
        lengths[kind] = live;
        return list.slice(0, live).sort();
      });
      if (lengths[0]! + lengths[1]! === 0) continue;
      termText.push(this.termText[termId]!);
      for (let kind = 0; kind < 2; kind++) builder.add(kept[kind]!, lengths[kind]!);
    }
    this.packed = builder.finish();
    this.packedPostings = this.packed.postings;
    this.layout = newId();
    this.tails = new TailLog();
    this.unorderedLists.clear();
    this.docKind = kinds;
    this.docRecency = recency;
    this.ids = ids;
    this.docCount = count;
    this.deadCount = 0;
    this.termText = termText;
    this.sortedValid = false;
    this.ensureSorted();
    this.termIds = undefined;
  }
}
