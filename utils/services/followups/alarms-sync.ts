/**
 * Keeping Chrome in step with the follow-ups in the database: one alarm per open follow-up at its
 * wake time, the toolbar badge counting what is due, and a notification for what is due now.
 * The database is the truth; alarms and the badge are rebuilt from it at every worker start and
 * after every change, so a restart, a stopped worker or a lost alarm cannot lose a reminder.
 */
import { browser } from 'wxt/browser';
import { existingContactIds, getContact } from '../../db/contacts-repo';
import { listAllFollowUps } from '../../db/followups-repo';
import { readTx, type TendDatabase } from '../../db/schema';
import { notificationMessage, notificationTitle } from '../../text/display-text';
import { SNOOZE_LABELS } from '../../time/followup-time-labels';
import { SNOOZES, type Snooze } from '../../time/followup-times';
import { dateFormat, t } from '../../i18n';
import type { Contact, FollowUp } from '../../model/records';
import { markNotified } from './writes';
export { FOLLOW_UP_BOOKKEEPING } from './schedule';
import { badgeText, countDue, isDue, missedNotifications, plannedAlarms, wakesAt } from './schedule';

/** Every follow-up alarm's name starts with this; other alarms are left alone. */
export const ALARM_PREFIX = 'tend-followup:';
const NOTIFICATION_PREFIX = 'tend-followup:';
/** Missed reminders announced at once after a restart; the badge counts any others. */
const MISSED_NOTIFICATION_LIMIT = 3;

/** The alarm name of a follow-up. */
export const alarmName = (followUpId: string): string => `${ALARM_PREFIX}${followUpId}`;

// Follow-ups due now whose person is in Tend, as of the last sync: lets a notification click open
// the side panel at once, inside Chrome's user gesture, before the database could be read.
const dueReminders = new Map<string, string>();

/** The person of a due follow-up as of the last sync, if known to this worker. */
export const personOfDueReminder = (followUpId: string): string | undefined => dueReminders.get(followUpId);

/** The snooze a notification's second button offers: an hour first; tomorrow once already put off. */
export const offeredSnooze = (followUp: FollowUp): Snooze => (followUp.snoozedUntil === undefined ? 'hour' : 'tomorrow');

// The button's meaning travels in the id: the follow-up may change between showing and clicking.
const notificationId = (followUpId: string, snooze: Snooze) => `${NOTIFICATION_PREFIX}${followUpId}:${snooze}`;

/** The follow-up and offered snooze a notification id names, or undefined for other notifications. */
export function parseNotificationId(id: string): { followUpId: string; snooze: Snooze } | undefined {
  const match = /^tend-followup:([0-9a-f-]{36}):(hour|tomorrow)$/.exec(id);
  return match ? { followUpId: match[1]!, snooze: match[2] as Snooze } : undefined;
}

/** Remove every notification shown for a follow-up (whichever snooze it offered). */
export async function clearFollowUpNotification(followUpId: string): Promise<void> {
  await Promise.all(SNOOZES.map((snooze) => browser.notifications.clear(notificationId(followUpId, snooze))));
}

/**
 * Take away the reminders on screen that no longer stand for something due: their follow-up was
 * deleted (with its person, or by "Delete everything"), done, or moved later. Their buttons would
 * do nothing.
 */
async function clearStaleNotifications(stillDue: (followUpId: string) => boolean): Promise<void> {
  const shown = Object.keys(await browser.notifications.getAll());
  for (const id of shown) {
    const parsed = parseNotificationId(id);
    if (parsed && !stillDue(parsed.followUpId)) await browser.notifications.clear(id);
  }
}

