import { useState } from 'preact/hooks';
import { ask } from '../../utils/messaging/client';
import type { Settings, SettingsPatch } from '../../utils/model/records';

/** Save a settings patch through the worker: the saved settings go to `onSaved`, a failure to `error` (cleared by the next success). */
export function useSettingsSave(onSaved: (settings: Settings) => void): { error: string | undefined; save: (patch: SettingsPatch) => Promise<void> } {
  const [error, setError] = useState<string>();
  const save = async (patch: SettingsPatch) => {
    try {
      onSaved(await ask({ type: 'updateSettings', patch }));
      setError(undefined);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  return { error, save };
}
