import { browser } from 'wxt/browser';
import type { TendDatabase } from '../../utils/db/schema';
import { logEndedMeetings, MEETING_END_ALARM } from '../../utils/services/meetings/auto-log';

/**
 * Meetings logged after they ended (calendars whose automatic history is on): the alarm at the
 * earliest end, registered synchronously at worker start so the alarm that woke it is heard; the
 * start itself logs what ended while the worker or the browser was away and sets the alarm again.
 */
export function watchMeetingEnds(db: Promise<TendDatabase>): void {
  const run = () =>
    void db.then((opened) => logEndedMeetings(opened, Date.now())).catch((error: unknown) => console.error('Tend: could not log ended meetings', error));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === MEETING_END_ALARM) run();
  });
  run();
}
