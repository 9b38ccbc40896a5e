import { DEFAULT_SETTINGS, Settings } from '../../model/records';

type Field = Exclude<keyof Settings, 'version'>;

/**
 * Settings as stored (in the database, or chrome.storage.local before v6), checked field by field:
 * a field that does not fit today's schema takes its default and the others are kept, so one bad
 * value (a hand-edited profile, a newer Tend's format) does not wipe the user's lists. Nothing
 * stored, or not an object: the defaults.
 */
export function readSettings(stored: unknown): Settings {
  const whole = Settings.safeParse(stored);
  if (whole.success) return whole.data;
  if (stored === undefined || stored === null) return DEFAULT_SETTINGS;
  console.warn('Tend: settings partly unreadable, unreadable fields take their defaults', whole.error);
  const fields = typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
  const kept = Object.keys(Settings.shape).flatMap((key) => {
    if (key === 'version' || !(key in fields)) return [];
    const field = Settings.shape[key as Field].safeParse(fields[key]);
    return field.success ? [[key, field.data]] : [];
  });
  return { ...DEFAULT_SETTINGS, ...Object.fromEntries(kept) } as Settings;
}
