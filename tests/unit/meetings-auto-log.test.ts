import { afterEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ENDING_MEETINGS } from '../../utils/db/ending-meetings-repo';
import { deleteEverything } from '../../utils/portability/delete-everything';
import { makeBackupFile } from '../../utils/portability/export-files';
import type { SightingMessage } from '../../utils/messaging/protocol';
import { logEndedMeetings, keepEndingMeeting, MEETING_END_ALARM } from '../../utils/services/meetings/auto-log';
import { getEndingMeetings } from '../../utils/services/meetings/ending-meetings';
import { logMeeting } from '../../utils/services/meetings/log-meeting';
import { withUsersPart } from '../../utils/services/meetings/users-part';
import { updateSettings } from '../../utils/services/settings/settings';
import { recordSighting } from '../../utils/services/sightings/sightings';
import { freshDb, rulesWith } from './helpers';

const NOON = new Date(2026, 10, 23, 12, 0).getTime();
const HOUR = 3_600_000;
const URL_OF_EVENT = 'https://calendar.google.com/calendar/u/0/r/eventedit/abc';
const EVENT = { key: 'google-calendar:abc', title: 'Design review', start: NOON - HOUR, end: NOON + HOUR };
const LATER = { key: 'google-calendar:later', title: 'Retro', start: NOON + 2 * HOUR, end: NOON + 3 * HOUR };
const ME = { email: 'me@tend.example', name: 'Tess Mendel', role: 'to' } as const;
const GUESTS = [
  { email: 'grace@navy.example', name: 'Grace Hopper', role: 'to' },
  { email: 'ada@analytical.example', name: 'Ada Lovelace', role: 'to' },
  ME,
] as const;
const ON = rulesWith({ ownAddresses: [ME.email], passiveHistory: { 'google-calendar': true } });
const OFF = rulesWith({ ownAddresses: [ME.email] });

type Db = Awaited<ReturnType<typeof freshDb>>;

/** A database whose settings turn Google Calendar's automatic history on (what ON says). */
async function dbWithSwitchOn(): Promise<Db> {
  const db = await freshDb();
  await updateSettings(db, (current) => ({ ...current, passiveHistory: { 'google-calendar': true } }));
  return db;
}

/** An event read and recorded as the content handler does, then offered to the auto-log. */
async function see(db: Db, seenEvent: SightingMessage['event'], rules = ON, people: SightingMessage['people'] = [...GUESTS], site = 'google-calendar') {
  const event = seenEvent && withUsersPart(seenEvent, people, rules.own);
  const sighting: SightingMessage = { type: 'sighting', site, page: { url: URL_OF_EVENT, title: 'Google Calendar' }, event, people, self: [ME.email] };
  const outcome = await recordSighting(db, sighting, rules, NOON);
  await keepEndingMeeting(db, { site, url: URL_OF_EVENT, event, people: outcome.people }, rules, NOON);
  return { url: URL_OF_EVENT, title: 'Google Calendar', people: outcome.people, mailboxes: outcome.mailboxes, truncated: false, event, seenAt: NOON };
}

afterEach(() => vi.restoreAllMocks());

const meetings = async (db: Db) => (await db.getAll('interactions')).filter((entry) => entry.kind === 'meeting');
const alarm = () => fakeBrowser.alarms.get(MEETING_END_ALARM);

