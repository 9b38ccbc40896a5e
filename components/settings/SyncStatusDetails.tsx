import { t, tCount } from '../../utils/i18n';
import type { SyncStatus } from '../../utils/messaging/features/sync';
import { syncErrorWords, syncTimeFormat } from '../sync/sync-words';

/** What sync did and what waits: the server, the last pass, pending and rejected records, the last problem. */
export function SyncStatusDetails({ status }: { status: SyncStatus }) {
  // A problem a later successful pass got past is history, not news.
  const lastError = status.lastError && status.lastError.at >= (status.lastSyncedAt ?? 0) ? status.lastError : undefined;
  return (
    <div class="sync-details">
      <p>{t('syncOnWith', status.server ?? '', status.user ?? '')}</p>
      {status.team !== undefined && <p>{t('syncTeamOn', status.team)}</p>}
      {status.state === 'syncing' && <p>{t('syncSyncing')}</p>}
      <p>{status.lastSyncedAt === undefined ? t('syncNeverSynced') : t('syncLastSynced', syncTimeFormat().format(status.lastSyncedAt))}</p>
      <p>{status.pending > 0 ? tCount('syncPending', status.pending) : t('syncNothingPending')}</p>
      {status.rejected > 0 && <p class="error">{tCount('syncRejected', status.rejected)}</p>}
      {lastError && <p class="error">{t('syncLastError', syncTimeFormat().format(lastError.at), syncErrorWords(lastError))}</p>}
    </div>
  );
}
