import { useState } from 'preact/hooks';
import type { TendDatabase } from '../utils/db/schema';
import { announceChanged } from './data-changes';
import { deleteEverything } from './delete-everything';
import { failureMessage } from './failure-message';
import { StatusLine } from './StatusLine';

interface Props {
  db: () => Promise<TendDatabase>;
  onDeleted: () => void;
}

const CONFIRMATION = 'DELETE';

/** Delete everything Tend keeps, once the user has typed DELETE. */
export function DangerZone({ db, onDeleted }: Props) {
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string>();
  const [error, setError] = useState<string>();

  const confirmed = typed === CONFIRMATION;
  const run = async () => {
    if (!confirmed || busy) return;
    setBusy(true);
    setError(undefined);
    try {
      const contactIds = await deleteEverything(await db());
      setTyped('');
      setStatus('Everything Tend kept has been deleted.');
      await announceChanged(contactIds);
      onDeleted();
    } catch (failure) {
      setError(failureMessage(failure, 'delete everything'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="delete-heading" class="danger-zone">
      <h2 id="delete-heading">Delete everything</h2>
      <p>
        Deletes every person, note, history entry, follow-up and import, your settings, unsaved drafts, and the people Tend
        noticed on open tabs. It cannot be undone: download a backup first if you may want any of it back.
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void run();
        }}
      >
        <label for="delete-confirmation">Type DELETE to confirm</label>
        <input
          id="delete-confirmation"
          autocomplete="off"
          spellcheck={false}
          value={typed}
          onInput={(event) => setTyped(event.currentTarget.value)}
        />
        <button type="submit" class="danger" disabled={!confirmed} aria-busy={busy}>
          Delete everything
        </button>
      </form>
      <StatusLine status={status} error={error} />
    </section>
  );
}
