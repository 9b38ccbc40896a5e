import type { RestoreReport } from '../utils/portability/backup';
import type { BackupSummary } from './import-file';
import { plural } from './plural';

// Reports list the first problems; a damaged file could otherwise fill the page.
const SHOWN = 50;

interface Props {
  fileName: string;
  summary: BackupSummary;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** What a backup file holds, and the button that restores it. */
export function BackupRestoreView({ fileName, summary, busy, onConfirm, onCancel }: Props) {
  return (
    <section aria-label="Restore preview" class="import-preview">
      <h3>Restore “{fileName}”?</h3>
      <p>
        A Tend backup made on {new Date(summary.exportedAt).toLocaleString()}: {plural(summary.people, 'person', 'people')},{' '}
        {plural(summary.entries, 'history entry', 'history entries')}, {plural(summary.followUps, 'follow-up', 'follow-ups')}, and
        settings.
      </p>
      <p class="notice">Restoring adds what Tend does not have. What Tend already has stays as it is.</p>
      {summary.invalid > 0 && <p class="error">{plural(summary.invalid, 'damaged record', 'damaged records')} will be skipped.</p>}
      <div class="button-row">
        <button type="button" class="primary" aria-busy={busy} onClick={() => !busy && onConfirm()}>
          Restore backup
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}

/** What a restore did, in words; conflicts and skipped records listed. */
export function RestoreOutcome({ report }: { report: RestoreReport }) {
  const { added, unchanged } = report;
  const problems = [
    ...report.conflicts.map((conflict) => conflict.reason),
    ...report.invalid.map((record) => `A damaged record (${record.store} #${record.index + 1}) was skipped: ${record.reason}`),
  ];
  return (
    <div class="outcome">
      <p>
        Restored {plural(added.contacts, 'person', 'people')}, {plural(added.interactions, 'history entry', 'history entries')} and{' '}
        {plural(added.followUps, 'follow-up', 'follow-ups')}.
        {unchanged.contacts + unchanged.interactions + unchanged.followUps > 0 &&
          ` ${unchanged.contacts + unchanged.interactions + unchanged.followUps} records were already in Tend.`}
      </p>
      {problems.length > 0 && (
        <ul aria-label="Not restored">
          {problems.slice(0, SHOWN).map((problem, index) => (
            <li key={index}>
              <span>{problem}</span>
            </li>
          ))}
          {problems.length > SHOWN && <li class="muted">…and {problems.length - SHOWN} more</li>}
        </ul>
      )}
    </div>
  );
}
