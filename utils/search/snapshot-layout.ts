/**
 * How the search index is saved in pieces (issue 17: at 50k people its snapshot was ~30 MB in
 * four records, and a keystroke waited behind the clone and commit of each: the longest keystroke
 * while saving was 5x the longest without). Every piece is at most about a megabyte, a transaction
 * of its own, so a keystroke waits for one small commit at most; and a save after a thousand
 * changes writes little. What only grows at its end is cut by position, and a cut that is full
 * (or as full as last time) in the same numbering is named again, not written: the ids and
 * recencies by doc number until the index packs, the tails by entry until one is reordered, the
 * packed lists whole until the index packs. Each doc's kind (a removal marks it in place) and the
 * rest (words, sorted words) are written each time, and are small.
 */
import type { Piece } from '../db/snapshot-pieces';
import { SnapshotPieces } from '../db/snapshot-pieces';
import type { InvertedIndexSnapshot } from './inverted-index';
import type { PackedListsData } from './packed-lists';

/** Where the pieces are cut: docs per piece of ids (16 bytes each) and recencies (8), bytes per piece of packed lists, tail entries (8 bytes each) per piece. */
export interface Cuts {
  docs: number;
  listBytes: number;
  tailEntries: number;
}

/** About a megabyte a piece at most: 1 MB of ids, 512 KB of recencies, 1 MB of lists, 1 MB of tails. */
export const CUTS: Cuts = { docs: 65_536, listBytes: 1 << 20, tailEntries: 131_072 };
/** Kinds are a byte per doc: a piece holds as many docs as 16 cuts of ids. */
const KINDS_PER_DOC_CUT = 16;

/** What the `rest` piece holds besides the index's own small parts: how to put the others together. */
interface RestPiece {
  cuts: Cuts;
  docs: number;
  listBytes: number;
  tailEntries: number;
  tailsVersion: string;
  others: unknown;
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
  const { layout, docKind, docRecency, ids, lists, tails, ...small } = snapshot;
  const docs = docKind.length;
  const pieces: Record<string, Piece> = {};
  const { bytes: listBytes, ...listMeta } = lists;
  // The packed lists change only when the index packs, which numbers the docs anew (a new layout).
  const listVersion = `${layout}:${cuts.listBytes}`;
  addCuts(
    pieces,
    'lists',
    listBytes.length,
    cuts.listBytes,
    (from, to) => listBytes.slice(from, to),
    () => listVersion,
  );
  pieces['lists'] = { version: listVersion, value: () => listMeta };
  // A doc's id and recency never change once given, until the docs are numbered anew.
  const docVersion = (fill: number) => `${layout}:${cuts.docs}:${fill}`;
  addCuts(pieces, 'ids', docs, cuts.docs, (from, to) => ids.bytes.slice(from * 16, to * 16), docVersion);
  addCuts(pieces, 'recency', docs, cuts.docs, (from, to) => docRecency.slice(from, to), docVersion);
  addCuts(pieces, 'kinds', docs, cuts.docs * KINDS_PER_DOC_CUT, (from, to) => docKind.slice(from, to));
  const tailEntries = tails.postings.length;
  addCuts(
    pieces,
    'tails',
    tailEntries,
    cuts.tailEntries,
    (from, to) => ({ lists: tails.lists.slice(from, to), postings: tails.postings.slice(from, to) }),
    (fill) => `${tails.version}:${cuts.tailEntries}:${fill}`,
  );
  const rest: RestPiece = { cuts, docs, listBytes: listBytes.length, tailEntries, tailsVersion: tails.version, others: ids.others };
  // The words and sorted ids are copies already (toSnapshot makes them).
  pieces['rest'] = { value: () => ({ ...small, layout, ...rest }) };
  return new SnapshotPieces(pieces);
}

/** The snapshot put back together from its pieces as loaded; undefined when they do not hold together. */
export function snapshotFromPieces(data: unknown): unknown {
  const pieces = data as Record<string, unknown> | null;
  const rest = pieces?.['rest'] as (Omit<InvertedIndexSnapshot, 'ids' | 'docKind' | 'docRecency' | 'lists' | 'tails'> & Partial<RestPiece>) | undefined;
  const listMeta = pieces?.['lists'] as Omit<PackedListsData, 'bytes'> | undefined;
  if (!pieces || typeof rest !== 'object' || typeof listMeta !== 'object' || typeof rest.tailsVersion !== 'string') return undefined;
  const { cuts, docs, listBytes, tailEntries, tailsVersion, others, ...small } = rest;
  if (!cuts || ![docs, listBytes, tailEntries, cuts.docs, cuts.listBytes, cuts.tailEntries].every((n) => Number.isInteger(n) && n! >= 0)) return undefined;
  if (cuts.docs < 1 || cuts.listBytes < 1 || cuts.tailEntries < 1) return undefined;
  const docKind = joined(pieces, 'kinds', docs!, cuts.docs * KINDS_PER_DOC_CUT, (part) => part, Uint8Array);
  const bytes = joined(pieces, 'ids', docs! * 16, cuts.docs * 16, (part) => part, Uint8Array);
  const docRecency = joined(pieces, 'recency', docs!, cuts.docs, (part) => part, Float64Array);
  const packed = joined(pieces, 'lists', listBytes!, cuts.listBytes, (part) => part, Uint8Array);
  const tailLists = joined(pieces, 'tails', tailEntries!, cuts.tailEntries, (part) => (part as { lists?: unknown } | null)?.lists, Int32Array);
  const tailPostings = joined(pieces, 'tails', tailEntries!, cuts.tailEntries, (part) => (part as { postings?: unknown } | null)?.postings, Int32Array);
  if (!docKind || !bytes || !docRecency || !packed || !tailLists || !tailPostings) return undefined;
  return {
    ...small,
    docKind,
    docRecency,
    ids: { bytes, others },
    lists: { ...listMeta, bytes: packed },
    tails: { version: tailsVersion, lists: tailLists, postings: tailPostings },
  };
}

type Typed = Uint8Array<ArrayBuffer> | Int32Array<ArrayBuffer> | Float64Array<ArrayBuffer>;

/**
 * `length` items from the pieces `<key>/0`, `<key>/1`, ... (`perCut` items each, the last fewer),
 * each read by `part` from its piece; undefined when one is missing, of another type or length.
 */
function joined<T extends Typed>(
  pieces: Record<string, unknown>,
  key: string,
  length: number,
  perCut: number,
  part: (piece: unknown) => unknown,
  type: { new (length: number): T },
): T | undefined {
  const whole = new type(length);
  for (let from = 0, cut = 0; from < length; from += perCut, cut++) {
    const piece = part(pieces[`${key}/${cut}`]);
    if (!(piece instanceof type) || piece.length !== Math.min(perCut, length - from)) return undefined;
    whole.set(piece as never, from);
  }
  return whole;
}
