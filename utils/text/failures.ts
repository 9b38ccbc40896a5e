import { isQuotaError } from '../errors';
import { t, type MessageKey } from '../i18n';

/** What was being done when a bulk action of the options page failed: each has its own sentence, for translators. */
const FAILURES = {
  export: 'failureExport',
  backup: 'failureBackup',
  'delete-everything': 'failureDeleteEverything',
  'list-imports': 'failureListImports',
  'read-file': 'failureReadFile',
  import: 'failureImport',
  restore: 'failureRestore',
  'undo-import': 'failureUndoImport',
} as const satisfies Record<string, MessageKey>;

/** A bulk action of the options page (done in the page or by the worker) that can fail. */
export type FailedAction = keyof typeof FAILURES;

/**
 * The user's sentence for an unexpected failure, with its technical reason in it; the failure is
 * logged for the developer, so a stack trace never reaches the page.
 */
export function failureSentence(action: FailedAction, failure: unknown): string {
  console.error(`Tend: ${action} failed`, failure);
  return t(FAILURES[action], failureReason(failure));
}

/**
 * The reason inside a failure sentence, never empty: a full disk in plain words (with the
 * browser's name for it), else the error's message, else its name (IndexedDB's errors may carry
 * an empty message, which made "Tend could not import ()").
 */
export function failureReason(failure: unknown): string {
  const { name, message } = (typeof failure === 'object' && failure !== null ? failure : {}) as { name?: unknown; message?: unknown };
  const named = typeof name === 'string' && name !== 'Error' ? name : '';
  const said = typeof message === 'string' ? message.trim() : '';
  if (isQuotaError(failure)) return t('failureNoRoom', said || named || 'QuotaExceededError');
  // Chrome's words when the worker stopped (or was stopped) before answering a page's request.
  if (/message (channel|port) closed before a response/i.test(said)) return t('failureWorkerStopped');
  return said || named || t('failureUnknown');
}
