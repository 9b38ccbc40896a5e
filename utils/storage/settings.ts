import { z } from 'zod';
import { storedItem } from './item';

/**
 * The user's settings as Tend up to database v5 kept them: one value in chrome.storage.local, key
 * `settings`, which content scripts could once read and write. Settings now live in the worker's
 * IndexedDB (utils/services/settings/); this is read once, at the worker's first use of the
 * settings, to move what users still have, then removed. Read unchecked: the move keeps every
 * field that is still valid, rather than all or nothing.
 */
const legacySettingsItem = storedItem('local:settings', z.unknown());

/** The settings still in chrome.storage.local, as stored (undefined when there are none). */
export function loadLegacySettings(): Promise<unknown> {
  return legacySettingsItem.get();
}

/** Remove the old settings (moved to the database). */
export function removeLegacySettings(): Promise<void> {
  return legacySettingsItem.remove();
}
