import type { RecentMerge } from '../utils/messaging/features/search';

const dateFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

/** The merges that can still be undone, newest first, each with its Undo button. */
export function RecentMerges({ merges, busy, onUndo }: { merges: RecentMerge[]; busy: boolean; onUndo: (merge: RecentMerge) => void }) {
  return (
    <>
      <h3 id="recent-merges-heading">Recent merges</h3>
      <ul class="recent-merges" aria-labelledby="recent-merges-heading">
        {merges.map((merge) => {
          const who = merge.mergedIdentities.length > 0 ? `${merge.mergedName} (${merge.mergedIdentities.join(', ')})` : merge.mergedName;
          return (
            <li key={merge.mergeId}>
              <span>
                {who} merged into {merge.keptName} <span class="muted">· {dateFormat.format(merge.at)}</span>
              </span>
              <button type="button" disabled={busy} onClick={() => onUndo(merge)}>
                Undo
                <span class="visually-hidden"> the merge of {merge.mergedName}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </>
  );
}
