import type { ImportSummary } from '../utils/portability/import-history';

interface Props {
  imports: ImportSummary[];
  /** The import being undone, if any. */
  undoing: string | undefined;
  onUndo: (importId: string) => void;
}

const when = (at: number) => new Date(at).toLocaleString();

/** The recent imports, each with what it did and a button that takes it back as a whole. */
export function ImportHistory({ imports, undoing, onUndo }: Props) {
  if (imports.length === 0) return null;
  return (
    <>
      <h3>Recent imports</h3>
      <ul aria-label="Recent imports" class="import-history">
        {imports.map((entry) => (
          <li key={entry.id}>
            <span id={`import-${entry.id}`}>
              <span>{entry.source}</span>{' '}
              <span class="muted">
                {when(entry.at)}: {entry.createdPeople} new, {entry.changedPeople} updated
              </span>
            </span>
            {entry.undoneAt === undefined ? (
              <button type="button" aria-describedby={`import-${entry.id}`} aria-busy={undoing === entry.id} onClick={() => !undoing && onUndo(entry.id)}>
                Undo import
              </button>
            ) : (
              <span class="muted">Undone {when(entry.undoneAt)}</span>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
