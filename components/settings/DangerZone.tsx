import { useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import { ask } from '../../utils/messaging/client';
import { failureMessage } from '../shared/failure-message';
import { StatusLine } from '../shared/StatusLine';
import { SyncDeletionNote } from '../sync/SyncDeletionNote';

interface Props {
  onDeleted: () => void;
}

/**
 * Delete everything Tend keeps, once the user has typed DELETE. With sync on, the worker turns it
 * off first and leaves the server's copy (said before and after): one device's reset must not
 * delete the user's records on every other device.
 */
export function DangerZone({ onDeleted }: Props) {
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string>();
  const [error, setError] = useState<string>();

  // The word is a message too: typing an English word is no confirmation for everyone.
  const confirmation = t('deleteConfirmWord');
  const confirmed = typed === confirmation;
  const run = async () => {
    if (!confirmed || busy) return;
    setBusy(true);
    setError(undefined);
    try {
      // The worker clears the database and Chrome storage, then tells the other pages.
      const { syncServerLeft } = await ask({ type: 'deleteEverything', confirmed: true });
      setTyped('');
      setStatus(syncServerLeft ? t('deleteDoneSyncOff', syncServerLeft) : t('deleteDone'));
      onDeleted();
    } catch (failure) {
      setError(failureMessage(failure, 'delete-everything'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="delete-heading" class="danger-zone">
      <h2 id="delete-heading">{t('deleteTitle')}</h2>
      <p>{t('deleteIntro')}</p>
      <SyncDeletionNote words={(server) => t('deleteSyncOn', server)} />
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void run();
        }}
      >
        <label for="delete-confirmation">{t('deleteConfirmLabel', confirmation)}</label>
        <input id="delete-confirmation" autocomplete="off" spellcheck={false} value={typed} onInput={(event) => setTyped(event.currentTarget.value)} />
        <button type="submit" class="danger" disabled={!confirmed} aria-busy={busy}>
          {t('deleteButton')}
        </button>
      </form>
      <StatusLine status={status} error={error} />
    </section>
  );
}
