import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, Settings } from './model';
import { toEmailAddress } from './recognise/addresses';

const KEY = 'settings';

/** The user's settings; a missing or unreadable value gives the defaults rather than an error. */
export async function loadSettings(): Promise<Settings> {
  const stored = (await browser.storage.local.get(KEY))[KEY];
  const parsed = Settings.safeParse(stored);
  if (!parsed.success && stored !== undefined) console.warn('Tend: settings unreadable, using defaults', parsed.error);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [KEY]: Settings.parse(settings) });
}

/** Remember addresses a page marked as the user's own; returns the settings with them. */
export async function learnOwnAddresses(seen: readonly string[]): Promise<Settings> {
  const settings = await loadSettings();
  const own = new Set(settings.ownAddresses);
  const fresh = [...new Set(seen.map(toEmailAddress).filter((a): a is string => !!a && !own.has(a)))];
  if (fresh.length === 0) return settings;
  const updated = { ...settings, ownAddresses: [...settings.ownAddresses, ...fresh] };
  await saveSettings(updated);
  return updated;
}
