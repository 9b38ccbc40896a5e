import { useState } from 'preact/hooks';
import type { TendDatabase } from '../utils/db/schema';
import { downloadFile } from './download-file';
import { makeBackupFile } from './export-files';
import { failureMessage } from './failure-message';
import { StatusLine } from './StatusLine';

interface Props {
  db: () => Promise<TendDatabase>;
}

/** The warning that removing Tend deletes its data, with the backup one click away. */
export function RemovalWarning({ db }: Props) {
  const [status, setStatus] = useState<string>();
  const [error, setError] = useState<string>();
  const backUp = async () => {
    setError(undefined);
    try {
      const file = await makeBackupFile(await db());
      downloadFile(file);
      setStatus(`Saved ${file.name}.`);
    } catch (failure) {
      setError(failureMessage(failure, 'make a backup'));
    }
  };
  return (
    <section aria-labelledby="removal-heading" class="warning">
      <h2 id="removal-heading">Removing Tend deletes your data</h2>
      <p>
        Everything Tend keeps lives only in this browser profile. If you remove the extension, Chrome deletes it all, with no
        way back. Keep a backup.
      </p>
      <button type="button" class="primary" onClick={() => void backUp()}>
        Download a backup
      </button>
      <StatusLine status={status} error={error} />
    </section>
  );
}
