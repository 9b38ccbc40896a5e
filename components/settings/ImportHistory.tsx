import { t, uiLanguage } from '../../utils/i18n';
import type { ImportSummary } from '../../utils/messaging/features/portability';

interface Props {
  imports: ImportSummary[];
  /** The import being undone, if any. */
  undoing: string | undefined;
  onUndo: (importId: string) => void;
}

const when = (at: number) => new Date(at).toLocaleString(uiLanguage());

/** The recent imports, each with what it did and a button that takes it back as a whole. */
export function ImportHistory({ imports, undoing, onUndo }: Props) {
  if (imports.length === 0) return null;
  return (
    <>
      <h3>{t('importHistoryTitle')}</h3>
      <ul aria-label={t('importHistoryList')} class="import-history">
        {imports.map((entry) => (
          <li key={entry.id}>
            <span id={`import-${entry.id}`}>
              <span>{entry.source}</span> <span class="muted">{t('importHistoryCounts', when(entry.at), entry.createdPeople, entry.changedPeople)}</span>
            </span>
            {entry.undoneAt === undefined ? (
              <button type="button" aria-describedby={`import-${entry.id}`} aria-busy={undoing === entry.id} onClick={() => !undoing && onUndo(entry.id)}>
                {t('importHistoryUndo')}
              </button>
            ) : (
              <span class="muted">{t('importHistoryUndone', when(entry.undoneAt))}</span>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
