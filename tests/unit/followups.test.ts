process.env.TZ = 'Europe/Berlin';

import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HOUR } from '../../utils/time/dates';
import { createRouter } from '../../utils/messaging/router';
import { takeOpenPersonRequest } from '../../utils/storage/open-person';
import type { FollowUp } from '../../utils/model/records';
import { createFollowUpHandlers } from '../../utils/services/followups/handlers';
import { createHandlers } from '../../utils/services/handlers';
import { logInteraction } from '../../utils/services/capture/log';
import { onFollowUpAlarm, onFollowUpButton, onFollowUpClicked } from '../../utils/services/followups/notifications';
import { badgeText, countDue, groupFollowUps } from '../../utils/services/followups/schedule';
import { alarmName, syncFollowUps } from '../../utils/services/followups/alarms-sync';
import { recordSighting } from '../../utils/services/sightings/sightings';
import { ADA, CHARLES, DAY, freshDb, rulesWith, threadSighting } from './helpers';

const NOW = Date.UTC(2025, 9, 24, 10); // Friday 24 October 2025, 12:00 in Berlin
const ID = 'tend-extension-id';
const ORIGIN = `chrome-extension://${ID}/`;
const fromPanel = { id: ID, url: `${ORIGIN}sidepanel.html` } as Browser.runtime.MessageSender;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'debug').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.useRealTimers();
  Reflect.deleteProperty(fakeBrowser, 'sidePanel');
});

/** WXT's fake browser has no sidePanel API: a stand-in that records how it was opened. */
function stubSidePanel() {
  const open = vi.fn(async (_options: { windowId: number }) => undefined);
  Object.assign(fakeBrowser, { sidePanel: { open } });
  return open;
}

async function setup() {
  const db = await freshDb();
  const { people } = await recordSighting(db, threadSighting('t1', 'Plan', [ADA, CHARLES]), rulesWith(), Date.now());
  const dbPromise = Promise.resolve(db);
  const route = createRouter(createHandlers(dbPromise, Date.now), { extensionId: ID, extensionOrigin: ORIGIN });
  const ask = async (message: object) => {
    const reply = await route(message, fromPanel);
    if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
    return reply.data as FollowUp;
  };
  const create = (due: number, extra: object = {}) =>
    ask({ type: 'createFollowUp', id: crypto.randomUUID(), contactId: people[0]!.contactId!, text: 'Send her the numbers', due, ...extra });
  const badge = () => fakeBrowser.action.getBadgeText({});
  const notifications = async () => Object.keys(await fakeBrowser.notifications.getAll());
  return { db, dbPromise, route, ask, create, badge, notifications, ada: people[0]!.contactId!, charles: people[1]!.contactId! };
}

