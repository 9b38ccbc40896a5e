/** A backup restored by the worker: sent, applied with the worker's percentage, and cancellable. */
import { ask } from '../../utils/messaging/client';
import type { RestoreResult } from '../../utils/messaging/features/portability';
import { sendFile } from './transfer';
import { followWorkerProgress } from './worker-progress';

/** Where a restore is: the file being sent to the worker, or the worker applying it; `share` 0 to 1. */
export interface RestoreProgress {
  phase: 'sending' | 'applying';
  share: number;
}

/** The restore stopped because the user cancelled it: the worker wrote nothing. */
export class RestoreCancelled extends Error {
  constructor() {
    super('restore cancelled');
    this.name = 'RestoreCancelled';
  }
}

/**
 * Start restoring a backup file. `done` settles with the worker's report, or rejects with
 * RestoreCancelled after `cancel()` (the worker aborts its one transaction at its next chunk; a
 * cancel that comes once every record is written is too late, and `done` has the report).
 */
export function startRestore(file: Blob, onProgress: (progress: RestoreProgress) => void): { done: Promise<RestoreResult>; cancel: () => void } {
  const progressId = crypto.randomUUID();
  let cancelled = false;
  const done = (async () => {
    onProgress({ phase: 'sending', share: 0 });
    const backup = await sendFile(file, (bytes) => {
      // Thrown in the middle of sending: the worker drops the chunks it staged after a while.
      if (cancelled) throw new RestoreCancelled();
      onProgress({ phase: 'sending', share: bytes / Math.max(1, file.size) });
    });
    if (cancelled) throw new RestoreCancelled();
    onProgress({ phase: 'applying', share: 0 });
    const stopFollowing = followWorkerProgress(progressId, (share) => onProgress({ phase: 'applying', share }));
    try {
      return await ask({ type: 'restoreBackup', backup, progressId });
    } catch (failure) {
      throw cancelled ? new RestoreCancelled() : failure;
    } finally {
      stopFollowing();
    }
  })();
  const cancel = () => {
    cancelled = true;
    void ask({ type: 'cancelTransfer', progressId }).catch(() => undefined);
  };
  return { done, cancel };
}
