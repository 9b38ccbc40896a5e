import { browser, type Browser } from 'wxt/browser';
import { followUpHooks, watchFollowUps } from './alarms';
import { watchCommands } from './commands';
import { createLogMenu, logMenuEntry, onLogMenuClicked, undoLogged, watchMenuNotifications } from './context-menu';
import { defineBackground } from 'wxt/utils/define-background';
import { restrictStorageToExtension } from '../../utils/storage/access';
import { openTendDb } from '../../utils/db/open';
import { createRouter } from '../../utils/messaging/router';
import { createHandlers } from '../../utils/services/handlers';
import { watchTabs } from './tabs';
import { syncWebReader } from '../../utils/services/sightings/site-access';
import { openWelcomeOnInstall, type InstallEvent } from './welcome';
import { migrateStorageDrafts } from '../../utils/services/drafts/migrate-storage';
import { loadSettings } from '../../utils/services/settings/settings';
import { watchSyncAlarm } from '../../utils/services/sync/handlers';
import { watchMeetingEnds } from './meeting-ends';
import { receiveFileUpload, type FileUploadEvent } from '../../utils/services/portability/file-uploads';
import { takeBackUnfinishedTransfers } from '../../utils/portability/take-back';
import { watchTransferPorts } from '../../utils/services/portability/transfer-port';

export default defineBackground(() => {
  // Every listener is registered synchronously at start, so an event that woke the worker is
  // delivered; the database opens once and services await the same promise.
  const db = openTendDb();
  void restrictStorageToExtension().catch((error: unknown) => console.error('Tend: could not keep storage from content scripts', error));
  const route = createRouter(createHandlers(db), {
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
  });
  // The only listener: every write, the options page's bulk ones included, is a request the
  // worker answers, and the worker itself updates the search index and alarms after it.
  browser.runtime.onMessage.addListener((message: unknown, sender) => route(message, sender));
  // Files the options page hands over whole (a Blob cannot travel as runtime messaging's JSON).
  globalThis.addEventListener?.('message', (event) => receiveFileUpload(event as unknown as FileUploadEvent, browser.runtime.getURL('/')));
  watchTabs();
  watchTransferPorts(); // a page that closes while the worker applies its file cancels the apply
  // Drafts kept per tab in chrome.storage.local by earlier versions move into the database once.
  void db.then((opened) => migrateStorageDrafts(opened, Date.now())).catch((error: unknown) => console.error('Tend: could not move old drafts', error));
  // A restore the worker was stopped in the middle of is taken back: all or nothing (see take-back.ts).
  void db.then(takeBackUnfinishedTransfers).catch((error: unknown) => console.error('Tend: could not take back an unfinished restore', error));
  // So are the settings, at their first read (every reader waits for the move): read them now.
  void db.then(loadSettings).catch((error: unknown) => console.error('Tend: could not read the settings', error));
  watchCommands();
  watchMenuNotifications(db);
  watchFollowUps(db); // follow-up alarms, their notifications, the badge
  watchSyncAlarm(db); // sync's passes every few minutes, while sync is on
  watchMeetingEnds(db); // calendars' meetings logged after they ended, when the user turned that on
  browser.contextMenus.onClicked.addListener((info, tab) => void onLogMenuClicked(db, info, tab));
  // Granting or revoking a site in the popup or options page changes which pages are read.
  browser.permissions.onAdded.addListener(() => void syncWebReader());
  browser.permissions.onRemoved.addListener(() => void syncWebReader());
  const installEvents: InstallEvent[] = [];
  browser.runtime.onInstalled.addListener((details) => {
    createLogMenu();
    void syncWebReader();
    void openWelcomeOnInstall(details).then(
      (event) => installEvents.push(event),
      (error: unknown) => console.error('Tend: could not open the welcome page', error),
    );
  });
  // Chrome keeps the menu entry across restarts, with its title in the language of the day it was
  // made: made again at startup, it follows a change of Chrome's language.
  browser.runtime.onStartup.addListener(createLogMenu);
  // The same handlers the menu and the notification buttons call, reachable from the worker's
  // console: e2e tests drive them this way (a native menu cannot be clicked headless).
  Object.assign(globalThis, {
    tend: {
      onLogMenuClicked: (info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab) => onLogMenuClicked(db, info, tab),
      undoLogged: (notificationId: string) => undoLogged(db, notificationId),
      logMenuEntry,
      // What this worker did on each runtime.onInstalled (e2e: no welcome page after an update).
      installEvents,
      ...followUpHooks(db),
    },
  });
});
