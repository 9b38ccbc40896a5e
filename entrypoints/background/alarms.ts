import { browser } from 'wxt/browser';
import type { TendDatabase } from '../../utils/db/schema';
import { onFollowUpAlarm, onFollowUpButton, onFollowUpClicked } from '../../utils/services/followups/notifications';
import { syncFollowUps } from '../../utils/services/followups/alarms-sync';

/**
 * Follow-up reminders: alarms, their notifications, and keeping both in step with the database.
 * Registered synchronously at worker start, so an alarm or click that woke the worker is delivered.
 */
export function watchFollowUps(db: Promise<TendDatabase>): void {
  // The window a reminder's click opens the panel in must be known without waiting: Chrome counts
  // the click as a user gesture only until the first await. It is read at start and whenever a
  // reminder is shown, the moment before a click on it can come; never from windows.onFocusChanged,
  // which would wake a stopped worker at every change of window, on any site.
  let focusedWindowId: number | undefined;
  const readFocusedWindow = () =>
    void (async () => browser.windows.getLastFocused())().then(
      (window) => (focusedWindowId = window?.id ?? focusedWindowId),
      () => undefined,
    );
  readFocusedWindow();
  browser.alarms.onAlarm.addListener(
    (alarm) =>
      void onFollowUpAlarm(db, alarm).then(
        (shown) => shown !== undefined && readFocusedWindow(),
        (error: unknown) => console.error('Tend: could not show a follow-up', error),
      ),
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
