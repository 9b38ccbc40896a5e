import { useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import { ask } from '../../utils/messaging/client';
import type { Settings } from '../../utils/model/records';
import { SavingCheckbox } from './SavingCheckbox';

/** "Ignore automated senders" (noreply@, notifications): saved on change, a failure said beside it. */
export function IgnoreAutomatedSetting({ settings, onSaved }: { settings: Settings; onSaved: (settings: Settings) => void }) {
  const [error, setError] = useState<string>();
  const save = async (on: boolean) => {
    try {
      onSaved(await ask({ type: 'updateSettings', patch: { ignoreAutomatedSenders: on } }));
      setError(undefined);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  return (
    <>
      <SavingCheckbox checked={settings.ignoreAutomatedSenders} save={save}>
        {t('optionsIgnoreAutomated')}
      </SavingCheckbox>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </>
  );
}
