import { useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import { ask } from '../../utils/messaging/client';
import type { Settings } from '../../utils/model/records';
import { parseAddressEntry } from '../../utils/storage/settings-entries';
import { EditableList } from './EditableList';

/**
 * The user's own addresses: each one Tend learned (from a webmail's account button) or the user
 * added, with "Not me" to remove it (its owner is then a person again), and a field to add one.
 */
export function OwnAddresses({ settings, onSaved }: { settings: Settings; onSaved: (settings: Settings) => void }) {
  const [error, setError] = useState<string>();
  const own = settings.ownAddresses;
  const save = async (ownAddresses: string[]) => {
    try {
      onSaved(await ask({ type: 'updateSettings', patch: { ownAddresses } }));
      setError(undefined);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  return (
    <section aria-labelledby="own-heading">
      <h2 id="own-heading">{t('optionsOwnTitle')}</h2>
      <p>{t('optionsOwnIntro')}</p>
      {own.length === 0 ? (
        <p>{t('optionsOwnNone')}</p>
      ) : (
        <ul class="own-addresses" aria-label={t('optionsOwnList')}>
          {own.map((address) => (
            <li key={address}>
              <span>{address}</span>
              <button type="button" aria-label={t('optionsOwnNotMeLabel', address)} onClick={() => void save(own.filter((a) => a !== address))}>
                {t('optionsOwnNotMe')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {/* The add field only: the list above is this one's. */}
      <EditableList
        id="your-addresses"
        label={t('optionsOwnList')}
        items={[]}
        placeholder={t('optionsOwnPlaceholder')}
        parse={parseAddressEntry}
        onChange={async ([added]) => {
          if (added && !own.includes(added)) await save([...own, added]);
        }}
      />
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </section>
  );
}
