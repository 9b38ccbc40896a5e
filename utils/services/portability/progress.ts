/**
 * How far the options page's long requests have gone (an export being written, a restore or an
 * import being applied), by the id the page chose: the page asks while it waits. Kept in the worker's memory
 * only; a request the worker never heard of, or finished, reads as not started.
 */
import type { TransferProgress } from '../../messaging/features/portability';

/** Most requests followed at once (a few open options pages at most); the oldest is forgotten first. */
const MAX_FOLLOWED = 8;
const progress = new Map<string, TransferProgress>();

/** Note how far the request `id` has gone (`checking`: a restore checking its file, before it writes). */
export function reportProgress(id: string, done: number, total: number, checking = false): void {
  progress.delete(id);
  progress.set(id, { done, total, ...(checking && { checking }) });
  for (const oldest of progress.keys()) {
    if (progress.size <= MAX_FOLLOWED) break;
    progress.delete(oldest);
  }
}

/** How far the request `id` has gone (0 of 0 when unknown). */
export function progressOf(id: string): TransferProgress {
  return progress.get(id) ?? { done: 0, total: 0 };
}

/** Requests the page may cancel, by id; a cancel that came first leaves an aborted one waiting. */
const cancellers = new Map<string, AbortController>();

/** The signal that cancels the request `id` (already aborted when the page cancelled it before it started). */
export function cancelSignal(id: string): AbortSignal {
  let controller = cancellers.get(id);
  if (!controller) {
    controller = new AbortController();
    cancellers.set(id, controller);
  }
  return controller.signal;
}

/** The page cancelled the request `id`: it stops at its next check, having written nothing. */
export function cancelRequest(id: string): void {
  cancelSignal(id);
  cancellers.get(id)!.abort();
  for (const oldest of cancellers.keys()) {
    if (cancellers.size <= MAX_FOLLOWED) break;
    cancellers.delete(oldest);
  }
}

/** Forget a finished request. */
export function endProgress(id: string): void {
  progress.delete(id);
  cancellers.delete(id);
}

/** How a followed request reports its progress and hears a cancel. */
export interface Followed {
  onProgress?: (done: number, total: number) => void;
  /** A restore's check of its file, before anything is written: pieces of its text read of all. */
  onChecking?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/**
 * Run a long request the page may follow and cancel by `progressId` (none: nobody follows it);
 * forgotten once it ends, however it ends.
 */
export async function followedRequest<T>(progressId: string | undefined, work: (followed: Followed) => Promise<T>): Promise<T> {
  if (progressId === undefined) return work({});
  try {
    return await work({
      onProgress: (done, total) => reportProgress(progressId, done, total),
      onChecking: (done, total) => reportProgress(progressId, done, total, true),
      signal: cancelSignal(progressId),
    });
  } finally {
    endProgress(progressId);
  }
}
