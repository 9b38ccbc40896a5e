import { browser } from 'wxt/browser';
import { t, tCount } from '../../utils/i18n';
import { syncErrorWords, syncNeedsAttention } from './sync-words';
import { useSyncStatus } from './use-sync-status';

/**
 * The side panel's one line about sync, shown only while changes wait for the server or the last
 * pass failed: when all is well, or sync is off, the panel says nothing about it.
 */
export function SyncStateLine() {
  const { data: status } = useSyncStatus();
  if (!syncNeedsAttention(status)) return null;
  const failing = status.state === 'error' && status.lastError;
  return (
    <p class={`sync-state-line${failing ? ' error' : ''}`} role="status">
      <span>{failing ? t('syncPanelFailing', syncErrorWords(failing)) : tCount('syncPanelPending', status.pending)}</span>{' '}
      <a href={browser.runtime.getURL('/options.html#sync-heading')} target="_blank" rel="noreferrer">
        {t('syncPanelSettings')}
      </a>
    </p>
  );
}
