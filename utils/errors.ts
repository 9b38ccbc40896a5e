import type { ErrorCode } from './messaging/protocol';

/** An error meant for the user: the router answers it as `{ok: false, error: {code, message}}`. */
export class TendError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'TendError';
  }
}

// Chrome reports a disk that is really full (not Tend's quota) as an `UnknownError` whose message
// names it, e.g. "Encountered disk full while writing backing store." (IndexedDB's LevelDB).
const FULL_DISK = /quota|disk full|full disk|no space/i;

/** True for a full disk: IndexedDB and chrome.storage report it in different ways. */
export function isQuotaError(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name ?? '';
  const message = String((error as { message?: string } | null)?.message ?? '');
  return name === 'QuotaExceededError' || FULL_DISK.test(message);
}
