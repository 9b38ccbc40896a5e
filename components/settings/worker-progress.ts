/** Following a long request of the worker (an export written, a restore applied) by the id the page gave it. */
import { ask } from '../../utils/messaging/client';

/** How often the page asks how far the worker has gone. */
const PROGRESS_EVERY_MS = 250;

/**
 * Ask every quarter second how far the request `progressId` has gone; `onShare` hears the share
 * done, 0 to 1 (and whether the worker is still checking a restore's file, writing nothing yet),
 * until the returned function is called (an answer arriving after it is dropped).
 */
export function followWorkerProgress(progressId: string, onShare: (share: number, checking: boolean) => void): () => void {
  let following = true;
  const poll = setInterval(() => {
    void ask({ type: 'transferProgress', progressId }).then(
      ({ done, total, checking }) => following && total > 0 && onShare(done / total, checking === true),
      () => undefined,
    );
  }, PROGRESS_EVERY_MS);
  return () => {
    following = false;
    clearInterval(poll);
  };
}
