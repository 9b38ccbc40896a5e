import { describe, expect, test } from 'vitest';
import { readTx } from '../../utils/db/schema';
import { listTimeline } from '../../utils/db/interactions-repo';
import type { SightingMessage } from '../../utils/messaging/protocol';
import type { TabPeople } from '../../utils/model/records';
import { createFollowUp } from '../../utils/services/followups/writes';
import { logMeeting, meetingDedupeKey } from '../../utils/services/meetings/log-meeting';
import { meetingPrep } from '../../utils/services/meetings/prep';
import { updateContact } from '../../utils/services/people/contact-edits';
import { recordSighting } from '../../utils/services/sightings/sightings';
import { DAY, freshDb, rulesWith } from './helpers';

const NOON = new Date(2026, 10, 23, 12, 0).getTime();
const MEETING_START = NOON - 2 * DAY;
const EVENT = { key: 'google-calendar:4kq8r2v0mtd6l1h3p9s7c5b2ue', title: 'Quarterly review', start: MEETING_START, end: MEETING_START + 3_600_000 };
const URL_OF_EVENT = 'https://calendar.google.com/calendar/u/0/r/week/2026/11/21';
const GUESTS = [
  { email: 'grace@navy.example', name: 'Grace Hopper', role: 'to' },
  { email: 'ada@analytical.example', name: 'Ada Lovelace', role: 'to' },
  { email: 'me@tend.example', name: 'Tess Mendel', role: 'to' },
  { email: 'events@navy.example', role: 'to' },
] as const;
const own = rulesWith({ ownAddresses: ['me@tend.example'] });

/** A Google Calendar event popup's report. */
const eventSighting = (event: SightingMessage['event'] = EVENT): SightingMessage => ({
  type: 'sighting',
  site: 'google-calendar',
  page: { url: URL_OF_EVENT, title: 'Google Calendar' },
  event,
  people: [...GUESTS],
  self: ['me@tend.example'],
});

/** Read an event as the worker does, and keep the tab's people as the content handler would. */
async function seenEvent(db: Awaited<ReturnType<typeof freshDb>>, rules = own, event: SightingMessage['event'] = EVENT): Promise<TabPeople> {
  const outcome = await recordSighting(db, eventSighting(event), rules, NOON);
  return { url: URL_OF_EVENT, title: 'Google Calendar', people: outcome.people, mailboxes: outcome.mailboxes, truncated: false, event, seenAt: NOON };
}

const timelineOf = async (db: Awaited<ReturnType<typeof freshDb>>, contactId: string) => listTimeline(readTx(db, ['timeline', 'interactions']), contactId, 50);

describe('an event seen on a calendar', () => {
  test('saves its guests like a thread its correspondents, without the user or team mailboxes, and records no entry by default', async () => {
    const db = await freshDb();
    const tab = await seenEvent(db);
    expect(tab.people.map((p) => [p.displayName, Boolean(p.contactId)])).toEqual([
      ['Grace Hopper', true],
      ['Ada Lovelace', true],
    ]);
    expect(tab.mailboxes.map((p) => [p.email, p.contactId])).toEqual([['events@navy.example', undefined]]);
    expect(await db.getAll('interactions')).toEqual([]);
  });

  test('records no "seen" entry with its automatic history on either: there it logs the meeting after it ended (meetings-auto-log.test.ts)', async () => {
    const db = await freshDb();
    await seenEvent(db, rulesWith({ ownAddresses: ['me@tend.example'], passiveHistory: { 'google-calendar': true } }));
    await seenEvent(db, rulesWith({ ownAddresses: ['me@tend.example'], passiveHistory: { 'google-calendar': true } }));
    expect(await db.getAll('interactions')).toEqual([]);
  });
});

