/**
 * A saved state in pieces (issue 17: the search index's snapshot, ~8 MB, was one structured clone
 * and one IndexedDB commit, and a keystroke waited behind them). Each piece is a record of its own,
 * written in its own transaction; the state's own record, naming its pieces, is written last, in
 * one transaction with the removal of the pieces it no longer names. So a save stopped part-way
 * (the worker stopped, a full disk) leaves the previous save whole and still named, and a load
 * reads the named record and its pieces in one transaction: one complete save, never a mix.
 *
 * A piece that is the very object saved last time is named again, not written again (the owner
 * never changes a piece in place: the search index's packed lists change only by being replaced).
 */
import type { SnapshotRecord } from '../model/rows';
import { readTx, writeTx, type TendDatabase } from './schema';
import { saveSnapshot } from './snapshots-repo';

/** A state to save in pieces: each a value structured clone takes, saved in the order given. */
export class SnapshotPieces {
  constructor(readonly pieces: Record<string, unknown>) {}
}

/** What the state's own record holds when it was saved in pieces: the record of each piece. */
interface PiecesManifest {
  pieceRecords: Record<string, string>;
}

/**
 * The pieces of the last complete save: each piece's record, and the piece itself held weakly, to
 * name it again while the owner still holds the very same object (holding the copies a save makes
 * would keep megabytes alive for nothing).
 */
export type SavedPieces = Map<string, { held?: WeakRef<object>; record: string }>;

/** A saved piece's entry. */
const savedPiece = (value: unknown, record: string) => ({ record, ...(typeof value === 'object' && value !== null && { held: new WeakRef(value) }) });

const isManifest = (data: unknown): data is PiecesManifest =>
  typeof data === 'object' && data !== null && typeof (data as Partial<PiecesManifest>).pieceRecords === 'object';

/** Pieces are named under their state's name: `search/ids/<save>`. */
const pieceRange = (name: string) => IDBKeyRange.bound(`${name}/`, `${name}/\uffff`);

/**
 * Save `pieces` as the state `name` at change `seq`; `previous` is the last complete save's pieces
 * (undefined: write them all). The pieces now saved.
 */
export async function savePieces(db: TendDatabase, name: string, seq: number, { pieces }: SnapshotPieces, previous?: SavedPieces): Promise<SavedPieces> {
  const save = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const saved: SavedPieces = new Map();
  for (const [key, value] of Object.entries(pieces)) {
    const before = previous?.get(key);
    if (before && before.held?.deref() === value) {
      saved.set(key, before);
      continue;
    }
    const record = `${name}/${key}/${save}`;
    // A transaction each: a search between two pieces waits for one piece's commit, not all of them.
    await saveSnapshot(db, { name: record, seq, savedAt: Date.now(), data: value });
    saved.set(key, savedPiece(value, record));
  }
  const tx = writeTx(db, ['snapshots']);
  const store = tx.objectStore('snapshots');
  const stored = new Set(await store.getAllKeys(pieceRange(name)));
  const named = new Set([...saved.values()].map(({ record }) => record));
  if ([...named].some((record) => !stored.has(record))) {
    // A piece named again is gone (the store was cleared since): write every piece anew.
    tx.abort();
    await tx.done.catch(() => undefined);
    return savePieces(db, name, seq, new SnapshotPieces(pieces));
  }
  const manifest: PiecesManifest = { pieceRecords: Object.fromEntries([...saved].map(([key, { record }]) => [key, record])) };
  const removals = [...stored].filter((record) => !named.has(record)).map((record) => store.delete(record));
  await Promise.all([...removals, store.put({ name, seq, savedAt: Date.now(), data: manifest }), tx.done]);
  return saved;
}

/**
 * The saved state `name` with its pieces put together (`data` an object of them by key), read in
 * one transaction; a state saved whole is given as it is. Undefined when there is none or a piece
 * it names is missing.
 */
export async function loadWithPieces(db: TendDatabase, name: string): Promise<(SnapshotRecord & { pieces?: SavedPieces }) | undefined> {
  const store = readTx(db, ['snapshots']).objectStore('snapshots');
  const saved = await store.get(name);
  if (!saved || !isManifest(saved.data)) return saved;
  const keys = Object.keys(saved.data.pieceRecords);
  const records = await Promise.all(keys.map((key) => store.get((saved.data as PiecesManifest).pieceRecords[key]!)));
  if (records.some((record) => !record)) return undefined;
  const pieces: SavedPieces = new Map(keys.map((key, i) => [key, savedPiece(records[i]!.data, records[i]!.name)]));
  return { ...saved, data: Object.fromEntries(keys.map((key, i) => [key, records[i]!.data])), pieces };
}
