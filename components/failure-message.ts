import { TendError } from '../utils/errors';

/**
 * Words for the user about a failure: a TendError already speaks to them; anything else is
 * logged for the developer and summarised, so a stack trace never reaches the page.
 */
export function failureMessage(failure: unknown, doing: string): string {
  if (failure instanceof TendError) return failure.message;
  console.error(`Tend: ${doing} failed`, failure);
  const detail = failure instanceof Error ? ` (${failure.message})` : '';
  return `Tend could not ${doing}${detail}. Nothing was changed.`;
}
