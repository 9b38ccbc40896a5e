/** What happens when a follow-up's alarm fires and when the user acts on its notification. */
import { browser, type Browser } from 'wxt/browser';
import { getContact } from '../../db/contacts-repo';
import { getFollowUp } from '../../db/followups-repo';
import { readTx, type TendDatabase } from '../../db/schema';
import { broadcast } from '../../messaging/client';
import { requestOpenPerson } from '../../storage/open-person';
import { markNotified, setFollowUpDone, snoozeFollowUp } from './writes';
import { wakesAt } from './schedule';
import { ALARM_PREFIX, clearFollowUpNotification, notifyFollowUp, parseNotificationId, personOfDueReminder, syncFollowUps } from './alarms-sync';

/** A follow-up and its person, either undefined when gone. */
async function followUpWithPerson(db: TendDatabase, followUpId: string) {
  const tx = readTx(db, ['followUps', 'contacts']);
  const followUp = await getFollowUp(tx, followUpId);
  const contact = followUp && (await getContact(tx, followUp.contactId));
  return { followUp, contact };
}

/**
 * A follow-up's alarm fired: notify, unless it was done, snoozed to later, or its person is gone
 * (then nothing is shown). Returns the notification's id when one was shown.
 */
export async function onFollowUpAlarm(db: Promise<TendDatabase>, alarm: Pick<Browser.alarms.Alarm, 'name'>, now = Date.now()): Promise<string | undefined> {
  if (!alarm.name.startsWith(ALARM_PREFIX)) return undefined;
  const { followUp, contact } = await followUpWithPerson(await db, alarm.name.slice(ALARM_PREFIX.length));
  let shown: string | undefined;
  if (followUp && contact && !followUp.done && wakesAt(followUp) <= now) {
    shown = await notifyFollowUp(followUp, contact);
    await markNotified(await db, new Map([[followUp.id, wakesAt(followUp)]]));
  }
  await syncFollowUps(db, () => now);
  return shown;
}

/**
 * The notification was clicked: open the side panel on that person. For a person no longer in
 * Tend it opens nothing; either way the notification goes away. Returns the person opened.
 * `focusedWindowId` is the window the background last saw focused, known without waiting.
 */
export async function onFollowUpClicked(db: Promise<TendDatabase>, notificationId: string, focusedWindowId?: number): Promise<string | undefined> {
  const parsed = parseNotificationId(notificationId);
  if (!parsed) return undefined;
  // Chrome counts the click as a user gesture only until the first await: when this worker
  // already knows the person is in Tend, the panel opens now; otherwise after the check below.
  const known = personOfDueReminder(parsed.followUpId);
  const openedAtOnce = known !== undefined && focusedWindowId !== undefined ? openPanel(focusedWindowId) : undefined;
  const focused = (async () => browser.windows.getLastFocused())().catch(() => undefined);
  const { contact } = await followUpWithPerson(await db, parsed.followUpId);
  await clearFollowUpNotification(parsed.followUpId);
  if (!contact) return undefined;
  // Stored for the panel: one opening now (or later, by hand) shows this person's card.
  await requestOpenPerson(contact.id);
  if (!(await openedAtOnce)) {
    const window = await focused;
    if (window?.id !== undefined) await openPanel(window.id);
  }
  return contact.id;
}

/** Open the side panel in a window; false when Chrome refused (e.g. no user gesture any more). */
async function openPanel(windowId: number): Promise<boolean> {
  try {
    await browser.sidePanel.open({ windowId });
    return true;
  } catch (error) {
    console.debug('Tend: side panel not opened', error);
    return false;
  }
}

/** Done (button 0) or the offered snooze (button 1). Returns the follow-up as changed. */
export async function onFollowUpButton(db: Promise<TendDatabase>, notificationId: string, buttonIndex: number, now = Date.now()) {
  const parsed = parseNotificationId(notificationId);
  if (!parsed) return undefined;
  await clearFollowUpNotification(parsed.followUpId);
  const { contact } = await followUpWithPerson(await db, parsed.followUpId);
  if (!contact) return undefined;
  const changed =
    buttonIndex === 0 ? await setFollowUpDone(await db, parsed.followUpId, true, now) : await snoozeFollowUp(await db, parsed.followUpId, parsed.snooze, now);
  await syncFollowUps(db, () => now);
  await broadcast({ type: 'changed', contactIds: [changed.contactId] });
  return changed;
}
