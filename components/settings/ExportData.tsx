import { useState } from 'preact/hooks';
import type { TendDatabase } from '../../utils/db/schema';
import { t } from '../../utils/i18n';
import { downloadFile } from '../shared/download-file';
import { EXPORT_LABELS, makeExportFile, type ExportChoice } from './export-files';
import { failureMessage } from '../shared/failure-message';
import { StatusLine } from '../shared/StatusLine';

interface Props {
  db: () => Promise<TendDatabase>;
}

/** Export buttons: the full backup, vCards for address books, CSV for spreadsheets. */
export function ExportData({ db }: Props) {
  const [busy, setBusy] = useState<ExportChoice>();
  const [status, setStatus] = useState<string>();
  const [error, setError] = useState<string>();

  const run = async (choice: ExportChoice) => {
    // Not `disabled` while busy: a disabled button drops the keyboard focus to the page.
    if (busy) return;
    setBusy(choice);
    setError(undefined);
    try {
      const file = await makeExportFile(await db(), choice);
      downloadFile(file);
      setStatus(t('exportSaved', file.name));
    } catch (failure) {
      setError(failureMessage(failure, 'export'));
    } finally {
      setBusy(undefined);
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
      <StatusLine status={status} error={error} />
    </section>
  );
}
