/**
 * How the search index is saved in pieces (issue 17: at 50k people its snapshot was ~30 MB in
 * four records, and a keystroke waited behind the clone and commit of each: the longest keystroke
 * while saving was 5x the longest without). Every piece is about a megabyte at most, a transaction
 * of its own, so a keystroke waits for one small commit at most; and a save after a thousand
 * changes writes little. What only grows at its end is cut by position, and a cut as full as last
 * time in the same numbering is named again, not written: the ids, recencies and words until the
 * index packs, the tails until one of their lists is reordered, the packed lists whole until the
 * index packs. Each doc's kind (a removal marks it in place), the sorted words (a new word goes in
 * the middle) and the rest are written each time; they are small.
 */
import type { Piece } from '../db/snapshot-pieces';
import { SnapshotPieces } from '../db/snapshot-pieces';
import type { InvertedIndexSnapshot } from './inverted-index';

/** Where the pieces are cut: docs per piece of ids (16 bytes each) and recencies (8), bytes per piece of packed lists, tail entries (8 bytes each) and words per piece. */
export interface Cuts {
  docs: number;
  listBytes: number;
  tailEntries: number;
  words: number;
}

/** About a megabyte a piece at most: 1 MB of ids, 512 KB of recencies, 1 MB of lists or tails, 64k words. */
export const CUTS: Cuts = { docs: 65_536, listBytes: 1 << 20, tailEntries: 131_072, words: 65_536 };
/** Kinds are a byte per doc: a piece holds as many docs as 16 cuts of ids. */
const KINDS_PER_DOC_CUT = 16;
/** The packed lists' three numbers per list (4 bytes each): as many per piece as a piece of their bytes holds bytes / 4. */
const LIST_NUMBERS = ['offsets', 'counts', 'lastDocs'] as const;

/** The `rest` piece: the index's small parts and how many of each cut thing there are. */
interface RestPiece {
  format: number;
  layout: string;
  notesTextOnly: boolean;
  noteMasks: boolean;
  others: unknown;
  tailsVersion: string;
  cuts: Cuts;
  /** Docs, packed list bytes, lists, tail entries, words. */
  sizes: { docs: number; listBytes: number; lists: number; tailEntries: number; words: number };
}

/** Pieces `<key>/0`, `<key>/1`, ... of `length` items cut every `perCut`; `version` of a cut given its fill (none: written every time). */
function addCuts(
  pieces: Record<string, Piece>,
  key: string,
  length: number,
  perCut: number,
  slice: (from: number, to: number) => unknown,
  version?: (fill: number) => string,
) {
  for (let cut = 0; cut * perCut < length; cut++) {
    const from = cut * perCut;
    const to = Math.min(length, from + perCut);
    pieces[`${key}/${cut}`] = { ...(version && { version: version(to - from) }), value: () => slice(from, to) };
  }
}

/** The index's snapshot in pieces; read (copied) only for the pieces that are written. */
export function snapshotPieces(snapshot: InvertedIndexSnapshot, cuts: Cuts = CUTS): SnapshotPieces {
  const { format, layout, docKind, docRecency, ids, lists, tails, terms, sortedIds, notesTextOnly } = snapshot;
  const docs = docKind.length;
  const pieces: Record<string, Piece> = {};
  // The packed lists change only when the index packs, which numbers the docs anew (a new layout).
  const listVersion = () => `${layout}:${cuts.listBytes}`;
  addCuts(pieces, 'lists', lists.bytes.length, cuts.listBytes, (from, to) => lists.bytes.slice(from, to), listVersion);
  for (const numbers of LIST_NUMBERS) {
    addCuts(pieces, `lists-${numbers}`, lists[numbers].length, cuts.listBytes / 4, (from, to) => lists[numbers].slice(from, to), listVersion);
  }
  // A doc's id and recency, and a word, never change once given, until the docs are numbered anew.
  const docVersion = (fill: number) => `${layout}:${cuts.docs}:${fill}`;
  addCuts(pieces, 'ids', docs, cuts.docs, (from, to) => ids.bytes.slice(from * 16, to * 16), docVersion);
  addCuts(pieces, 'recency', docs, cuts.docs, (from, to) => docRecency.slice(from, to), docVersion);
  addCuts(
    pieces,
    'words',
    terms.length,
    cuts.words,
    (from, to) => terms.slice(from, to).join('\n'),
    (fill) => `${layout}:${cuts.words}:${fill}`,
  );
  addCuts(pieces, 'kinds', docs, cuts.docs * KINDS_PER_DOC_CUT, (from, to) => docKind.slice(from, to));
  addCuts(
    pieces,
    'tails',
    tails.postings.length,
    cuts.tailEntries,
    (from, to) => ({ lists: tails.lists.slice(from, to), postings: tails.postings.slice(from, to) }),
    (fill) => `${tails.version}:${cuts.tailEntries}:${fill}`,
  );
  // toSnapshot's sorted ids are a copy already.
  pieces['sorted'] = { value: () => sortedIds };
  const rest: RestPiece = {
    format,
    layout,
    notesTextOnly,
    noteMasks: lists.noteMasks,
    others: ids.others,
    tailsVersion: tails.version,
    cuts,
    sizes: { docs, listBytes: lists.bytes.length, lists: lists.counts.length, tailEntries: tails.postings.length, words: terms.length },
  };
  pieces['rest'] = { value: () => rest };
  return new SnapshotPieces(pieces);
}

