import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';

/** Run `listener` when the stored settings change (e.g. tag cadences edited in the options page). */
export function useSettingsChanged(listener: () => void, deps: unknown[]): void {
  useEffect(() => {
    const handle = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && 'settings' in changes) listener();
    };
    browser.storage.onChanged.addListener(handle);
    return () => browser.storage.onChanged.removeListener(handle);
  }, deps);
}
