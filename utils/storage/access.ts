import { browser } from 'wxt/browser';

type AccessLevel = 'TRUSTED_CONTEXTS' | 'TRUSTED_AND_UNTRUSTED_CONTEXTS';
type RestrictableArea = { setAccessLevel?: (options: { accessLevel: AccessLevel }) => Promise<void> };

/**
 * Keep chrome.storage to the extension's own pages and worker. Content scripts run in pages a
 * hostile site controls, and by default they may read and write `local` (settings, drafts): they
 * never need it (they only report), so neither area is exposed to them. Chrome keeps the level as
 * a preference; setting it at every worker start also covers the first start after an install.
 */
export async function restrictStorageToExtension(): Promise<void> {
  for (const area of [browser.storage.local, browser.storage.session] as unknown as RestrictableArea[]) {
    await area.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' });
  }
}