const timeFormat = dateFormat({ weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

/** Show the reminder for a due follow-up: Done and a snooze as buttons, a click opens the person. */
export async function notifyFollowUp(followUp: FollowUp, contact: Contact): Promise<string> {
  const snooze = offeredSnooze(followUp);
  await clearFollowUpNotification(followUp.id);
  dueReminders.set(followUp.id, contact.id);
  const id = notificationId(followUp.id, snooze);
  // Notifications show plain text, so names and notes cannot become markup here; bidi controls
  // are taken out and lengths capped (display-text.ts).
  await browser.notifications.create(id, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: notificationTitle(t('notifyFollowUp', contact.displayName)),
    message: notificationMessage(followUp.text),
    contextMessage: t('notifyDue', timeFormat().format(wakesAt(followUp))),
    buttons: [{ title: t('notifyDone') }, { title: t(SNOOZE_LABELS[snooze]) }],
    priority: 1,
  });
  return id;
}

/**
 * The follow-ups and which people of the open ones are still in Tend, read in one transaction
 * (every reminder decision is about open follow-ups; done ones answer false). Runs at every
 * worker start: it looks up those people only, not everyone (issue 14's cold People view waited
 * behind a read of every person's key).
 */
export async function readFollowUpState(db: TendDatabase) {
  const tx = readTx(db, ['followUps', 'contacts']);
  const followUps = await listAllFollowUps(tx);
  const known = await existingContactIds(
    tx,
    followUps.flatMap((followUp) => (followUp.done ? [] : [followUp.contactId])),
  );
  return { followUps, contactExists: (id: string) => known.has(id) };
}

/** Set the toolbar badge to the number of follow-ups due. */
export async function updateBadge(count: number): Promise<void> {
  await browser.action.setBadgeText({ text: badgeText(count) });
  if (count > 0) await browser.action.setBadgeBackgroundColor({ color: '#b3261e' });
}

async function syncNow(db: TendDatabase, now: number): Promise<void> {
  const { followUps, contactExists } = await readFollowUpState(db);
  dueReminders.clear();
  for (const f of followUps) if (isDue(f, now) && contactExists(f.contactId)) dueReminders.set(f.id, f.contactId);
  const byId = new Map(followUps.map((f) => [f.id, f]));
  await clearStaleNotifications((id) => {
    const followUp = byId.get(id);
    return followUp !== undefined && contactExists(followUp.contactId) && isDue(followUp, now);
  });
  const planned = plannedAlarms(followUps, contactExists, now);
  const existing = [...(await browser.alarms.getAll())].filter((alarm) => alarm.name.startsWith(ALARM_PREFIX));
  const pending = new Set<string>();
  for (const alarm of existing) {
    const id = alarm.name.slice(ALARM_PREFIX.length);
    const wanted = planned.get(id);
    // A second either way is the same alarm: Chrome may round what it stores.
    if (wanted !== undefined && Math.abs(alarm.scheduledTime - wanted) < 1000) {
      planned.delete(id);
      pending.add(id);
    } else if (wanted === undefined && alarm.scheduledTime <= now && byId.has(id)) {
      pending.add(id); // Already due and about to be delivered: let its own event announce it.
    } else {
      await browser.alarms.clear(alarm.name);
    }
  }
  for (const [id, when] of planned) await browser.alarms.create(alarmName(id), { when });

  const missed = missedNotifications(followUps, contactExists, now).filter((f) => !pending.has(f.id));
  if (missed.length > 0) {
    const tx = readTx(db, ['contacts']);
    const people = await Promise.all(missed.slice(0, MISSED_NOTIFICATION_LIMIT).map((f) => getContact(tx, f.contactId)));
    for (const [i, contact] of people.entries()) if (contact) await notifyFollowUp(missed[i]!, contact);
    await markNotified(db, new Map(missed.map((f) => [f.id, wakesAt(f)])));
  }
  await updateBadge(countDue(followUps, contactExists, now));
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Rebuild alarms, badge and missed notifications from the database. Runs one at a time: two
 * changes in quick succession must not interleave their alarm updates.
 */
export function syncFollowUps(db: Promise<TendDatabase> | TendDatabase, now: () => number = Date.now): Promise<void> {
  const run = queue.then(async () => syncNow(await db, now()));
  queue = run.catch((error: unknown) => console.error('Tend: could not update follow-up reminders', error));
  return run;
}
