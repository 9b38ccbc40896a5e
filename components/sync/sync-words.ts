import { dateFormat, t, type MessageKey } from '../../utils/i18n';
import type { SyncErrorCode, SyncStatus } from '../../utils/messaging/features/sync';

/** One sentence per reason a sync pass fails, each something the user can act on. */
const ERROR_WORDS = {
  unauthorized: 'syncErrorUnauthorized',
  forbidden: 'syncErrorForbidden',
  'team-forbidden': 'syncErrorTeamForbidden',
  unreachable: 'syncErrorUnreachable',
  'no-permission': 'syncErrorNoPermission',
  server: 'syncErrorServer',
} as const satisfies Record<SyncErrorCode, MessageKey>;

/** Sync's last error in plain words; only the server's own reason is passed through (as text). */
export function syncErrorWords(error: NonNullable<SyncStatus['lastError']>): string {
  if (error.code === 'server') return error.detail ? t('syncErrorServer', error.detail) : t('syncErrorServerNoDetail');
  return t(ERROR_WORDS[error.code]);
}

/** When sync last succeeded or failed, in the UI language. */
export const syncTimeFormat = dateFormat({ dateStyle: 'medium', timeStyle: 'short' });

/** Whether the side panel should mention sync at all: only when something waits or fails. */
export function syncNeedsAttention(status: SyncStatus | undefined): status is SyncStatus {
  return status !== undefined && status.state !== 'off' && (status.state === 'error' || status.pending > 0);
}
