process.env.TZ = 'Europe/Berlin';

import { beforeEach, describe, expect, test, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { changesSince, latestChangeSeq } from '../../utils/db/changes-repo';
import { createRouter } from '../../utils/messaging/router';
import type { FollowUp } from '../../utils/model/records';
import { alarmName } from '../../utils/services/followups/alarms-sync';
import { onFollowUpAlarm } from '../../utils/services/followups/notifications';
import { createHandlers } from '../../utils/services/handlers';
import { deletePerson } from '../../utils/services/people/delete';
import { createContact } from '../../utils/services/people/people';
import { HOUR } from '../../utils/time/dates';
import { DAY, freshDb } from './helpers';

const NOW = Date.UTC(2025, 9, 24, 10); // Friday 24 October 2025, 12:00 in Berlin
const ID = 'tend-extension-id';
const ORIGIN = `chrome-extension://${ID}/`;
const fromPanel = { id: ID, url: `${ORIGIN}sidepanel.html` } as Browser.runtime.MessageSender;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

async function setup() {
  const db = await freshDb();
  const ada = await createContact(db, { displayName: 'Ada Lovelace', email: 'ada@analytical.example' }, NOW);
  const route = createRouter(createHandlers(Promise.resolve(db), Date.now), { extensionId: ID, extensionOrigin: ORIGIN });
  const ask = async <T = FollowUp>(message: object): Promise<T> => {
    const reply = await route(message, fromPanel);
    if (!reply.ok) throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
    return reply.data as T;
  };
  const create = (due: number, extra: object = {}) =>
    ask({ type: 'createFollowUp', id: crypto.randomUUID(), contactId: ada.id, text: 'Send her the numbers', due, ...extra });
  return { db, ask, create, ada: ada.id };
}

describe('editing a follow-up', () => {
  test('text and due time change; the alarm moves with the due time', async () => {
    const { db, ask, create } = await setup();
    const followUp = await create(NOW + HOUR);
    const edited = await ask({ type: 'editFollowUp', followUpId: followUp.id, text: '  Send the corrected numbers ', due: NOW + 3 * DAY });
    expect(edited).toEqual({ ...followUp, text: 'Send the corrected numbers', due: NOW + 3 * DAY });
    expect(await db.get('followUps', followUp.id)).toEqual(edited);
    expect((await fakeBrowser.alarms.getAll()).map((a) => [a.name, a.scheduledTime])).toEqual([[alarmName(followUp.id), NOW + 3 * DAY]]);
  });

  test('a new due time starts it over: a snooze and an earlier notification no longer apply, and a shown reminder goes', async () => {
    const { db, ask, create } = await setup();
    const followUp = await create(NOW + HOUR);
    vi.setSystemTime(NOW + HOUR);
    const shown = await onFollowUpAlarm(Promise.resolve(db), { name: alarmName(followUp.id) });
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual([shown]);
    await ask({ type: 'snoozeFollowUp', followUpId: followUp.id, snooze: 'hour' });
    const edited = await ask({ type: 'editFollowUp', followUpId: followUp.id, text: followUp.text, due: NOW + DAY });
    expect(edited.snoozedUntil).toBeUndefined();
    expect(edited.notifiedFor).toBeUndefined();
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
  });

  test('a text-only edit keeps the due time, snooze and notification note as they are', async () => {
    const { ask, create } = await setup();
    const followUp = await create(NOW + HOUR);
    const snoozed = await ask({ type: 'snoozeFollowUp', followUpId: followUp.id, snooze: 'tomorrow' });
    const edited = await ask({ type: 'editFollowUp', followUpId: followUp.id, text: 'Call instead', due: followUp.due });
    expect(edited).toEqual({ ...snoozed, text: 'Call instead' });
  });

  test('a new due time in the past needs confirming; confirmed, it is due at once without a notification', async () => {
    const { ask, create } = await setup();
    const followUp = await create(NOW + HOUR);
    await expect(ask({ type: 'editFollowUp', followUpId: followUp.id, text: 'x', due: NOW - HOUR })).rejects.toMatchObject({ code: 'invalid' });
    const edited = await ask({ type: 'editFollowUp', followUpId: followUp.id, text: 'x', due: NOW - HOUR, confirmPast: true });
    expect(edited).toMatchObject({ due: NOW - HOUR, notifiedFor: NOW - HOUR });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
  });

  test('empty text, a date no calendar shows, or a follow-up that is gone are refused with a clear error', async () => {
    const { ask, create } = await setup();
    const followUp = await create(NOW + HOUR);
    await expect(ask({ type: 'editFollowUp', followUpId: followUp.id, text: '   ', due: NOW + HOUR })).rejects.toThrow('Say what to follow up on');
    await expect(ask({ type: 'editFollowUp', followUpId: followUp.id, text: 'x', due: 8.64e15 + 1 })).rejects.toMatchObject({ code: 'invalid' });
    await expect(ask({ type: 'editFollowUp', followUpId: crypto.randomUUID(), text: 'x', due: NOW + HOUR })).rejects.toThrow('That follow-up is gone.');
  });
});

describe('deleting a follow-up', () => {
  test('it goes with its alarm and badge count, logged; undo puts back the same record', async () => {
    const { db, ask, create } = await setup();
    const followUp = await create(NOW, { confirmPast: true });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    const seq = await latestChangeSeq(db);
    const sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined);
    const deleted = await ask<FollowUp | null>({ type: 'deleteFollowUp', followUpId: followUp.id });
    expect(deleted).toEqual(followUp);
    // Its person's pages hear of it (the commit names a deleted follow-up by id only).
    expect(sent).toHaveBeenCalledWith({ type: 'changed', contactIds: [followUp.contactId] });
    expect(await db.get('followUps', followUp.id)).toBeUndefined();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect((await changesSince(db, seq)).map(({ store, op, id }) => [store, op, id])).toEqual([['followUps', 'delete', followUp.id]]);
    expect(await ask({ type: 'deleteFollowUp', followUpId: followUp.id })).toBeNull();

    expect(await ask({ type: 'restoreFollowUp', followUp: deleted })).toEqual(followUp);
    expect(await db.get('followUps', followUp.id)).toEqual(followUp);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    // Twice is once.
    expect(await ask({ type: 'restoreFollowUp', followUp: deleted })).toEqual(followUp);
  });

  test('its reminder on screen is taken away', async () => {
    const { db, ask, create } = await setup();
    const followUp = await create(NOW + HOUR);
    vi.setSystemTime(NOW + HOUR);
    const shown = await onFollowUpAlarm(Promise.resolve(db), { name: alarmName(followUp.id) });
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual([shown]);
    await ask({ type: 'deleteFollowUp', followUpId: followUp.id });
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
  });

  test('undo for a person deleted since is refused and writes nothing', async () => {
    const { db, ask, create, ada } = await setup();
    const followUp = await create(NOW + HOUR);
    const deleted = await ask<FollowUp>({ type: 'deleteFollowUp', followUpId: followUp.id });
    await deletePerson(db, ada, { neverRecord: false }, NOW);
    await expect(ask({ type: 'restoreFollowUp', followUp: deleted })).rejects.toThrow('That person is no longer in Tend.');
    expect(await db.count('followUps')).toBe(0);
  });
});
