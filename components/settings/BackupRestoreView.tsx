import { t, tCount, uiLanguage } from '../../utils/i18n';
import type { RestoreResult } from '../../utils/messaging/features/portability';
import type { BackupSummary } from './import-file';

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
    <section aria-label={t('restoreLabel')} class="import-preview">
      <h3>{t('restoreTitle', fileName)}</h3>
      <p>
        {t(
          'restoreSummary',
          new Date(summary.exportedAt).toLocaleString(uiLanguage()),
          tCount('countPeople', summary.people),
          tCount('countHistoryEntries', summary.entries),
          tCount('countFollowUps', summary.followUps),
        )}
      </p>
      <p class="notice">{t('restoreNotice')}</p>
      {summary.invalid > 0 && <p class="error">{tCount('restoreDamaged', summary.invalid)}</p>}
      <div class="button-row">
        <button type="button" class="primary" aria-busy={busy} onClick={() => !busy && onConfirm()}>
          {t('restoreButton')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('commonCancel')}
        </button>
      </div>
    </section>
  );
}

/** What a restore did, in words; conflicts and skipped records listed. */
export function RestoreOutcome({ report }: { report: RestoreResult }) {
  const { added, unchanged } = report;
  const alreadyThere = unchanged.contacts + unchanged.interactions + unchanged.followUps;
  // The worker sends the first problems of each list (more than are shown) and the total.
  const problems = [
    ...report.conflicts.map((conflict) => conflict.reason),
    ...report.invalid.map((record) => t('restoreDamagedRecord', record.store, record.index + 1, record.reason)),
  ];
  return (
    <div class="outcome">
      <p>
        {t('restoreDone', tCount('countPeople', added.contacts), tCount('countHistoryEntries', added.interactions), tCount('countFollowUps', added.followUps))}
        {alreadyThere > 0 && ` ${tCount('restoreUnchanged', alreadyThere)}`}
      </p>
      {report.problemCount > 0 && (
        <ul aria-label={t('restoreNotRestored')}>
          {problems.slice(0, SHOWN).map((problem, index) => (
            <li key={index}>
              <span>{problem}</span>
            </li>
          ))}
          {report.problemCount > SHOWN && <li class="muted">{t('listAndMore', report.problemCount - SHOWN)}</li>}
        </ul>
      )}
    </div>
  );
}
