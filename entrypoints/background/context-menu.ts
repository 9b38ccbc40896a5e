import { browser, type Browser } from 'wxt/browser';
import type { TendDatabase } from '../../utils/db/schema';
import { notificationMessage, notificationTitle } from '../../utils/text/display-text';
import { t } from '../../utils/i18n';
import { broadcast } from '../../utils/messaging/client';
import { deleteInteraction } from '../../utils/services/capture/log';
import { logFromMenu, type MenuLogUi } from '../../utils/services/capture/menu-actions';
import { clickNeedsSidePanel } from '../../utils/services/capture/menu-log';
import { savedPeopleOnTab } from '../../utils/storage/tab-people';

export const LOG_MENU_ID = 'tend-log-interaction';
const UNDO_PREFIX = 'tend-logged:';
/** "Choose who it was about": the notification's id names the window whose side panel it opens. */
const FINISH_PREFIX = 'tend-finish-log:';

/** The menu entry, titled in Chrome's language (also read by tests from the worker). */
export const logMenuEntry = (): Browser.contextMenus.CreateProperties => ({
  id: LOG_MENU_ID,
  title: t('menuLogThis'),
  contexts: ['selection', 'page', 'link'],
});

/** Create the menu entry; Chrome keeps it across restarts, so this runs on install and update. */
export function createLogMenu(): void {
  browser.contextMenus.removeAll().then(() => browser.contextMenus.create(logMenuEntry()));
}

/** Confirmation with Undo as a notification; the side panel for the cases that need the user. */
export function menuLogUi(): MenuLogUi {
  return {
    async confirmLogged(entry, name) {
      await browser.notifications.create(`${UNDO_PREFIX}${entry.id}`, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        // The summary may be a selection from any page: plain, capped, no bidi controls.
        title: notificationTitle(t('notifyLoggedFor', name)),
        message: notificationMessage(entry.summary),
        buttons: [{ title: t('notifyUndo') }],
      });
    },
    async openComposer(windowId, alreadyOpen) {
      if (alreadyOpen) return;
      // The click's user gesture may have lapsed while the entry was prepared: then say where it is.
      await browser.sidePanel.open({ windowId }).catch(() =>
        browser.notifications.create(`${FINISH_PREFIX}${windowId}`, {
          type: 'basic',
          iconUrl: browser.runtime.getURL('/icon/128.png'),
          title: t('notifyChooseWho'),
          message: t('notifyOpenPanel'),
        }),
      );
    },
  };
}

/**
 * The click handler, also called by tests from the service worker. When the click will need the
 * side panel it is opened first, synchronously, while Chrome still counts the click as a gesture.
 */
export async function onLogMenuClicked(db: Promise<TendDatabase>, info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab) {
  if (info.menuItemId !== LOG_MENU_ID || tab?.id === undefined || tab.id < 0) return undefined;
  const click = { selectionText: info.selectionText, linkUrl: info.linkUrl, pageUrl: info.pageUrl ?? tab.url, pageTitle: tab.title };
  const panelOpened = clickNeedsSidePanel(click, savedPeopleOnTab(tab.id, click.pageUrl))
    ? browser.sidePanel.open({ windowId: tab.windowId }).then(
        () => true,
        () => false,
      )
    : Promise.resolve(false);
  const entry = await logFromMenu(await db, click, { id: tab.id, windowId: tab.windowId }, menuLogUi(), Date.now(), panelOpened);
  if (entry) await broadcast({ type: 'changed', contactIds: entry.contactIds });
  else await broadcast({ type: 'changed', tabId: tab.id, contactIds: [] });
  return entry;
}

/** The Undo button of a "Logged for …" notification: removes that entry. Also called by tests. */
export async function undoLogged(db: Promise<TendDatabase>, notificationId: string): Promise<boolean> {
  if (!notificationId.startsWith(UNDO_PREFIX)) return false;
  const removed = await deleteInteraction(await db, notificationId.slice(UNDO_PREFIX.length), Date.now()).catch(() => undefined);
  await browser.notifications.clear(notificationId);
  if (removed) await broadcast({ type: 'changed', contactIds: removed.contactIds });
  return removed !== undefined;
}

/** Undo from the confirmation's button; opening the side panel from the "finish" notification. */
export function watchMenuNotifications(db: Promise<TendDatabase>): void {
  browser.notifications.onButtonClicked.addListener((notificationId) => void undoLogged(db, notificationId));
  browser.notifications.onClicked.addListener((notificationId) => void openPanelFromFinish(notificationId));
}

/**
 * The "finish" notification clicked: its window's side panel opened at once, before anything is
 * awaited, while Chrome still counts the click as a user gesture (sidePanel.open needs one).
 */
export async function openPanelFromFinish(notificationId: string): Promise<void> {
  if (!notificationId.startsWith(FINISH_PREFIX)) return;
  const windowId = Number(notificationId.slice(FINISH_PREFIX.length));
  const opened = Number.isInteger(windowId) && windowId >= 0 ? browser.sidePanel.open({ windowId }).catch(() => undefined) : undefined;
  await opened;
  await browser.notifications.clear(notificationId);
}
