import { browser } from 'wxt/browser';

type AccessLevel = 'TRUSTED_CONTEXTS' | 'TRUSTED_AND_UNTRUSTED_CONTEXTS';
type RestrictableArea = { setAccessLevel?: (options: { accessLevel: AccessLevel }) => Promise<void> };

/**
 * Keep chrome.storage to the extension's own pages and worker. Content scripts run in pages a
 * hostile site controls, and by default they may read and write `local`: they never need it (they
 * only report), so neither area is exposed to them. Defence in depth: settings and drafts live in
 * the worker's IndexedDB (an origin content scripts cannot open), and an earlier Tend's copies in
 * `local` are moved there at the first start. Chrome keeps the level as a preference; setting it
 * at every worker start also covers the first start after an install.
 */
export async function restrictStorageToExtension(): Promise<void> {
  for (const area of [browser.storage.local, browser.storage.session] as unknown as RestrictableArea[]) {
    await area.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' });
  }
}
