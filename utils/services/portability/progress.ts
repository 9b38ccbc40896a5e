/**
 * How far the options page's long requests have gone (an export being written, a restore being
 * applied), by the id the page chose: the page asks while it waits. Kept in the worker's memory
 * only; a request the worker never heard of, or finished, reads as not started.
 */
import type { TransferProgress } from '../../messaging/features/portability';

/** Most requests followed at once (a few open options pages at most); the oldest is forgotten first. */
const MAX_FOLLOWED = 8;
const progress = new Map<string, TransferProgress>();

/** Note how far the request `id` has gone. */
export function reportProgress(id: string, done: number, total: number): void {
  progress.delete(id);
  progress.set(id, { done, total });
  for (const oldest of progress.keys()) {
    if (progress.size <= MAX_FOLLOWED) break;
    progress.delete(oldest);
  }
}

/** How far the request `id` has gone (0 of 0 when unknown). */
export function progressOf(id: string): TransferProgress {
  return progress.get(id) ?? { done: 0, total: 0 };
}

/** Forget a finished request. */
export function endProgress(id: string): void {
  progress.delete(id);
}
