/**
 * Writes of one transaction made without waiting for each: requests of a transaction run in the
 * order they were made, so a bulk write (a restore, an import) need not wait one round trip per
 * record. The first write that fails rolls the transaction back (all or nothing); later requests
 * then fail because of it, and only the first cause is kept.
 */
import { rollBack } from './roll-back';

/** The writes a bulk writer made and has not yet waited for. */
export interface UnawaitedWrites {
  /** Make a write without waiting for it. */
  add(request: Promise<unknown>): void;
  /** Wait for every write made so far; rejects with the first failure, if any write failed. */
  settle(): Promise<void>;
  /** Whether a write failed, and its error. */
  readonly failed: boolean;
  readonly failure: unknown;
}

/** The unawaited writes of `tx`. */
export function unawaitedWrites(tx: { abort(): void; done: Promise<void> }): UnawaitedWrites {
  let pending: Promise<unknown>[] = [];
  const state = { failed: false, failure: undefined as unknown };
  return {
    add(request) {
      pending.push(
        request.catch((error: unknown) => {
          if (state.failed) return;
          state.failed = true;
          state.failure = error;
          void rollBack(tx);
        }),
      );
    },
    async settle() {
      const waiting = pending;
      pending = [];
      await Promise.all(waiting);
      if (state.failed) throw state.failure;
    },
    get failed() {
      return state.failed;
    },
    get failure() {
      return state.failure;
    },
  };
}
