import { useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import type { ExportChoice } from '../../utils/messaging/features/portability';
import { downloadFile } from '../shared/download-file';
import { EXPORT_LABELS, makeExportFile } from './export-files';
import { failureMessage } from '../shared/failure-message';
import { StatusLine } from '../shared/StatusLine';
import { TransferProgress } from './TransferProgress';

/** Export buttons: the full backup, vCards for address books, CSV for spreadsheets. */
export function ExportData() {
  const [busy, setBusy] = useState<ExportChoice>();
  const [status, setStatus] = useState<string>();
  const [error, setError] = useState<string>();
  const [share, setShare] = useState<number>();

  const run = async (choice: ExportChoice) => {
    // Not `disabled` while busy: a disabled button drops the keyboard focus to the page.
    if (busy) return;
    setBusy(choice);
    setError(undefined);
    setShare(0);
    try {
      const file = await makeExportFile(choice, setShare);
      downloadFile(file);
      setStatus(t('exportSaved', file.name));
    } catch (failure) {
      setError(failureMessage(failure, 'export'));
    } finally {
      setBusy(undefined);
      setShare(undefined);
    }
  };

  return (
    <section aria-labelledby="export-heading">
      <h2 id="export-heading">{t('exportTitle')}</h2>
      <p>{t('exportIntro')}</p>
      <div class="button-row">
        {(Object.keys(EXPORT_LABELS) as ExportChoice[]).map((choice) => (
          <button key={choice} type="button" aria-busy={busy === choice} onClick={() => void run(choice)}>
            {t(EXPORT_LABELS[choice])}
          </button>
        ))}
      </div>
      {share !== undefined && <TransferProgress label={t('exportProgressLabel')} text={(percent) => t('exportProgress', percent)} share={share} />}
      <StatusLine status={status} error={error} />
    </section>
  );
}
