import { browser, type Browser } from 'wxt/browser';
import { claimWelcome } from '../../utils/storage/welcome';

/** The page a new user sees once, right after installing Tend. */
export const WELCOME_PATH = '/welcome.html';

/** What Tend did about one `runtime.onInstalled` event (kept for tests, see globalThis.tend). */
export interface InstallEvent {
  reason: string;
  welcomeOpened: boolean;
}

/**
 * Open the welcome page when Tend is first installed: never on an update, a Chrome update or a
 * reload, and only once for the same data (a user who knows Tend should not get a tab they did not
 * ask for). Removing Tend erases its storage, so a real reinstall welcomes again.
 */
export async function openWelcomeOnInstall(details: Pick<Browser.runtime.InstalledDetails, 'reason'>): Promise<InstallEvent> {
  const welcomeOpened = details.reason === 'install' && (await claimWelcome());
  if (welcomeOpened) await browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PATH) });
  return { reason: details.reason, welcomeOpened };
}
