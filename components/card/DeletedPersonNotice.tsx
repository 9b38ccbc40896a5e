import { useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import { ask } from '../../utils/messaging/client';
import { markPersonRestored, useDeletedPerson } from './deleted-person';
import './delete-person.css';

interface Props {
  /** A person was deleted: the panel leaves their card. */
  onDeleted: (contactId: string) => void;
  /** The delete was undone: the panel shows their card again. */
  onRestored: (contactId: string) => void;
}

/** After a person was deleted from their card: what happened, and Undo (while the worker keeps what it needs). */
export function DeletedPersonNotice({ onDeleted, onRestored }: Props) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const deleted = useDeletedPerson((next) => {
    setError(undefined);
    onDeleted(next.contactId);
  });
  if (!deleted) return null;

  const undo = async () => {
    if (busy) return;
    setBusy(true);
    try {
      const back = await ask({ type: 'undoDeletePerson', contactId: deleted.contactId });
      const kept = back.identitiesKept.join(', ');
      markPersonRestored(deleted.contactId, kept ? t('cardRestoredKept', back.contact.displayName, kept) : t('cardRestored', back.contact.displayName));
      setError(undefined);
      onRestored(deleted.contactId);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="deleted-person">
      <p role="status" class="notice">
        {deleted.restored ?? t(deleted.neverRecorded ? 'cardDeletedNeverRecord' : 'cardDeleted', deleted.displayName)}
        {deleted.restored === undefined && (
          <button type="button" class="link" aria-label={t('cardDeleteUndoNamed', deleted.displayName)} aria-busy={busy} onClick={() => void undo()}>
            {t('commonUndo')}
          </button>
        )}
      </p>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </div>
  );
}