test('an event seen while its calendar logs meetings waits for its end, with one alarm at the earliest end', async () => {
  const db = await dbWithSwitchOn();
  await see(db, LATER);
  await see(db, EVENT);
  expect((await getEndingMeetings(db)).map((meeting) => meeting.event.key)).toEqual([EVENT.key, LATER.key]);
  expect((await alarm())?.scheduledTime).toBe(EVENT.end);
  // Not yet ended: nothing logged, nothing dropped.
  expect(await logEndedMeetings(db, NOON)).toBe(0);
  expect(await meetings(db)).toEqual([]);

  expect(await logEndedMeetings(db, EVENT.end)).toBe(1);
  const logged = await meetings(db);
  expect(logged.map((entry) => [entry.summary, entry.at, entry.source?.url])).toEqual([
    ['Design review', EVENT.start, URL_OF_EVENT],
    ['Design review', EVENT.start, URL_OF_EVENT],
  ]);
  expect((await getEndingMeetings(db)).map((meeting) => meeting.event.key)).toEqual([LATER.key]);
  expect((await alarm())?.scheduledTime).toBe(LATER.end);
  await logEndedMeetings(db, LATER.end + 1);
  expect(await getEndingMeetings(db)).toEqual([]);
  expect(await alarm()).toBeUndefined();
});

test('once per event: "Log this meeting" before or after the end still leaves one entry per guest', async () => {
  const db = await dbWithSwitchOn();
  const tab = await see(db, EVENT);
  expect(await logMeeting(db, tab, NOON)).toEqual({ logged: 2, alreadyLogged: 0 });
  await logEndedMeetings(db, EVENT.end);
  expect(await meetings(db)).toHaveLength(2);
  const later = await see(db, LATER);
  await logEndedMeetings(db, LATER.end);
  expect(await logMeeting(db, later, LATER.end + 1)).toEqual({ logged: 0, alreadyLogged: 2 });
  expect(await meetings(db)).toHaveLength(4);
});

test('nothing waits with the switch off (the default), an event already over, no end time, or no saved guest', async () => {
  const db = await dbWithSwitchOn();
  await see(db, EVENT, OFF);
  await see(db, { ...EVENT, key: 'google-calendar:past', start: NOON - 2 * HOUR, end: NOON - HOUR });
  const { end: _end, ...untimed } = EVENT;
  await see(db, { ...untimed, key: 'google-calendar:untimed' });
  await see(db, { ...EVENT, key: 'google-calendar:only-me' }, ON, [ME]);
  expect(await getEndingMeetings(db)).toEqual([]);
  expect(await alarm()).toBeUndefined();
});

test('only an event the user takes part in waits for its end; "Log this meeting" still logs any event', async () => {
  const db = await dbWithSwitchOn();
  const others = [GUESTS[0], GUESTS[1]];
  // A colleague's event (a shared calendar, or one the user only opened): the user is no guest.
  const notMine = await see(db, { ...EVENT, key: 'google-calendar:not-mine' }, ON, others);
  expect(notMine.event?.withUser).toBe(false);
  // The user's address is a guest, though only the settings know it as theirs (written in capitals here).
  await see(db, { ...EVENT, key: 'google-calendar:guest' }, ON, [...others, { email: 'ME@Tend.Example', role: 'to' }]);
  // The user organises it.
  await see(db, { ...EVENT, key: 'google-calendar:organised', organiser: ME.email }, ON, others);
  // The page's account is among the guests: the recogniser said so (its address left out of the people).
  await see(db, { ...EVENT, key: 'google-calendar:page-said', withUser: true }, ON, others);
  // An address Tend does not know as the user's says nothing.
  await see(db, { ...EVENT, key: 'google-calendar:unknown-own' }, rulesWith({ passiveHistory: { 'google-calendar': true } }), others);
  expect((await getEndingMeetings(db)).map((meeting) => meeting.event.key)).toEqual([
    'google-calendar:guest',
    'google-calendar:organised',
    'google-calendar:page-said',
  ]);
  expect(await logEndedMeetings(db, EVENT.end)).toBe(3);
  expect(await meetings(db)).toHaveLength(6);
  // By hand, the colleague's event is logged all the same.
  expect(await logMeeting(db, notMine, EVENT.end)).toEqual({ logged: 2, alreadyLogged: 0 });
});

