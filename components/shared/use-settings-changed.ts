import { useBroadcast } from './use-broadcast';

/**
 * Run `listener` when the settings change (e.g. tag cadences edited in the options page): the
 * worker, which keeps them, announces it with a `changed` broadcast carrying `settings`.
 */
export function useSettingsChanged(listener: () => void, deps: unknown[]): void {
  useBroadcast((message) => message.settings && listener(), deps);
}
