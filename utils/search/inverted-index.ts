/**
 * An in-memory inverted index of folded words to the people and notes that contain them, built
 * for per-keystroke prefix search: every query word matches any indexed word it starts, and a
 * record must match every query word. Postings are packed integers in typed arrays, one list per
 * word and kind of record: a one-letter query reads people's lists only, and notes' lists are kept
 * oldest first so the newest matches of a word are read first, from their end (issue 17).
 */
import { IdTable } from './id-table';
import { restoreRecencyOrder } from './recency-order';
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
const KIND_CODE = { person: 0, note: 1 } as const satisfies Record<DocKind, number>;
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
const SNAPSHOT_FORMAT = 2;

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
  /** Where each list's postings start in `postings`: two lists per word, people's then notes' (one more entry than lists). */
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
  // Ids by doc number and docs by kind and id, UUIDs packed (issue 17: a string and a Map entry per
  // record were about half the index's heap).
  private ids = new IdTable();
  private liveByKind = [0, 0];

  // Terms: id -> text and postings ((doc << FIELD_BITS) | field bits), plus a sorted view for prefixes.
  // Lists are indexed by listOf(term, kind). A notes' list is in recency order (oldest first) up to
  // its orderedLength; lists whose tail is out of order wait in unorderedLists until a search.
  private termIds = new Map<string, number>();
  private termText: string[] = [];
  private postings: Int32Array[] = [];
  private postingLength: number[] = [];
  private orderedLength: number[] = [];
  private unorderedLists: number[] = [];
  /** Every note posting is of text alone (what newestNotes relies on). */
  private notesTextOnly = true;
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
    return this.ids.find(KIND_CODE[kind], id) !== undefined;
  }

  /** Index a record, replacing any earlier version of it. */
  add(doc: IndexDoc): void {
    this.remove(doc.kind, doc.id);
    const number = this.docCount++;
    this.ensureDocCapacity(this.docCount);
    this.docKind[number] = KIND_CODE[doc.kind];
    this.docAlive[number] = 1;
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
    this.docAlive[number] = 0;
    this.liveByKind[KIND_CODE[kind]]!--;
    this.deadCount++;
    if (this.deadCount > 4096 && this.deadCount * 4 > this.docCount) this.compact();
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
    const query = this.nextQueryNumber();
    // The rarest word first: it picks the fewest candidates for the others to narrow.
    const ranges = wordRanges.map((range) => ({ ...range, size: this.postingsIn(range.from, range.to, kind) }));
    ranges.sort((a, b) => a.size - b.size);
    const candidates: number[] = [];
    // The per-posting loop reads these arrays in locals: through `this` every access was a
    // property load the compiler could not hoist past the typed-array stores (issue 17's p95).
    const { docAlive, queryStamp, matchedWords, score, wordStamp, bestForWord, postings, postingLength, sortedIds, termText } = this;
    for (let i = 0; i < ranges.length; i++) {
      const { word, from, to } = ranges[i]!;
      if (from === to) return { hits: [], total: 0 };
      const stamp = ++this.wordNumber;
      for (let r = from; r < to; r++) {
        const termId = sortedIds[r]!;
        const quality = matchQuality(word.length, termText[termId]!.length);
        const list = postings[listOf(termId, kind)]!;
        const length = postingLength[listOf(termId, kind)]!;
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
    const top = new TopHits(limit);
    const needed = ranges.length;
    let total = 0;
    for (const doc of candidates) {
      if (matchedWords[doc] !== needed) continue;
      total++;
      top.offer(doc, score[doc]!, this.docRecency[doc]!);
    }
    return { hits: this.hitsOf(top), total };
  }

  /**
   * The best `limit` notes matching one word, ranked as scoreAll ranks them, and how many match
   * (counting stops past `cap`). Every note posting is of text (weight 1), so a note scores the
   * quality of its shortest matching word: words are taken shortest first, and among one length
   * the notes newest first, merging those words' lists from their newest end (kept in recency
   * order); the walk stops once `limit` notes are taken. Then notes are only counted.
   */
  private newestNotes({ word, from, to }: WordRange, limit: number, cap: number): { hits: IndexHit[]; total: number } {
    const query = this.nextQueryNumber();
    const { docAlive, queryStamp, docRecency, postings, postingLength, sortedIds, termText } = this;
    const taken = (posting: number) => !docAlive[posting >>> FIELD_BITS] || queryStamp[posting >>> FIELD_BITS] === query;
    const listsByLength = new Map<number, number[]>();
    for (let r = from; r < to; r++) {
      const list = listOf(sortedIds[r]!, KIND_CODE.note);
      if (postingLength[list] === 0) continue;
      const length = termText[sortedIds[r]!]!.length;
      const lists = listsByLength.get(length);
      if (lists) lists.push(list);
      else listsByLength.set(length, [list]);
    }
    const hits: IndexHit[] = [];
    for (const length of [...listsByLength.keys()].sort((a, b) => a - b)) {
      if (hits.length >= limit) break;
      const score = matchQuality(word.length, length);
      const lists = listsByLength.get(length)!;
      const heads = lists.map((list) => postingLength[list]! - 1);
      while (hits.length < limit) {
        let best = -1;
        let bestPosting = 0;
        for (let i = 0; i < lists.length; i++) {
          const list = postings[lists[i]!]!;
          let head = heads[i]!;
          while (head >= 0 && taken(list[head]!)) head--;
          heads[i] = head;
          if (head < 0) continue;
          if (best < 0 || isOlder(bestPosting, list[head]!, docRecency)) {
            best = i;
            bestPosting = list[head]!;
          }
        }
        if (best < 0) break;
        queryStamp[bestPosting >>> FIELD_BITS] = query;
        hits.push({ id: this.ids.idOf(bestPosting >>> FIELD_BITS), score });
        heads[best]!--;
      }
    }
    let total = hits.length;
    for (let r = from; r < to && total <= cap; r++) {
      const list = postings[listOf(sortedIds[r]!, KIND_CODE.note)]!;
      for (let j = postingLength[listOf(sortedIds[r]!, KIND_CODE.note)]! - 1; j >= 0 && total <= cap; j--) {
        if (taken(list[j]!)) continue;
        queryStamp[list[j]! >>> FIELD_BITS] = query;
        total++;
      }
    }
    return { hits, total };
  }

  private hitsOf(top: TopHits): IndexHit[] {
    const { docs, scores } = top.ranked();
    return docs.map((doc, i) => ({ id: this.ids.idOf(doc), score: scores[i]! }));
  }

  /**
   * The index as plain data for IndexedDB: postings packed into one array, ids and words joined into
   * one string each (structured clone copies one big value far faster than many small ones).
   */
  toSnapshot(): InvertedIndexSnapshot {
    const docs = this.docCount;
    this.ensureNoteOrder();
    const { offsets, postings } = this.packedPostings();
    this.ensureSorted();
    return {
      format: SNAPSHOT_FORMAT,
      docKind: this.docKind.slice(0, docs),
      docAlive: this.docAlive.slice(0, docs),
      docRecency: this.docRecency.slice(0, docs),
      docIds: Array.from({ length: docs }, (_, doc) => this.ids.idOf(doc)).join('\n'),
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
    this.ensureNoteOrder();
    const { offsets, postings } = this.packedPostings();
    for (let list = 0; list < this.postings.length; list++) this.postings[list] = postings.subarray(offsets[list]!, offsets[list + 1]!);
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

  /** Every list's postings in one array, list after list, and where each list starts. */
  private packedPostings(): { offsets: Int32Array; postings: Int32Array } {
    const lists = this.postings.length;
    const offsets = new Int32Array(lists + 1);
    for (let list = 0; list < lists; list++) offsets[list + 1] = offsets[list]! + this.postingLength[list]!;
    const postings = new Int32Array(offsets[lists]!);
    for (let list = 0; list < lists; list++) postings.set(this.postings[list]!.subarray(0, this.postingLength[list]!), offsets[list]!);
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
    const ids = docs === 0 ? [] : snapshot.docIds!.split('\n');
    for (let doc = 0; doc < docs; doc++) {
      if (!index.docAlive[doc]) {
        index.deadCount++;
        continue;
      }
      index.ids.set(doc, index.docKind[doc]!, ids[doc]!);
      index.liveByKind[index.docKind[doc]!]!++;
    }
    index.termText = snapshot.terms === '' ? [] : snapshot.terms!.split('\n');
    const offsets = snapshot.offsets!;
    for (let id = 0; id < index.termText.length; id++) index.termIds.set(index.termText[id]!, id);
    for (let list = 0; list < index.termText.length * 2; list++) {
      // Views sized exactly to their postings: the next append to one grows it into its own array.
      const postings = snapshot.postings!.subarray(offsets[list]!, offsets[list + 1]!);
      index.postings.push(postings);
      index.postingLength.push(postings.length);
      // Saved after ensureNoteOrder: every notes' list is in order.
      index.orderedLength.push(postings.length);
      if (list % 2 === KIND_CODE.note && postings.some((posting) => (posting & FIELD_MASK) !== FIELD.text)) index.notesTextOnly = false;
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

  private postingsIn(from: number, to: number, kind: number): number {
    let total = 0;
    for (let r = from; r < to; r++) total += this.postingLength[listOf(this.sortedIds[r]!, kind)]!;
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
    let id = this.termIds.get(term);
    if (id !== undefined) return id;
    id = this.termText.length;
    this.termIds.set(term, id);
    this.termText.push(term);
    for (let kind = 0; kind < 2; kind++) {
      this.postings.push(new Int32Array(4));
      this.postingLength.push(0);
      this.orderedLength.push(0);
    }
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
    const ids = this.termText.map((_, id) => id).filter((id) => this.postingLength[listOf(id, 0)]! + this.postingLength[listOf(id, 1)]! > 0);
    ids.sort((a, b) => (this.termText[a]! < this.termText[b]! ? -1 : 1));
    this.sortedIds = ids;
    this.sortedTerms = ids.map((id) => this.termText[id]!);
    this.sortedValid = true;
  }

  private appendPosting(listId: number, posting: number): void {
    const length = this.postingLength[listId]!;
    const list = grown(this.postings[listId]!, length + 1);
    list[length] = posting;
    this.postings[listId] = list;
    this.postingLength[listId] = length + 1;
    if (listId % 2 !== KIND_CODE.note || this.orderedLength[listId] !== length) return;
    // A new note is usually the newest: its list stays in order. An older one is put in place later.
    if (length === 0 || isOlder(list[length - 1]!, posting, this.docRecency)) this.orderedLength[listId] = length + 1;
    else this.unorderedLists.push(listId);
  }

  /** Put every notes' list back in recency order (oldest first) after appends out of order. */
  private ensureNoteOrder(): void {
    const recency = this.docRecency;
    for (const listId of this.unorderedLists) {
      restoreRecencyOrder(this.postings[listId]!, this.orderedLength[listId]!, this.postingLength[listId]!, (a, b) => isOlder(a, b, recency));
      this.orderedLength[listId] = this.postingLength[listId]!;
    }
    this.unorderedLists = [];
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
    // Renumbering keeps every list's order; the lists' ids change, so none may wait unordered.
    this.ensureNoteOrder();
    const renumber = new Int32Array(this.docCount).fill(-1);
    const ids = new IdTable();
    let next = 0;
    for (let doc = 0; doc < this.docCount; doc++) {
      if (!this.docAlive[doc]) continue;
      renumber[doc] = next;
      this.docKind[next] = this.docKind[doc]!;
      this.docRecency[next] = this.docRecency[doc]!;
      ids.set(next, this.docKind[doc]!, this.ids.idOf(doc));
      this.docAlive[next] = 1;
      next++;
    }
    this.docAlive.fill(0, next);
    this.ids = ids;
    this.docCount = next;
    this.deadCount = 0;
    const termText: string[] = [];
    const postings: Int32Array[] = [];
    const postingLength: number[] = [];
    for (let termId = 0; termId < this.termText.length; termId++) {
      const kept = [0, 0];
      for (let kind = 0; kind < 2; kind++) {
        const list = this.postings[listOf(termId, kind)]!;
        for (let j = 0; j < this.postingLength[listOf(termId, kind)]!; j++) {
          const doc = renumber[list[j]! >>> FIELD_BITS]!;
          if (doc >= 0) list[kept[kind]!++] = (doc << FIELD_BITS) | (list[j]! & FIELD_MASK);
        }
      }
      if (kept[0]! + kept[1]! === 0) continue;
      termText.push(this.termText[termId]!);
      for (let kind = 0; kind < 2; kind++) {
        postings.push(this.postings[listOf(termId, kind)]!);
        postingLength.push(kept[kind]!);
      }
    }
    this.termText = termText;
    this.postings = postings;
    this.postingLength = postingLength;
    this.orderedLength = [...postingLength];
    this.termIds = new Map(termText.map((term, id) => [term, id]));
    this.queryStamp.fill(0);
    this.wordStamp.fill(0);
    this.sortedValid = false;
    this.ensureSorted();
  }
}
