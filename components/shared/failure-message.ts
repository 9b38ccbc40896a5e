import { TendError } from '../../utils/errors';
import { t, type MessageKey } from '../../utils/i18n';

/** What was being done when something failed: each has its own sentence, for translators. */
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

/** An action of the options page that can fail. */
export type FailedAction = keyof typeof FAILURES;

/**
 * Words for the user about a failure: a TendError already speaks to them; anything else is
 * logged for the developer and summarised, so a stack trace never reaches the page.
 */
export function failureMessage(failure: unknown, action: FailedAction): string {
  if (failure instanceof TendError) return failure.message;
  console.error(`Tend: ${action} failed`, failure);
  return t(FAILURES[action], failure instanceof Error ? failure.message : t('failureUnknown'));
}