test('seen again, the newer reading replaces the older; turned off before the end, the event is dropped unlogged', async () => {
  const db = await dbWithSwitchOn();
  await see(db, EVENT);
  await see(db, { ...EVENT, end: NOON + 2 * HOUR }, ON, [GUESTS[0], ME]);
  const [waiting, ...rest] = await getEndingMeetings(db);
  expect(rest).toEqual([]);
  expect([waiting?.event.end, waiting?.contactIds.length]).toEqual([NOON + 2 * HOUR, 1]);
  await updateSettings(db, (current) => ({ ...current, passiveHistory: { 'google-calendar': false } }));
  expect(await logEndedMeetings(db, NOON + 2 * HOUR)).toBe(0);
  expect(await meetings(db)).toEqual([]);
  expect(await getEndingMeetings(db)).toEqual([]);
});

test('a worker start logs what ended while it was away: the waiting list outlives the worker in the database', async () => {
  const db = await dbWithSwitchOn();
  await see(db, EVENT);
  // The alarm may be gone (Chrome drops some across a restart); the database still holds the event.
  await fakeBrowser.alarms.clearAll();
  expect(await logEndedMeetings(db, EVENT.end + 10 * HOUR)).toBe(1);
  expect(await meetings(db)).toHaveLength(2);
});

test('a page from another site cannot queue an event, and an unreadable waiting list is dropped, not thrown', async () => {
  const db = await dbWithSwitchOn();
  await see(db, EVENT, rulesWith({ ownAddresses: [ME.email], passiveHistory: { gmail: true } }), [...GUESTS], 'gmail');
  expect(await getEndingMeetings(db)).toEqual([]);
  await db.put('settings', { name: ENDING_MEETINGS, settings: [{ event: 'nonsense' }], updatedAt: NOON });
  const warned = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  expect(await getEndingMeetings(db)).toEqual([]);
  expect(warned).toHaveBeenCalledWith(expect.stringMatching(/could not be read/), expect.anything());
  expect(await logEndedMeetings(db, NOON)).toBe(0);
});

test('the waiting list is the worker’s own: nothing in chrome.storage, nothing in a backup, gone with delete everything', async () => {
  const db = await dbWithSwitchOn();
  await see(db, EVENT);
  expect(await getEndingMeetings(db)).toHaveLength(1);
  // A content script could read chrome.storage.local if its access level were lost: nothing there.
  expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  const backup = (await makeBackupFile(db, NOON)).parts.join('');
  expect(backup).toContain('"passiveHistory"'); // the user's settings are in it…
  expect(backup).not.toContain(ENDING_MEETINGS); // …the worker's waiting list is not
  expect(backup).not.toContain(EVENT.key);
  await deleteEverything(db, NOON);
  expect(await getEndingMeetings(db)).toEqual([]);
});

test('seen again without the user among its guests, or with no saved guest left, the event no longer waits; a reading without a guest list changes nothing', async () => {
  const db = await dbWithSwitchOn();
  const others = [GUESTS[0], GUESTS[1]];
  await see(db, EVENT);
  await see(db, LATER);
  // The popup read again without its guest list (no guests on the page): the earlier reading stands.
  await see(db, EVENT, ON, []);
  expect((await getEndingMeetings(db)).map((meeting) => meeting.event.key)).toEqual([EVENT.key, LATER.key]);

  // The user left the meeting (or declined and was removed): its guests no longer include them.
  await see(db, EVENT, ON, others);
  expect((await getEndingMeetings(db)).map((meeting) => meeting.event.key)).toEqual([LATER.key]);
  expect((await alarm())?.scheduledTime).toBe(LATER.end);
  // Only the user is left as a guest: nobody to log it on.
  await see(db, LATER, ON, [ME]);
  expect(await getEndingMeetings(db)).toEqual([]);
  expect(await alarm()).toBeUndefined();

  expect(await logEndedMeetings(db, LATER.end)).toBe(0);
  expect(await meetings(db)).toEqual([]);
});
