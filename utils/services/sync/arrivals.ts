/**
 * A replication into the local replica as the pull sees it while it applies: how many batches
 * it has written so far, whether it ended, and a wait for its next batch or its end. The pull
 * applies the replica's changes while the replication still brings more, instead of after it
 * (a 5,000-record initial sync spent as long reading back and applying as replicating, one
 * after the other; the replication mostly waits on the server meanwhile).
 */
import type { Replication } from 'pouchdb-core';

/** What the pull watches of a running replication. */
export interface Arrivals {
  /** Batches written so far (a number to pass to `after`). */
  written(): number;
  /** True once the replication ended (done or failed): nothing more will arrive. */
  ended(): boolean;
  /** Resolves once more than `seen` batches were written, or the replication ended. */
  after(seen: number): Promise<void>;
}

/** Watch a replication's batches and end (its failure is for its own caller to handle). */
export function arrivalsOf(replication: Replication): Arrivals {
  let written = 0;
  let ended = false;
  const waiting = new Set<() => void>();
  const wake = () => {
    for (const resolve of waiting) resolve();
    waiting.clear();
  };
  replication.on('change', () => {
    written++;
    wake();
  });
  const end = () => {
    ended = true;
    wake();
  };
  replication.then(end, end);
  return {
    written: () => written,
    ended: () => ended,
    after: (seen) => (ended || written > seen ? Promise.resolve() : new Promise((resolve) => waiting.add(resolve))),
  };
}

/** A replication that has already ended: the pull applies what the replica holds and returns. */
export const NOTHING_ARRIVING: Arrivals = { written: () => 0, ended: () => true, after: () => Promise.resolve() };
