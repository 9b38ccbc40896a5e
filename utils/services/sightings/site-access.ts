import { browser } from 'wxt/browser';
import { DECLARED_SITE_MATCHES, isDeclaredOrigin, isDeclaredPage } from '../../sites';
import { TendError } from '../../errors';
import { t } from '../../i18n';

const WEB_SCRIPT_ID = 'tend-web-reader';
// The generic reader's bundle (entrypoints/web.content), as WXT emits it.
const WEB_SCRIPT_FILE = '/content-scripts/web.js';

/** The optional host permissions the user has granted, minus the sites Tend reads anyway. */
export async function grantedWebOrigins(): Promise<string[]> {
  const { origins = [] } = await browser.permissions.getAll();
  return origins.filter((origin) => !isDeclaredOrigin(origin));
}

let syncing: Promise<unknown> = Promise.resolve();

/**
 * Keep the generic reader registered for exactly the sites the user granted ("always read this
 * site" or all sites). Registered scripts persist across restarts; this runs on every change.
 */

export function syncWebReader(): Promise<string[]> {
  // The permission events and the page that asked both sync at once: one after the other, or the
  // second registration would find the first one's script id taken.
  const run = syncing.then(registerWebReaderForGrantedSites);
  syncing = run.catch(() => []);
  return run;
}

async function registerWebReaderForGrantedSites(): Promise<string[]> {
  const origins = await grantedWebOrigins();
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [WEB_SCRIPT_ID] });
  if (registered.length > 0) await browser.scripting.unregisterContentScripts({ ids: [WEB_SCRIPT_ID] });
  if (origins.length === 0) return [];
  await browser.scripting.registerContentScripts([
    {
      id: WEB_SCRIPT_ID,
      js: [WEB_SCRIPT_FILE.slice(1)],
      matches: origins,
      excludeMatches: [...DECLARED_SITE_MATCHES],
      runAt: 'document_idle',
      persistAcrossSessions: true,
    },
  ]);
  return origins;
}

/**
 * Read a tab once with the generic reader, on the user's request (activeTab was granted by the
 * click that opened the popup, the context menu or a command). Pages a site script covers are
 * already read.
 */
export async function readTabOnce(tabId: number): Promise<{ read: boolean }> {
  const tab = await browser.tabs.get(tabId);
  if (isDeclaredPage(tab.url)) return { read: false };
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: [WEB_SCRIPT_FILE] });
    return { read: true };
  } catch (error) {
    // Chrome's own pages and the Web Store cannot be read by any extension.
    throw new TendError('forbidden', t('errorCannotReadPage', error instanceof Error ? error.message : String(error)));
  }
}
