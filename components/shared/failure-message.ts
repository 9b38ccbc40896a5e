import { TendError } from '../../utils/errors';
import { failureSentence, type FailedAction } from '../../utils/text/failures';

export type { FailedAction };

/** Words for the user about a failure: a TendError already speaks to them; anything else is summarised. */
export function failureMessage(failure: unknown, action: FailedAction): string {
  return failure instanceof TendError ? failure.message : failureSentence(action, failure);
}