describe('creating follow-ups', () => {
  test('a due time in the past is asked about first; confirmed, it is due at once and on the badge', async () => {
    const { db, create, badge, notifications } = await setup();
    await expect(create(NOW - DAY)).rejects.toThrow(/already passed/);
    expect(await db.count('followUps')).toBe(0);
    expect(await badge()).toBe('');

    const followUp = await create(NOW - DAY, { confirmPast: true });
    expect(followUp).toMatchObject({ done: false, due: NOW - DAY, createdAt: NOW });
    expect(await badge()).toBe('1');
    // The user just said it is due: no notification repeats that, and no alarm is left to fire.
    expect(await notifications()).toEqual([]);
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
  });

  test.each([
    ['not a number', Number.NaN],
    ['infinite', Number.POSITIVE_INFINITY],
    ['negative', -5],
    ['a fraction of a millisecond', NOW + 0.5],
    ['after the year 9999', 1e16],
    ['a string', '2025-10-25T09:00'],
  ])('an invalid due date (%s) never reaches storage', async (_case, due) => {
    const { db, create } = await setup();
    await expect(create(due as number, { confirmPast: true })).rejects.toThrow(/^invalid/);
    expect(await db.count('followUps')).toBe(0);
  });

  test('a retry with the same id creates one follow-up; an empty text is refused', async () => {
    const { db, ask, ada } = await setup();
    const request = { type: 'createFollowUp', id: crypto.randomUUID(), contactId: ada, text: 'Call back', due: NOW + DAY };
    const [first, second] = await Promise.all([ask(request), ask(request)]);
    expect(second.id).toBe(first.id);
    expect(await db.count('followUps')).toBe(1);
    await expect(ask({ ...request, id: crypto.randomUUID(), text: '   ' })).rejects.toThrow(/Say what to follow up on/);
  });

  test('“follow up on this” links the entry; the lists show what it was about', async () => {
    const { db, ask, ada, charles } = await setup();
    const entry = await logInteraction(db, { contactIds: [ada], kind: 'call', text: 'She asked for the launch numbers', requestId: crypto.randomUUID() }, NOW);
    await ask({ type: 'createFollowUp', id: crypto.randomUUID(), contactId: ada, text: 'Send the numbers', due: NOW + 2 * DAY, entryId: entry.id });
    const lists = await createFollowUpHandlers(Promise.resolve(db), Date.now).listFollowUps();
    expect(lists.upcoming).toEqual([
      expect.objectContaining({ text: 'Send the numbers', contactName: 'Ada Lovelace', entryId: entry.id, entrySummary: 'She asked for the launch numbers' }),
    ]);
    // An entry that is not about this person cannot be linked.
    await expect(ask({ type: 'createFollowUp', id: crypto.randomUUID(), contactId: charles, text: 'x', due: NOW + DAY, entryId: entry.id })).rejects.toThrow(
      /not-found/,
    );
  });
});

describe('lists and badge count', () => {
  const followUp = (due: number, extra: Partial<FollowUp> = {}): FollowUp => ({
    id: crypto.randomUUID(),
    contactId: 'p1',
    due,
    text: 't',
    done: false,
    ...extra,
  });

  test('due and overdue, upcoming within 14 days, later, done; a snooze counts from when it wakes', () => {
    const overdue = followUp(NOW - 3 * DAY);
    const dueNow = followUp(NOW);
    const snoozed = followUp(NOW - DAY, { snoozedUntil: NOW + HOUR });
    const inTwoWeeks = followUp(NOW + 14 * DAY);
    const later = followUp(NOW + 14 * DAY + 1);
    const done = followUp(NOW - DAY, { done: true, doneAt: NOW - 1 });
    const groups = groupFollowUps([later, done, inTwoWeeks, snoozed, dueNow, overdue], NOW);
    expect(groups.due).toEqual([overdue, dueNow]);
    expect(groups.upcoming).toEqual([snoozed, inTwoWeeks]);
    expect(groups.later).toEqual([later]);
    expect(groups.done).toEqual([done]);
  });

  test('the badge counts open, due follow-ups of people still in Tend, and stays short', () => {
    const list = [followUp(NOW - DAY), followUp(NOW), followUp(NOW + 1), followUp(NOW - DAY, { done: true }), followUp(NOW - DAY, { contactId: 'gone' })];
    expect(countDue(list, (id) => id === 'p1', NOW)).toBe(2);
    expect(countDue(list, (id) => id === 'p1', NOW + 1)).toBe(3);
    expect([0, 1, 99, 100, 2500].map(badgeText)).toEqual(['', '1', '99', '99+', '99+']);
  });

  test('the badge follows the clock as alarms fire: one more each time a follow-up falls due', async () => {
    const { create, badge, dbPromise } = await setup();
    const first = await create(NOW + HOUR);
    const second = await create(NOW + 2 * HOUR);
    expect(await badge()).toBe('');
    vi.setSystemTime(NOW + HOUR);
    await onFollowUpAlarm(dbPromise, { name: alarmName(first.id) });
    expect(await badge()).toBe('1');
    vi.setSystemTime(NOW + 2 * HOUR);
    await onFollowUpAlarm(dbPromise, { name: alarmName(second.id) });
    expect(await badge()).toBe('2');
  });
});

