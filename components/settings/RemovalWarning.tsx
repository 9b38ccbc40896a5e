import { useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import { downloadFile } from '../shared/download-file';
import { makeExportFile } from './export-files';
import { failureMessage } from '../shared/failure-message';
import { StatusLine } from '../shared/StatusLine';

/** The warning that removing Tend deletes its data, with the backup one click away. */
export function RemovalWarning() {
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
      <h2 id="removal-heading">{t('removalTitle')}</h2>
      <p>{t('removalIntro')}</p>
      <button type="button" class="primary" onClick={() => void backUp()}>
        {t('removalBackup')}
      </button>
      <StatusLine status={status} error={error} />
    </section>
  );
}
