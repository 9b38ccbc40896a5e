import { t } from '../../utils/i18n';
import type { Settings } from '../../utils/model/records';
import { SavingCheckbox } from './SavingCheckbox';
import { useSettingsSave } from './use-settings-save';

/** "Ignore automated senders" (noreply@, notifications): saved on change, a failure said beside it. */
export function IgnoreAutomatedSetting({ settings, onSaved }: { settings: Settings; onSaved: (settings: Settings) => void }) {
  const { error, save } = useSettingsSave(onSaved);
  return (
    <>
      <SavingCheckbox checked={settings.ignoreAutomatedSenders} save={(on) => save({ ignoreAutomatedSenders: on })}>
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
