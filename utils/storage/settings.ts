import { DEFAULT_SETTINGS, Settings } from '../model/records';
import { toEmailAddress } from '../identity/addresses';
import { storedItem } from './item';

/** The user's settings: one versioned value in chrome.storage.local, key `settings`. */
const settingsItem = storedItem('local:settings', Settings, {
  onUnreadable: (error) => console.warn('Tend: settings unreadable, using defaults', error),
});

/** The user's settings; a missing or unreadable value gives the defaults rather than an error. */
export async function loadSettings(): Promise<Settings> {
  return (await settingsItem.get()) ?? DEFAULT_SETTINGS;
}

async function saveSettings(settings: Settings): Promise<void> {
  await settingsItem.set(Settings.parse(settings));
}

/** Call `listener` whenever the stored settings change (e.g. tag cadences edited in the options page). */
export function onSettingsChanged(listener: () => void): () => void {
  return settingsItem.watch(() => listener());
}

// Every change is read-modify-write of one storage key: chained one after another, so a learned
// address and an edit from the options page (routed here through the background) never overwrite
// each other. Only the background writes settings.
let queue: Promise<unknown> = Promise.resolve();

/** Apply a change to the latest settings, after any change already under way; returns the result. */
export function updateSettings(change: (current: Settings) => Settings | undefined): Promise<Settings> {
  const run = queue.then(async () => {
    const current = await loadSettings();
    const next = change(current);
    if (!next) return current;
    await saveSettings(next);
    return next;
  });
  queue = run.catch(() => undefined);
  return run;
}

/** Remember addresses a page marked as the user's own; returns the settings with them. */
export function learnOwnAddresses(seen: readonly string[]): Promise<Settings> {
  const candidates = [...new Set(seen.map(toEmailAddress).filter((a): a is string => !!a))];
  return updateSettings((settings) => {
    const fresh = candidates.filter((address) => !settings.ownAddresses.includes(address));
    return fresh.length === 0 ? undefined : { ...settings, ownAddresses: [...settings.ownAddresses, ...fresh] };
  });
}
