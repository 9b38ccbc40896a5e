/**
 * A saved state in pieces (issue 17: the search index's snapshot, tens of megabytes at 50k people,
 * was one structured clone and one IndexedDB commit, and a keystroke waited behind them). Each
 * piece is a record of its own, written in its own transaction; the state's own record, naming its
 * pieces, is written last, in one transaction with the removal of the pieces it no longer names.
 * So a save stopped part-way (the worker stopped, a full disk) leaves the previous save whole and
 * still named, and a load reads the named record and its pieces in one transaction: one complete
 * save, never a mix.
 *
 * A piece can say its version: one whose version is that of the same piece in the last complete
 * save is named again, not copied nor written again (the search index's ids of an unchanged
 * numbering, its packed lists until it packs again).
 */
import type { SnapshotRecord } from '../model/rows';
import { readTx, writeTx, type TendDatabase } from './schema';
import { saveSnapshot } from './snapshots-repo';
import { newId } from '../ids';

/**
 * One piece: its value, asked only for a piece that is to be written, and asked at the very start
 * of the save, before its first await (it must give a copy: the piece is written after other
 * pieces' commits, by which time the owner may have changed); and its version (none: written
 * every time).
 */
export interface Piece {
  version?: string;
  value: () => unknown;
}

/** A state to save in pieces, saved in the order given. */
export class SnapshotPieces {
  constructor(readonly pieces: Record<string, Piece>) {}
}

/** What the state's own record holds when it was saved in pieces: the record and version of each piece. */
interface PiecesManifest {
  pieceRecords: Record<string, string>;
  pieceVersions?: Record<string, string>;
}

/** The pieces of the last complete save: each piece's record and version. */
export type SavedPieces = Map<string, { record: string; version?: string }>;

const isRecordOfStrings = (value: unknown): value is Record<string, string> =>
  typeof value === 'object' && value !== null && Object.values(value).every((item) => typeof item === 'string');

/** A manifest as saved; anything else stored under the state's name (a state saved whole) is not one. */
const isManifest = (data: unknown): data is PiecesManifest => typeof data === 'object' && data !== null && 'pieceRecords' in data;

const isWholeManifest = ({ pieceRecords, pieceVersions }: PiecesManifest) =>
  isRecordOfStrings(pieceRecords) && (pieceVersions === undefined || isRecordOfStrings(pieceVersions));

/** Pieces are named under their state's name: `search/ids/3/<save>`. */
const pieceRange = (name: string) => IDBKeyRange.bound(`${name}/`, `${name}/\uffff`);

/**
 * Save `pieces` as the state `name` at change `seq`; `previous` is the last complete save's pieces
 * (undefined: write them all). The values of the pieces to write are taken at once, before the
 * first await: the caller's state at the call is what is saved. The pieces now saved; undefined
 * when a piece named again is gone from the store (cleared since): nothing was named, save anew
 * without `previous`.
 */
export async function savePieces(
  db: TendDatabase,
  name: string,
  seq: number,
  { pieces }: SnapshotPieces,
  previous?: SavedPieces,
): Promise<SavedPieces | undefined> {
  const save = newId();
  const saved: SavedPieces = new Map();
  const writes: [key: string, record: string, value: unknown][] = [];
  for (const [key, { version, value }] of Object.entries(pieces)) {
    const before = previous?.get(key);
    if (before && version !== undefined && before.version === version) {
      saved.set(key, before);
      continue;
    }
    const record = `${name}/${key}/${save}`;
    writes.push([key, record, value()]);
    saved.set(key, { record, ...(version !== undefined && { version }) });
  }
  // A transaction each: a search between two pieces waits for one piece's commit, not all of them.
  for (const [, record, data] of writes) await saveSnapshot(db, { name: record, seq, savedAt: Date.now(), data });
  const tx = writeTx(db, ['snapshots']);
  const store = tx.objectStore('snapshots');
  const stored = new Set(await store.getAllKeys(pieceRange(name)));
  const named = new Set([...saved.values()].map(({ record }) => record));
  if ([...named].some((record) => !stored.has(record))) {
    tx.abort();
    await tx.done.catch(() => undefined);
    return undefined;
  }
  const manifest: PiecesManifest = {
    pieceRecords: Object.fromEntries([...saved].map(([key, { record }]) => [key, record])),
    pieceVersions: Object.fromEntries([...saved].flatMap(([key, { version }]) => (version === undefined ? [] : [[key, version]]))),
  };
  const removals = [...stored].filter((record) => !named.has(record)).map((record) => store.delete(record));
  await Promise.all([...removals, store.put({ name, seq, savedAt: Date.now(), data: manifest }), tx.done]);
  return saved;
}

/**
 * The saved state `name` with its pieces put together (`data` an object of them by key), read in
 * one transaction; a state saved whole is given as it is. Undefined when there is none, its record
 * is not of a manifest's shape, or a piece it names is missing.
 */
export async function loadWithPieces(db: TendDatabase, name: string): Promise<(SnapshotRecord & { pieces?: SavedPieces }) | undefined> {
  const store = readTx(db, ['snapshots']).objectStore('snapshots');
  const saved = await store.get(name);
  if (!saved || !isManifest(saved.data)) return saved;
  if (!isWholeManifest(saved.data)) return undefined;
  const { pieceRecords, pieceVersions = {} } = saved.data;
  const keys = Object.keys(pieceRecords);
  const records = await Promise.all(keys.map((key) => store.get(pieceRecords[key]!)));
  if (records.some((record) => !record)) return undefined;
  const pieces: SavedPieces = new Map(
    keys.map((key, i) => [key, { record: records[i]!.name, ...(typeof pieceVersions[key] === 'string' && { version: pieceVersions[key] }) }]),
  );
  return { ...saved, data: Object.fromEntries(keys.map((key, i) => [key, records[i]!.data])), pieces };
}
