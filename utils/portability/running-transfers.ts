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
  const entry: Running = { cancel, ended: Promise.resolve() };
  running.set(id, entry);
  try {
    const working = work(signal ? AbortSignal.any([signal, cancel.signal]) : cancel.signal);
    entry.ended = working.catch(() => undefined);
    return await working;
  } finally {
    running.delete(id);
  }
}

/** Cancel every transfer under way and wait until each has ended (what it wrote taken back). */
export async function stopRunningTransfers(): Promise<void> {
  const all = [...running.values()];
  for (const transfer of all) transfer.cancel.abort();
  await Promise.all(all.map((transfer) => transfer.ended));
}