const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;

/**
 * The snapshot put back together from its pieces as loaded; undefined when they do not hold
 * together (a piece missing, of another type or length: nothing is allocated for sizes the
 * pieces do not have).
 */
export function snapshotFromPieces(data: unknown): unknown {
  if (typeof data !== 'object' || data === null) return undefined;
  const pieces = data as Record<string, unknown>;
  const rest = pieces['rest'] as Partial<RestPiece> | null | undefined;
  if (typeof rest !== 'object' || rest === null || typeof rest.tailsVersion !== 'string') return undefined;
  const { cuts, sizes } = rest;
  if (typeof cuts !== 'object' || cuts === null || typeof sizes !== 'object' || sizes === null) return undefined;
  if (![cuts.docs, cuts.listBytes, cuts.tailEntries, cuts.words].every((cut) => isCount(cut) && cut > 0) || cuts.listBytes % 4 !== 0) return undefined;
  if (![sizes.docs, sizes.listBytes, sizes.lists, sizes.tailEntries, sizes.words].every(isCount)) return undefined;
  const whole = <T extends Typed>(key: string, length: number, perCut: number, type: TypedArrayType<T>, part = (piece: unknown) => piece) =>
    joined(
      parts(pieces, key, length, perCut, (piece) => {
        const value = part(piece);
        return value instanceof type ? value : undefined;
      }),
      type,
    );
  const numbers = Object.fromEntries(
    LIST_NUMBERS.map((name) => [name, whole(`lists-${name}`, sizes.lists + (name === 'offsets' ? 1 : 0), cuts.listBytes / 4, Int32Array)]),
  );
  const wordParts = parts(pieces, 'words', sizes.words, cuts.words, (piece) => (typeof piece === 'string' ? piece.split('\n') : undefined));
  const tailPart = (name: 'lists' | 'postings') => (piece: unknown) =>
    typeof piece === 'object' && piece !== null ? (piece as Record<string, unknown>)[name] : undefined;
  const snapshot = {
    format: rest.format,
    layout: rest.layout,
    notesTextOnly: rest.notesTextOnly,
    docKind: whole('kinds', sizes.docs, cuts.docs * KINDS_PER_DOC_CUT, Uint8Array),
    docRecency: whole('recency', sizes.docs, cuts.docs, Float64Array),
    ids: { bytes: whole('ids', sizes.docs * 16, cuts.docs * 16, Uint8Array), others: rest.others },
    lists: { bytes: whole('lists', sizes.listBytes, cuts.listBytes, Uint8Array), ...numbers, noteMasks: rest.noteMasks },
    tails: {
      version: rest.tailsVersion,
      lists: whole('tails', sizes.tailEntries, cuts.tailEntries, Int32Array, tailPart('lists')),
      postings: whole('tails', sizes.tailEntries, cuts.tailEntries, Int32Array, tailPart('postings')),
    },
    terms: wordParts?.flat(),
    sortedIds: pieces['sorted'],
  };
  const cut = [
    snapshot.docKind,
    snapshot.docRecency,
    snapshot.ids.bytes,
    snapshot.lists.bytes,
    ...Object.values(numbers),
    snapshot.tails.lists,
    snapshot.tails.postings,
    snapshot.terms,
  ];
  return cut.every((part) => part !== undefined) ? snapshot : undefined;
}

type Typed = Uint8Array<ArrayBuffer> | Int32Array<ArrayBuffer> | Float64Array<ArrayBuffer>;
type TypedArrayType<T extends Typed> = { new (length: number): T };

/**
 * The parts `<key>/0`, `<key>/1`, ... of `length` items (`perCut` each, the last fewer), each read
 * by `part` from its piece; undefined when one is missing, unreadable or of another length, or a
 * piece follows the last.
 */
function parts<T extends { length: number }>(
  pieces: Record<string, unknown>,
  key: string,
  length: number,
  perCut: number,
  part: (piece: unknown) => T | undefined,
): T[] | undefined {
  const found: T[] = [];
  for (let from = 0, cut = 0; from < length; from += perCut, cut++) {
    const piece = part(pieces[`${key}/${cut}`]);
    if (piece === undefined || piece.length !== Math.min(perCut, length - from)) return undefined;
    found.push(piece);
  }
  return pieces[`${key}/${found.length}`] === undefined ? found : undefined;
}

/** The parts one after another in one array. */
function joined<T extends Typed>(found: T[] | undefined, type: TypedArrayType<T>): T | undefined {
  if (!found) return undefined;
  if (found.length === 1) return found[0];
  const whole = new type(found.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of found) {
    whole.set(part as never, at);
    at += part.length;
  }
  return whole;
}
