import { useState } from 'preact/hooks';
import { ask } from '../../utils/messaging/client';
import type { Settings, SettingsPatch } from '../../utils/model/records';

interface SettingsSave {
  error: string | undefined;
  /** Say an error found before saving (a field the user must correct). */
  setError: (error: string | undefined) => void;
  /** Resolves true once saved, false when the save failed (the failure is in `error`). */
  save: (patch: SettingsPatch) => Promise<boolean>;
}

/** Save a settings patch through the worker: the saved settings go to `onSaved`, a failure to `error` (cleared by the next success). */
export function useSettingsSave(onSaved: (settings: Settings) => void): SettingsSave {
  const [error, setError] = useState<string>();
  const save = async (patch: SettingsPatch) => {
    try {
      onSaved(await ask({ type: 'updateSettings', patch }));
      setError(undefined);
      return true;
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      return false;
    }
  };
  return { error, setError, save };
}
