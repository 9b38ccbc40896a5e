/**
 * "Log a meeting automatically after it ended" (issue 16): a calendar's automatic-history switch
 * (off by default). An event the user takes part in, seen while it is on, not yet ended and with saved guests, waits in
 * the worker's database (./ending-meetings.ts); one alarm rings at the
 * earliest end and logs what ended through the same path as "Log this meeting", whose dedupe keys
 * make it once per event whichever comes first.
 */
import { browser } from 'wxt/browser';
import type { TendDatabase } from '../../db/schema';
import type { CalendarEvent, TabPerson } from '../../model/records';
import { passiveHistoryOn, SITES } from '../../sites';
import { loadSettings } from '../settings/settings';
import { getEndingMeetings, setEndingMeetings, type EndingMeeting } from './ending-meetings';
import type { CaptureRules } from '../sightings/capture-rules';
import { guestIdsOf, logEventMeeting } from './log-meeting';

/** The one alarm, set at the earliest end among the waiting events. */
export const MEETING_END_ALARM = 'meetings-ended';

// Reads and writes of the waiting list, one at a time: a sighting and an alarm may come together.
let queue: Promise<unknown> = Promise.resolve();
function serially<T>(work: () => Promise<T>): Promise<T> {
  const run = queue.then(work, work);
  queue = run.catch(() => undefined);
  return run;
}

/** What the content handler knows of a calendar page it just recorded. */
export interface SeenEvent {
  site: string;
  url: string;
  event?: CalendarEvent;
  /** The tab's people as recorded: the saved guests. */
  people: readonly TabPerson[];
}

const calendarSite = (id: string) => SITES.find((site) => site.id === id && site.calendar);

/**
 * Keep an event to log when it ends, if its calendar's switch is on and the user takes part in it
 * (`withUser`, see ./users-part.ts): an event of a colleague's shared calendar, or one the user
 * only opened, is left to "Log this meeting". Seen again, the newer reading replaces the older,
 * also when it no longer qualifies (the user removed from the guests, every saved guest gone): an
 * event waiting from an earlier reading would otherwise be logged for a meeting the user left.
 * A reading that shows no guests at all (a view without the guest list) leaves the older one.
 */
export async function keepEndingMeeting(db: TendDatabase, seen: SeenEvent, rules: Pick<CaptureRules, 'noPassiveHistory'>, now: number): Promise<void> {
  const { event } = seen;
  if (!event || event.end === undefined || event.end <= now || !calendarSite(seen.site) || rules.noPassiveHistory.has(seen.site)) return;
  const contactIds = guestIdsOf(seen);
  const showsGuests = event.withUser === true || seen.people.length > 0;
  const meeting: EndingMeeting | undefined =
    event.withUser && contactIds.length > 0 ? { event: { ...event, end: event.end }, url: seen.url, contactIds } : undefined;
  if (!meeting && !showsGuests) return;
  await serially(async () => {
    const all = await getEndingMeetings(db);
    const waiting = all.filter((other) => other.event.key !== event.key);
    // Nothing waited for this event and nothing will: no write, no commit to announce.
    if (!meeting && waiting.length === all.length) return;
    await setEndingMeetings(db, meeting ? [...waiting, meeting] : waiting, now);
    await arm(await getEndingMeetings(db));
  });
}

/**
 * Log the waiting events that ended by `now` (those whose calendar's switch was turned off since
 * are dropped unlogged), keep the others, and set the alarm at the earliest end left. Run on the
 * alarm and at every worker start (Chrome may drop alarms across a restart). Returns how many
 * events were logged.
 */
export function logEndedMeetings(db: TendDatabase, now: number): Promise<number> {
  return serially(async () => {
    const waiting = await getEndingMeetings(db);
    const ended = waiting.filter((meeting) => meeting.event.end <= now);
    let logged = 0;
    if (ended.length > 0) {
      const { passiveHistory } = await loadSettings(db);
      for (const meeting of ended) {
        const site = calendarSite(meeting.event.key.slice(0, meeting.event.key.indexOf(':')));
        if (!site || !passiveHistoryOn(site, passiveHistory)) continue;
        try {
          await logEventMeeting(db, meeting, now);
          logged++;
        } catch (error) {
          // Every guest deleted since, say: nothing to log, and nothing to retry.
          console.warn('Tend: an ended meeting could not be logged', error);
        }
      }
    }
    const left = waiting.filter((meeting) => meeting.event.end > now);
    // Nothing ended (most worker starts): nothing to write, no commit to announce.
    if (left.length < waiting.length) await setEndingMeetings(db, left, now);
    await arm(left);
    return logged;
  });
}

async function arm(waiting: readonly EndingMeeting[]): Promise<void> {
  const earliest = Math.min(...waiting.map((meeting) => meeting.event.end));
  if (Number.isFinite(earliest)) await browser.alarms.create(MEETING_END_ALARM, { when: earliest });
  else await browser.alarms.clear(MEETING_END_ALARM);
}
