import { useEffect } from 'preact/hooks';
import { onSettingsChanged } from '../../utils/storage/settings';

/** Run `listener` when the stored settings change (e.g. tag cadences edited in the options page). */
export function useSettingsChanged(listener: () => void, deps: unknown[]): void {
  useEffect(() => onSettingsChanged(listener), deps);
}
