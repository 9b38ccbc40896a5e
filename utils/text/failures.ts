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
  return t(FAILURES[action], failure instanceof Error ? failure.message : t('failureUnknown'));
}
