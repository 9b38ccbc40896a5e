import { useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import { downloadFile } from '../shared/download-file';
import { makeExportFile } from './export-files';
import { failureMessage } from '../shared/failure-message';
import { StatusLine } from '../shared/StatusLine';
import { useSyncStatus } from '../sync/use-sync-status';

/**
 * The warning that removing Tend deletes its data, with the backup one click away; while sync is
 * on it says that only this browser's copy goes, the server's stays.
 */
export function RemovalWarning() {
  const { data: sync } = useSyncStatus();
  // Until the worker answers, the words of the common case (sync off) stand.
  const server = sync && sync.state !== 'off' ? sync.server : undefined;
  const [status, setStatus] = useState<string>();
  const [error, setError] = useState<string>();
  const backUp = async () => {
    setError(undefined);
    try {
      const file = await makeExportFile('backup');
      downloadFile(file);
      setStatus(t('exportSaved', file.name));
    } catch (failure) {
      setError(failureMessage(failure, 'backup'));
    }
  };
  return (
    <section aria-labelledby="removal-heading" class="warning">
      <h2 id="removal-heading">{server ? t('removalTitleSyncOn') : t('removalTitle')}</h2>
      <p>{server ? t('removalIntroSyncOn', server) : t('removalIntro')}</p>
      <button type="button" class="primary" onClick={() => void backUp()}>
        {t('removalBackup')}
      </button>
      <StatusLine status={status} error={error} />
    </section>
  );
}
