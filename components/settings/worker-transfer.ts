/**
 * A file the worker applies (a backup restored, a confirmed import): sent a slice at a time, applied
 * with the worker's percentage, and cancellable. Restore and import share it.
 */
import { TRANSFER_PORT_PREFIX, type TextPayload } from '../../utils/messaging/features/portability';
import { browser } from 'wxt/browser';
import { ask } from '../../utils/messaging/client';
import { sendFile } from './transfer';
import { followWorkerProgress } from './worker-progress';

/** Where a transfer is: the file being sent to the worker, the worker checking it (a restore), or applying it; `share` 0 to 1. */
export interface TransferPhase {
  phase: 'sending' | 'checking' | 'applying';
  share: number;
}

/** The transfer stopped because the user cancelled it: the worker wrote nothing. */
export class TransferCancelled extends Error {
  constructor() {
    super('transfer cancelled');
    this.name = 'TransferCancelled';
  }
}

/**
 * Send `file` to the worker, then `apply` it: the request that names the sent text and the
 * `progressId` the worker reports (and hears a cancel) under. `done` settles with the worker's
 * answer, or rejects with TransferCancelled after `cancel()` (the worker stops at its next step and
 * takes back what it wrote; a cancel that comes once every record is written is too late, and
 * `done` has the answer). Closing the page cancels too.
 */
export function startWorkerTransfer<T>(
  file: Blob,
  apply: (payload: TextPayload, progressId: string) => Promise<T>,
  onProgress: (progress: TransferPhase) => void,
): { done: Promise<T>; cancel: () => void } {
  const progressId = crypto.randomUUID();
  let cancelled = false;
  const done = (async () => {
    onProgress({ phase: 'sending', share: 0 });
    const payload = await sendFile(file, (bytes) => {
      // Thrown in the middle of sending: the worker drops the chunks it staged after a while.
      if (cancelled) throw new TransferCancelled();
      onProgress({ phase: 'sending', share: bytes / Math.max(1, file.size) });
    });
    if (cancelled) throw new TransferCancelled();
    onProgress({ phase: 'applying', share: 0 });
    const stopFollowing = followWorkerProgress(progressId, (share, checking) => onProgress({ phase: checking ? 'checking' : 'applying', share }));
    // Held while the worker applies: if this page goes, the worker cancels (utils/services/portability/transfer-port.ts).
    const port = browser.runtime.connect({ name: TRANSFER_PORT_PREFIX + progressId });
    try {
      return await apply(payload, progressId);
    } catch (failure) {
      throw cancelled ? new TransferCancelled() : failure;
    } finally {
      stopFollowing();
      port.disconnect();
    }
  })();
  const cancel = () => {
    cancelled = true;
    void ask({ type: 'cancelTransfer', progressId }).catch(() => undefined);
  };
  return { done, cancel };
}
