/** "When was it?": the dates a logged interaction may have (pure: the composer and the worker share it). */
import type { MessageKey } from '../../i18n';

/** A date may be this far ahead of now: clocks drift a little, and "now" was read a moment ago. */
export const FUTURE_GRACE_MS = 60_000;
/** The earliest date an interaction may be given. */
export const EARLIEST_WHEN = Date.UTC(1970, 0, 1);

/** Why an interaction cannot be dated `at` (the message to show), or undefined when it can. */
export function whenProblem(at: number, now: number): MessageKey | undefined {
  if (at > now + FUTURE_GRACE_MS) return 'errorWhenInFuture';
  if (at < EARLIEST_WHEN) return 'errorWhenTooEarly';
  return undefined;
}
