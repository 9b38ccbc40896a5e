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
  return (
    <section aria-labelledby="own-heading">
      <h2 id="own-heading">{t('optionsOwnTitle')}</h2>
      <p>{t('optionsOwnIntro')}</p>
      {settings.ownAddresses.length === 0 && <p>{t('optionsOwnNone')}</p>}
      <EditableList
        id="your-addresses"
        label={t('optionsOwnList')}
        items={settings.ownAddresses}
        placeholder={t('optionsOwnPlaceholder')}
        parse={parseAddressEntry}
        remove={{ text: t('optionsOwnNotMe'), label: (address) => t('optionsOwnNotMeLabel', address) }}
        onChange={async (ownAddresses) => onSaved(await ask({ type: 'updateSettings', patch: { ownAddresses } }))}
      />
    </section>
  );
}
