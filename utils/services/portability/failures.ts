/** Failures of the options page's bulk requests, in the words the page used when it did the work itself. */
import { isQuotaError, TendError } from '../../errors';
import { failureSentence, type FailedAction } from '../../text/failures';

/** A bulk action of the options page done by the worker. */
export type BulkAction = FailedAction;

/**
 * Run an action; an unexpected failure becomes a TendError saying what failed and why. TendErrors
 * already speak to the user, and a full disk is answered by the router in its own words.
 */
export async function failingAs<T>(action: BulkAction, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof TendError || isQuotaError(error)) throw error;
    throw new TendError('failed', failureSentence(action, error));
  }
}