describe('alarms and notifications', () => {
  test('an open follow-up has an alarm at its due time; done or snoozed, the alarm moves or goes', async () => {
    const { create, ask } = await setup();
    const followUp = await create(NOW + 3 * HOUR);
    expect(await fakeBrowser.alarms.getAll()).toEqual([expect.objectContaining({ name: alarmName(followUp.id), scheduledTime: NOW + 3 * HOUR })]);
    await ask({ type: 'setFollowUpDone', followUpId: followUp.id, done: true });
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
    await ask({ type: 'setFollowUpDone', followUpId: followUp.id, done: false });
    expect((await fakeBrowser.alarms.getAll()).map((a) => a.scheduledTime)).toEqual([NOW + 3 * HOUR]);
  });

  test('the alarm shows a notification with Done and Snooze; Done clears it and the badge', async () => {
    const { create, dbPromise, badge, notifications } = await setup();
    const followUp = await create(NOW + HOUR);
    vi.setSystemTime(NOW + HOUR);
    const shown = await onFollowUpAlarm(dbPromise, { name: alarmName(followUp.id) });
    expect(shown).toBe(`tend-followup:${followUp.id}:hour`);
    const options = (await fakeBrowser.notifications.getAll())[shown!] as unknown as { title: string; message: string; buttons: { title: string }[] };
    expect(options.title).toBe('Follow up with Ada Lovelace');
    expect(options.message).toBe('Send her the numbers');
    expect(options.buttons.map((b) => b.title)).toEqual(['Done', 'Snooze 1 hour']);
    expect(await badge()).toBe('1');

    const done = await onFollowUpButton(dbPromise, shown!, 0);
    expect(done).toMatchObject({ done: true, doneAt: NOW + HOUR });
    expect(await badge()).toBe('');
    expect(await notifications()).toEqual([]);
  });

  test('snooze 1 hour from the notification; the next reminder offers tomorrow, which is 09:00 the next day', async () => {
    const { create, dbPromise, badge } = await setup();
    const followUp = await create(NOW, { confirmPast: true });
    const first = await onFollowUpAlarm(dbPromise, { name: alarmName(followUp.id) });
    const snoozed = await onFollowUpButton(dbPromise, first!, 1);
    expect(snoozed?.snoozedUntil).toBe(NOW + HOUR);
    expect(await badge()).toBe('');
    expect((await fakeBrowser.alarms.getAll()).map((a) => a.scheduledTime)).toEqual([NOW + HOUR]);

    vi.setSystemTime(NOW + HOUR);
    const second = await onFollowUpAlarm(dbPromise, { name: alarmName(followUp.id) });
    expect(second).toBe(`tend-followup:${followUp.id}:tomorrow`);
    const options = (await fakeBrowser.notifications.getAll())[second!] as unknown as { buttons: { title: string }[] };
    expect(options.buttons[1]!.title).toBe('Snooze until tomorrow');
    const again = await onFollowUpButton(dbPromise, second!, 1);
    expect(again?.snoozedUntil).toBe(Date.UTC(2025, 9, 25, 7)); // Saturday 09:00 in Berlin
  });

  test('a snooze only puts off: a follow-up due in three days stays there', async () => {
    const { create, ask } = await setup();
    const followUp = await create(NOW + 3 * DAY);
    const snoozed = await ask({ type: 'snoozeFollowUp', followUpId: followUp.id, snooze: 'hour' });
    expect(snoozed.snoozedUntil).toBe(NOW + 3 * DAY);
  });

  test('an alarm for a follow-up already done or snoozed to later shows nothing', async () => {
    const { create, ask, dbPromise, notifications } = await setup();
    const followUp = await create(NOW + HOUR);
    vi.setSystemTime(NOW + HOUR);
    await ask({ type: 'snoozeFollowUp', followUpId: followUp.id, snooze: 'tomorrow' });
    expect(await onFollowUpAlarm(dbPromise, { name: alarmName(followUp.id) })).toBeUndefined();
    await ask({ type: 'setFollowUpDone', followUpId: followUp.id, done: true });
    vi.setSystemTime(NOW + 2 * DAY);
    expect(await onFollowUpAlarm(dbPromise, { name: alarmName(followUp.id) })).toBeUndefined();
    expect(await notifications()).toEqual([]);
  });

  test('clicking a reminder opens the side panel at once and asks it to show that person', async () => {
    const { create, dbPromise, ada, notifications } = await setup();
    const open = stubSidePanel();
    const followUp = await create(NOW + HOUR);
    vi.setSystemTime(NOW + HOUR);
    const shown = await onFollowUpAlarm(dbPromise, { name: alarmName(followUp.id) });
    const clicked = onFollowUpClicked(dbPromise, shown!, 42);
    // Called before anything was awaited: still inside the click's user gesture.
    expect(open).toHaveBeenCalledWith({ windowId: 42 });
    expect(await clicked).toBe(ada);
    expect(await takeOpenPersonRequest()).toBe(ada);
    expect(await notifications()).toEqual([]);
    expect(open).toHaveBeenCalledTimes(1);
  });

  test('a click this worker cannot vouch for (woken by it) opens the panel after checking the person', async () => {
    const { create, dbPromise, ada } = await setup();
    const open = stubSidePanel();
    vi.spyOn(fakeBrowser.windows, 'getLastFocused').mockResolvedValue({ id: 7 } as never);
    const followUp = await create(NOW + HOUR);
    const clicked = onFollowUpClicked(dbPromise, `tend-followup:${followUp.id}:hour`);
    expect(open).not.toHaveBeenCalled();
    expect(await clicked).toBe(ada);
    expect(open).toHaveBeenCalledWith({ windowId: 7 });
  });

  test('a notification for a deleted person opens nothing and clears itself; their follow-ups stop counting', async () => {
    const { db, create, dbPromise, ada, badge, notifications } = await setup();
    const followUp = await create(NOW + HOUR);
    vi.setSystemTime(NOW + HOUR);
    const shown = await onFollowUpAlarm(dbPromise, { name: alarmName(followUp.id) });
    expect(await badge()).toBe('1');
    await db.delete('contacts', ada);

    const open = stubSidePanel();
    await syncFollowUps(dbPromise); // this worker now knows the person is gone
    expect(await onFollowUpClicked(dbPromise, shown!, 42)).toBeUndefined();
    expect(open).not.toHaveBeenCalled();
    expect(await notifications()).toEqual([]);
    expect(await takeOpenPersonRequest()).toBeUndefined();
    expect(await onFollowUpButton(dbPromise, shown!, 0)).toBeUndefined();
    expect((await db.get('followUps', followUp.id))?.done).toBe(false);
    await syncFollowUps(dbPromise);
    expect(await badge()).toBe('');
    expect(await onFollowUpAlarm(dbPromise, { name: alarmName(followUp.id) })).toBeUndefined();
    expect(await notifications()).toEqual([]);
  });

  test('after a restart that lost the alarms, they are rebuilt and a missed reminder is shown once', async () => {
    const { create, dbPromise, badge, notifications } = await setup();
    const soon = await create(NOW + HOUR);
    const later = await create(NOW + 5 * DAY);
    await fakeBrowser.alarms.clearAll();
    vi.setSystemTime(NOW + 2 * HOUR);

    await syncFollowUps(dbPromise);
    expect(await notifications()).toEqual([`tend-followup:${soon.id}:hour`]);
    expect(await badge()).toBe('1');
    expect((await fakeBrowser.alarms.getAll()).map((a) => [a.name, a.scheduledTime])).toEqual([[alarmName(later.id), NOW + 5 * DAY]]);

    // The user dismissed it; the next worker start must not show it again.
    await fakeBrowser.notifications.clear(`tend-followup:${soon.id}:hour`);
    await syncFollowUps(dbPromise);
    expect(await notifications()).toEqual([]);
    expect(await badge()).toBe('1');
  });

  test('alarms of follow-ups that no longer exist are cleared; other extensions’ alarm names are left alone', async () => {
    const { dbPromise } = await setup();
    await fakeBrowser.alarms.create(alarmName(crypto.randomUUID()), { when: NOW + DAY });
    await fakeBrowser.alarms.create('someone-else', { when: NOW + DAY });
    await syncFollowUps(dbPromise);
    expect((await fakeBrowser.alarms.getAll()).map((a) => a.name)).toEqual(['someone-else']);
  });
});
