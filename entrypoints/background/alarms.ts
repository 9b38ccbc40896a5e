import { browser } from 'wxt/browser';
import type { TendDatabase } from '../../utils/db/schema';
import { onFollowUpAlarm, onFollowUpButton, onFollowUpClicked } from '../../utils/services/followups/notifications';
import { syncFollowUps } from '../../utils/services/followups/alarms-sync';

/**
 * Follow-up reminders: alarms, their notifications, and keeping both in step with the database.
 * Registered synchronously at worker start, so an alarm or click that woke the worker is delivered.
 */
export function watchFollowUps(db: Promise<TendDatabase>): void {
  browser.alarms.onAlarm.addListener((alarm) => void onFollowUpAlarm(db, alarm));
  // The focused window is tracked here so a notification click can open the panel without waiting.
  let focusedWindowId: number | undefined;
  browser.windows.onFocusChanged.addListener((windowId) => {
    if (windowId !== browser.windows.WINDOW_ID_NONE) focusedWindowId = windowId;
  });
  void (async () => browser.windows.getLastFocused())().then(
    (window) => (focusedWindowId ??= window?.id),
    () => undefined,
  );
  browser.notifications.onClicked.addListener((id) => void onFollowUpClicked(db, id, focusedWindowId));
  browser.notifications.onButtonClicked.addListener((id, index) => void onFollowUpButton(db, id, index));
  // Chrome may drop alarms on restart or update: rebuild them from the database.
  browser.runtime.onStartup.addListener(() => void syncFollowUps(db));
  browser.runtime.onInstalled.addListener(() => void syncFollowUps(db));
  // Cheap and idempotent: a worker that slept through a change made elsewhere catches up.
  void syncFollowUps(db);
}

/** The same handlers Chrome's events call, for e2e tests to drive from the worker (see index.ts). */
export function followUpHooks(db: Promise<TendDatabase>) {
  return {
    onFollowUpAlarm: (name: string) => onFollowUpAlarm(db, { name }),
    onFollowUpClicked: (notificationId: string) => onFollowUpClicked(db, notificationId),
    onFollowUpButton: (notificationId: string, buttonIndex: number) => onFollowUpButton(db, notificationId, buttonIndex),
    syncFollowUps: () => syncFollowUps(db),
  };
}
