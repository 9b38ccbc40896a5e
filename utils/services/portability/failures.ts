/** Failures of the options page's bulk requests, in the words the page used when it did the work itself. */
import { TendError } from '../../errors';
import { failureSentence, type FailedAction } from '../../text/failures';

/** A bulk action of the options page done by the worker. */
export type BulkAction = FailedAction;

/**
 * Run an action; an unexpected failure (a full disk included) becomes a TendError saying what
 * failed and why. TendErrors already speak to the user.
 */
export async function failingAs<T>(action: BulkAction, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    // A full disk too is said with the action it stopped (failureSentence names it in plain words).
    if (error instanceof TendError) throw error;
    throw new TendError('failed', failureSentence(action, error));
  }
}
