import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, Settings } from '../model/records';
import { toEmailAddress } from '../identity/addresses';

const KEY = 'settings';

/** The user's settings; a missing or unreadable value gives the defaults rather than an error. */
export async function loadSettings(): Promise<Settings> {
  const stored = (await browser.storage.local.get(KEY))[KEY];
  const parsed = Settings.safeParse(stored);
  if (!parsed.success && stored !== undefined) console.warn('Tend: settings unreadable, using defaults', parsed.error);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [KEY]: Settings.parse(settings) });
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
