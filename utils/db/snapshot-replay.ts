/**
 * What every state kept in the worker's memory and saved to the `snapshots` store shares (the
 * search index, the People view's roster): loading the saved state with the records that changed
 * since it was saved, as the change log says, and saving it again a little after it drifted.
 */
import type { Contact, Interaction } from '../model/records';
import { changesSince, latestChangeSeq } from './changes-repo';
import { readRecords } from './records-repo';
import { loadWithPieces, savePieces, SnapshotPieces, type SavedPieces } from './snapshot-pieces';
import { saveSnapshot } from './snapshots-repo';
import type { TendDatabase } from './schema';

/** The stores a saved state may be built from. */
export type ReplayStore = 'contacts' | 'interactions';

/** A saved state and what it must apply to be current. */
export interface SavedWithChanges {
  /** The state's own format, for the state to check (saved in pieces: an object of them by key). */
  data: unknown;
  /** The pieces it was saved in, if it was (the owner hands them to its saver's `reset`). */
  pieces?: SavedPieces;
  /** The last logged change it includes once the records below are applied. */
  seq: number;
  /** How many changes were logged after it was saved (every store). */
  logged: number;
  /** Each record of `stores` changed since, as it is now (undefined: deleted). */
  contacts: Map<string, Contact | undefined>;
  interactions: Map<string, Interaction | undefined>;
}

/**
 * The snapshot `name` with the current records of `stores` changed after it; undefined when there
 * is none, or it cannot be trusted: it claims changes the log does not hold (a cleared log), or one
 * of `stores` was cleared since (delete everything, a restore). The caller then reads the stores.
 */
export async function loadSnapshotWithChanges(db: TendDatabase, name: string, stores: readonly ReplayStore[]): Promise<SavedWithChanges | undefined> {
  const [saved, latest] = await Promise.all([loadWithPieces(db, name), latestChangeSeq(db)]);
  if (!saved || saved.seq > latest) return undefined;
  const since = await changesSince(db, saved.seq);
  const watched = since.filter((change) => (stores as readonly string[]).includes(change.store));
  if (watched.some((change) => change.op === 'clear')) return undefined;
  const ids = (store: ReplayStore) =>
    stores.includes(store) ? [...new Set(watched.filter((c) => c.store === store && c.id !== undefined).map((c) => c.id!))] : [];
  const { contacts, interactions } = await readRecords(db, ids('contacts'), ids('interactions'));
  return { data: saved.data, ...(saved.pieces && { pieces: saved.pieces }), seq: since.at(-1)?.seq ?? saved.seq, logged: since.length, contacts, interactions };
}

/** When to save a state again: after this many changes, this long after it settles. */
export interface SaveRule {
  afterChanges: number;
  delayMs: number;
}

/**
 * Saves one named state a little after it was built or drifted `afterChanges` from its snapshot
 * (a burst of writes is saved once). The owner counts what it applies and says when it loaded.
 */
export class SnapshotSaver {
  /** Changes applied since the state was last saved; -1 when it was never saved. */
  private unsaved = -1;
  private timer?: ReturnType<typeof setTimeout>;
  /** The pieces of the last complete save (a state saved in pieces). */
  private pieces?: SavedPieces;
  /** The save in progress: saves run one after another (a piece saved is named by the next). */
  private saving: Promise<unknown> = Promise.resolve();
  /** A scheduled save waits behind the one in progress: scheduling another would only save twice. */
  private queued = false;

  constructor(
    private readonly db: TendDatabase,
    private readonly name: string,
    private readonly rule: SaveRule,
  ) {}

  /** The state now matches its snapshot plus `changes` (-1: it matches none, e.g. just rebuilt), loaded from `pieces` if it was saved in pieces. */
  reset(changes: number, pieces?: SavedPieces): void {
    this.unsaved = changes;
    this.pieces = pieces;
  }

  /** `count` more changes were applied to the state. */
  applied(count: number): void {
    if (this.unsaved >= 0) this.unsaved += count;
  }

  /**
   * Save later if the state was never saved or drifted far; `current` is asked when the save
   * begins, after any save still running (undefined: the state is gone or busy, skip; the next
   * change schedules again). Data given as `SnapshotPieces` is saved in pieces (snapshot-pieces.ts).
   */
  schedule(current: () => SaveState | undefined): void {
    if (this.timer !== undefined || this.queued || (this.unsaved >= 0 && this.unsaved < this.rule.afterChanges)) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.queued = true;
      this.save(current).catch((error: unknown) => {
        // A closed database (the worker or a test shutting down) only means the next start rebuilds.
        if (!(error instanceof DOMException && error.name === 'InvalidStateError')) console.warn(`Tend: could not save the ${this.name} snapshot`, error);
      });
    }, this.rule.delayMs);
  }

  /** Save now, cancelling a save scheduled for later; `current` as for `schedule`. */
  async saveNow(current: () => SaveState | undefined): Promise<void> {
    this.cancel();
    await this.save(current);
  }

  /** Forget a scheduled save (the state is dropped). */
  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /**
   * Saves run one after another, and each asks for the state only once the one before ended: a
   * save in pieces names pieces of the last complete save, which must be that one.
   */
  private save(current: () => SaveState | undefined): Promise<void> {
    const save = this.saving.then(async () => {
      this.queued = false;
      for (let anew = false; ; anew = true) {
        const state = current();
        if (!state) return;
        this.unsaved = 0;
        const { seq, data } = state;
        if (!(data instanceof SnapshotPieces)) return saveSnapshot(this.db, { name: this.name, seq, savedAt: Date.now(), data });
        const saved = await savePieces(this.db, this.name, seq, data, anew ? undefined : this.pieces);
        // Undefined: a piece it named again was gone (the store cleared since); once more, writing every piece.
        if (saved || anew) {
          this.pieces = saved;
          return;
        }
      }
    });
    this.saving = save.catch(() => undefined);
    return save;
  }
}

/** A state to save: the last logged change it includes, and its data. */
export interface SaveState {
  seq: number;
  data: unknown;
}