describe('logMeeting', () => {
  test('adds one meeting entry on each saved guest, at the event’s start, and resets their keep-in-touch clock', async () => {
    const db = await freshDb();
    const tab = await seenEvent(db);
    expect(await logMeeting(db, tab, NOON)).toEqual({ logged: 2, alreadyLogged: 0 });
    for (const person of tab.people) {
      const [entry, ...rest] = await timelineOf(db, person.contactId!);
      expect(rest).toEqual([]);
      expect(entry).toMatchObject({ kind: 'meeting', at: MEETING_START, summary: 'Quarterly review', contactIds: [person.contactId] });
      expect(entry!.source).toEqual({ url: URL_OF_EVENT, title: 'Quarterly review', site: 'google-calendar' });
      expect(entry!.dedupeKey).toBe(meetingDedupeKey(EVENT.key, person.contactId!));
      expect((await db.get('contacts', person.contactId!))?.lastInteractionAt).toBe(MEETING_START);
    }
  });

  test('logged twice, each guest still has one entry; a guest added to the event later gets theirs', async () => {
    const db = await freshDb();
    const tab = await seenEvent(db);
    await logMeeting(db, tab, NOON);
    expect(await logMeeting(db, tab, NOON + 1000)).toEqual({ logged: 0, alreadyLogged: 2 });
    expect((await db.getAll('interactions')).filter((e) => e.kind === 'meeting')).toHaveLength(2);
    const withKatherine = await recordSighting(db, { ...eventSighting(), people: [...GUESTS, { email: 'katherine@nasa.example', role: 'to' }] }, own, NOON);
    expect(await logMeeting(db, { ...tab, people: withKatherine.people }, NOON + 2000)).toEqual({ logged: 1, alreadyLogged: 2 });
  });

  test('a newer interaction stays the last one: logging an older meeting does not move the clock back', async () => {
    const db = await freshDb();
    const tab = await seenEvent(db);
    const grace = tab.people[0]!.contactId!;
    await db.put('contacts', { ...(await db.get('contacts', grace))!, lastInteractionAt: NOON - 1000 });
    await logMeeting(db, tab, NOON);
    expect((await db.get('contacts', grace))?.lastInteractionAt).toBe(NOON - 1000);
  });

  test('an event without a readable time is logged now', async () => {
    const db = await freshDb();
    const { start: _start, end: _end, ...untimed } = EVENT;
    const tab = await seenEvent(db, own, untimed);
    await logMeeting(db, tab, NOON);
    expect((await db.getAll('interactions')).map((e) => e.at)).toEqual([NOON, NOON]);
  });

  test('refuses, writing nothing, a meeting that has not started, a tab without an event, and an event with no saved guest', async () => {
    const db = await freshDb();
    const tab = await seenEvent(db, own, { ...EVENT, start: NOON + DAY });
    await expect(logMeeting(db, tab, NOON)).rejects.toThrow(/not started yet/);
    await expect(logMeeting(db, { ...tab, event: undefined }, NOON)).rejects.toThrow(/no calendar event/);
    await expect(logMeeting(db, { ...tab, event: EVENT, people: tab.people.map(({ contactId: _id, ...row }) => row) }, NOON)).rejects.toThrow(
      /None of this event/,
    );
    expect(await db.getAll('interactions')).toEqual([]);
  });

  test('a guest deleted since the page was read is skipped, the others logged', async () => {
    const db = await freshDb();
    const tab = await seenEvent(db);
    await db.delete('contacts', tab.people[0]!.contactId!);
    expect(await logMeeting(db, tab, NOON)).toEqual({ logged: 1, alreadyLogged: 0 });
  });
});

describe('meetingPrep', () => {
  test('gives each saved guest what matters to them, their open follow-ups soonest first, and whether the meeting is logged', async () => {
    const db = await freshDb();
    const tab = await seenEvent(db);
    const [grace, ada] = tab.people.map((p) => p.contactId!);
    await updateContact(db, grace!, { whatMatters: 'Her team’s budget' }, NOON);
    await createFollowUp(
      db,
      { id: '0190a000-0000-7000-8000-000000000001', contactId: grace!, text: 'Send the slides', due: NOON + 2 * DAY, confirmPast: false },
      NOON,
    );
    await createFollowUp(
      db,
      { id: '0190a000-0000-7000-8000-000000000002', contactId: grace!, text: 'Book the room', due: NOON + DAY, confirmPast: false },
      NOON,
    );
    const before = await meetingPrep(db, tab);
    expect(before).toEqual([
      {
        contactId: grace,
        whatMatters: 'Her team’s budget',
        followUps: [
          { id: '0190a000-0000-7000-8000-000000000002', text: 'Book the room', due: NOON + DAY },
          { id: '0190a000-0000-7000-8000-000000000001', text: 'Send the slides', due: NOON + 2 * DAY },
        ],
        openFollowUps: 2,
        logged: false,
      },
      { contactId: ada, followUps: [], openFollowUps: 0, logged: false },
    ]);
    await logMeeting(db, tab, NOON);
    expect((await meetingPrep(db, tab)).map((guest) => guest.logged)).toEqual([true, true]);
    expect(await meetingPrep(db, { ...tab, event: undefined })).toEqual([]);
  });
});
