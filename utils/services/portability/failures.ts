/** Failures of the options page's bulk requests, in the words the page used when it did the work itself. */
import { TendError } from '../../errors';
import { t, type MessageKey } from '../../i18n';

/** What was being done: each has its own sentence, with the technical reason in it. */
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

/** A bulk action of the options page done by the worker. */
export type BulkAction = keyof typeof FAILURES;

/** As the router tells a full disk (IndexedDB and chrome.storage report it in different ways). */
function isQuotaError(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name ?? '';
  const message = String((error as { message?: string } | null)?.message ?? '');
  return name === 'QuotaExceededError' || /quota/i.test(message);
}

/**
 * Run an action; an unexpected failure becomes a TendError saying what failed and why. TendErrors
 * already speak to the user, and a full disk is answered by the router in its own words.
 */
export async function failingAs<T>(action: BulkAction, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof TendError || isQuotaError(error)) throw error;
    console.error(`Tend: ${action} failed`, error);
    throw new TendError('failed', t(FAILURES[action], error instanceof Error ? error.message : t('failureUnknown')));
  }
}
