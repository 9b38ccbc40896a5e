/** Sync's failures in the words the options page shows (SyncErrorCode), from PouchDB's and fetch's errors. */
import type { SyncErrorCode } from '../../messaging/features/sync';

/** A failure of sync with the code a page shows for it. */
export class SyncError extends Error {
  constructor(
    readonly code: SyncErrorCode,
    detail?: string,
  ) {
    super(detail ?? code);
    this.name = 'SyncError';
  }
}

/** The code of a failed request or replication: 401 wrong credentials, 403 no access, no answer unreachable. */
export function syncErrorOf(error: unknown): SyncError {
  if (error instanceof SyncError) return error;
  const { status, message } = (error ?? {}) as { status?: number; message?: string };
  if (status === 401) return new SyncError('unauthorized', message);
  if (status === 403) return new SyncError('forbidden', message);
  // fetch rejects with a TypeError when nothing answered ("Failed to fetch" in Chrome, "fetch failed" in Node).
  if (/failed to fetch|fetch failed|network ?error|ECONNREFUSED/i.test(message ?? '')) return new SyncError('unreachable', message);
  return new SyncError('server', `${status}: ${message ?? ''}`.slice(0, 500));
}
