import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import { ask } from '../../utils/messaging/client';
import type { Contact } from '../../utils/model/records';
import { SyncDeletionNote } from '../sync/SyncDeletionNote';
import { announcePersonDeleted } from './deleted-person';
import './delete-person.css';

/**
 * "Delete this person…": a confirmation that says what goes and what stays (with sync on, that the
 * deletion reaches the server and the user's other devices), with "never record these addresses
 * again"; the panel then leaves the card and offers undo (DeletedPersonNotice).
 */
export function DeletePerson({ contact }: { contact: Contact }) {
  const [confirming, setConfirming] = useState(false);
  const [neverRecord, setNeverRecord] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const cancel = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  // The least harmful choice has the focus when the question opens.
  useEffect(() => {
    if (confirming) cancel.current?.focus();
  }, [confirming]);

  const close = () => {
    setConfirming(false);
    setError(undefined);
    setTimeout(() => opener.current?.focus());
  };
  const remove = async () => {
    if (busy) return;
    setBusy(true);
    try {
      const deleted = await ask({ type: 'deletePerson', contactId: contact.id, neverRecord, confirmed: true });
      announcePersonDeleted({ contactId: deleted.contactId, displayName: deleted.displayName, neverRecorded: deleted.neverRecorded.length > 0 });
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      setBusy(false);
    }
  };

  if (!confirming)
    return (
      <button ref={opener} type="button" class="link delete-person-open" onClick={() => setConfirming(true)}>
        {t('cardDeletePerson')}
      </button>
    );
  const addresses = contact.identities.filter((identity) => identity.kind !== 'handle').map((identity) => identity.value);
  return (
    <div
      class="delete-person"
      role="group"
      aria-labelledby="delete-person-title"
      onKeyDown={(event) => {
        if (event.key === 'Escape') close();
      }}
    >
      <h3 id="delete-person-title">{t('cardDeleteTitle', contact.displayName)}</h3>
      <p>{t('cardDeleteExplain')}</p>
      <SyncDeletionNote words={(server, team) => [t('cardDeleteSyncOn', server), ...(team ? [t('cardDeleteTeamKeeps', team)] : [])].join(' ')} />
      {addresses.length > 0 && (
        <label class="checkbox">
          <input type="checkbox" checked={neverRecord} onChange={(event) => setNeverRecord(event.currentTarget.checked)} />
          <span>
            {t('cardDeleteNeverRecord')}
            <span class="delete-person-addresses">{addresses.join(', ')}</span>
          </span>
        </label>
      )}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <div class="delete-person-buttons">
        <button type="button" class="delete-person-confirm" aria-busy={busy} onClick={() => void remove()}>
          {t('cardDeleteConfirm')}
        </button>
        <button ref={cancel} type="button" class="secondary" onClick={close}>
          {t('commonCancel')}
        </button>
      </div>
    </div>
  );
}
