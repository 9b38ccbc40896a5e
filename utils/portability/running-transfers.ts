/**
 * Restores and imports under way in this worker, by id. Their notes in the `restores` store are
 * not leftovers (take-back.ts leaves them alone), sync holds its passes while any runs (their
 * records would reach the server, then their take-back as deletions), and Delete everything stops
 * them first (else a restore's later batches would write after the user deleted everything).
 */

interface Running {
  cancel: AbortController;
  /** Settles once the transfer has ended, however (taken back when it did not end well). */
  ended: Promise<unknown>;
}

const running = new Map<string, Running>();

/** Whether the transfer `id` is under way here. */
export const transferRunning = (id: string): boolean => running.has(id);

/** Whether any restore or import is under way here. */
export const anyTransferRunning = (): boolean => running.size > 0;

/**
 * Run the transfer `id`, its work given a signal that fires on the caller's own `signal` or when
 * `stopRunningTransfers` is called; known as running until it ends.
 */
export async function runTransfer<T>(id: string, signal: AbortSignal | undefined, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const cancel = new AbortController();
  // The caller's cancel aborts ours too (by hand: AbortSignal.any needs Chrome 116, the side panel 114).
  if (signal?.aborted) cancel.abort();
  else signal?.addEventListener('abort', () => cancel.abort(), { once: true });
  const entry: Running = { cancel, ended: Promise.resolve() };
  running.set(id, entry);
  try {
    const working = work(cancel.signal);
    entry.ended = working.catch(() => undefined);
    return await working;
  } finally {
    running.delete(id);
    if (running.size === 0) for (const resolve of idle.splice(0)) resolve();
  }
}

/** Waiting for no transfer to run. */
const idle: (() => void)[] = [];

/** Settles once no restore or import runs here (at once when none does). */
export function whenNoTransfers(): Promise<void> {
  return running.size === 0 ? Promise.resolve() : new Promise((resolve) => idle.push(resolve));
}

/** Cancel every transfer under way and wait until each has ended (what it wrote taken back). */
export async function stopRunningTransfers(): Promise<void> {
  const all = [...running.values()];
  for (const transfer of all) transfer.cancel.abort();
  await Promise.all(all.map((transfer) => transfer.ended));
}
