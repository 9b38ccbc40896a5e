import { TendError } from '../../utils/errors';
import { t, type MessageKey } from '../../utils/i18n';
import { failureSentence, type FailedAction } from '../../utils/text/failures';

export type { FailedAction };

/** Words for the user about a failure: a TendError already speaks to them; anything else is summarised. */
export function failureMessage(failure: unknown, action: FailedAction): string {
  return failure instanceof TendError ? failure.message : failureSentence(action, failure);
}

// Chrome's reasons for refusing to script a tab (its own English text, inside the worker's error),
// most specific first, each with the sentence a user can act on.
const PAGE_ACCESS: [RegExp, MessageKey][] = [
  [/extensions gallery|chromewebstore|webstore/i, 'pageCannotReadStore'],
  [/chrome-extension:/i, 'pageCannotReadExtension'],
  [/chrome:\/\/|edge:\/\/|about:|devtools:|view-source:|chrome-untrusted:|chrome-search:/i, 'pageCannotReadBrowser'],
  [/file:/i, 'pageCannotReadFile'],
  [/error page/i, 'pageCannotReadErrorPage'],
  [/no tab with id|tab was closed/i, 'pageCannotReadClosed'],
  [/permission|cannot access contents/i, 'pageNeedsClick'],
];

/** Why Tend cannot read a page, in plain words, from Chrome's error (whose raw text is only logged). */
export function pageAccessMessage(failure: unknown): string {
  const text = failure instanceof Error ? failure.message : String(failure);
  console.debug('Tend: cannot read the page', text);
  return t(PAGE_ACCESS.find(([pattern]) => pattern.test(text))?.[1] ?? 'pageCannotReadOther');
}
