import { dateFormat, t } from '../../utils/i18n';
import type { RecentMerge } from '../../utils/messaging/features/search';

const mergedAt = dateFormat({ day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

/** The merges that can still be undone, newest first, each with its Undo button. */
export function RecentMerges({ merges, busy, onUndo }: { merges: RecentMerge[]; busy: boolean; onUndo: (merge: RecentMerge) => void }) {
  return (
    <>
      <h3 id="recent-merges-heading">{t('mergesTitle')}</h3>
      <ul class="recent-merges" aria-labelledby="recent-merges-heading">
        {merges.map((merge) => {
          const who = merge.mergedIdentities.length > 0 ? `${merge.mergedName} (${merge.mergedIdentities.join(', ')})` : merge.mergedName;
          return (
            <li key={merge.mergeId}>
              <span>
                {t('mergesItem', who, merge.keptName)} <span class="muted">· {mergedAt().format(merge.at)}</span>
              </span>
              <button type="button" disabled={busy} aria-label={t('mergesUndoNamed', merge.mergedName)} onClick={() => onUndo(merge)}>
                {t('commonUndo')}
              </button>
            </li>
          );
        })}
      </ul>
    </>
  );
}
