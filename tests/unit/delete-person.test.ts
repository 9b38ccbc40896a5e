import { beforeEach, describe, expect, test, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { latestChangeSeq, changesSince } from '../../utils/db/changes-repo';
import { openTendDb } from '../../utils/db/open';
import type { StoreName } from '../../utils/db/schema';
import { createRouter } from '../../utils/messaging/router';
import { undoDeleteName, UNDO_DELETE_KEEP_MS } from '../../utils/model/deletion';
import { searchEverything } from '../../utils/search/search';
import { dropSearchIndex } from '../../utils/search/live-index';
import { logInteraction } from '../../utils/services/capture/log';
import { alarmName } from '../../utils/services/followups/alarms-sync';
import { onFollowUpAlarm } from '../../utils/services/followups/notifications';
import { createHandlers } from '../../utils/services/handlers';
import { addIdentity } from '../../utils/services/people/contact-edits';
import { deletePerson, dropExpiredUndoRecords, lastDeletion, undoDeletePerson } from '../../utils/services/people/delete';
import { createContact } from '../../utils/services/people/people';
import { captureRulesFrom } from '../../utils/services/sightings/capture-rules';
import { recordSighting } from '../../utils/services/sightings/sightings';
import { loadSettings } from '../../utils/services/settings/settings';
import { getTabPeople, setTabPeople } from '../../utils/storage/tab-people';
import { HOUR } from '../../utils/time/dates';
import { freshDb, threadSighting } from './helpers';

type Db = Awaited<ReturnType<typeof freshDb>>;
const NOW = Date.UTC(2025, 9, 24, 10);
const ID = 'tend-extension-id';
const ORIGIN = `chrome-extension://${ID}/`;
const fromPanel = { id: ID, url: `${ORIGIN}sidepanel.html` } as Browser.runtime.MessageSender;
/** The stores that hold the user's records: a delete and its undo must leave them as they were. */
const RECORD_STORES: StoreName[] = ['contacts', 'identities', 'interactions', 'timeline', 'followUps'];
const note = (contactIds: string[], text: string) => ({ contactIds, kind: 'note' as const, text, requestId: crypto.randomUUID() });
const limits = { people: 8, notes: 20 };

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});

const everything = async (db: Db) => Object.fromEntries(await Promise.all(RECORD_STORES.map(async (store) => [store, await db.getAll(store)] as const)));

/** Ada (an address and a profile link, a thread, a note of her own, one shared with Charles, a follow-up) and Charles. */
async function adaAndCharles() {
  const db = await freshDb();
  const ada = await createContact(db, { displayName: 'Ada Lovelace', email: 'ada@analytical.example' }, NOW - 5 * HOUR);
  const charles = await createContact(db, { displayName: 'Charles Babbage', email: 'charles@engine.example' }, NOW - 5 * HOUR);
  await addIdentity(db, ada.id, 'https://github.com/adalovelace', NOW - 4 * HOUR);
  await recordSighting(
    db,
    threadSighting('t1', 'Bernoulli numbers', [{ email: 'ada@analytical.example' }]),
    captureRulesFrom(await loadSettings(db)),
    NOW - 3 * HOUR,
  );
  const own = await logInteraction(db, note([ada.id], 'Poetical science'), NOW - 2 * HOUR);
  const shared = await logInteraction(db, note([ada.id, charles.id], 'Difference engine demo'), NOW - HOUR);
  await db.put('followUps', { id: crypto.randomUUID(), contactId: ada.id, due: NOW + HOUR, text: 'Send the notes on the engine', done: false });
  const charlesFollowUp = { id: crypto.randomUUID(), contactId: charles.id, due: NOW + 2 * HOUR, text: 'Ask about the engine', done: false };
  await db.put('followUps', charlesFollowUp);
  return { db, ada: ada.id, charles: charles.id, own: own.id, shared: shared.id, charlesFollowUp };
}

describe('deleting a person', () => {
  test('their identities, follow-ups and own entries go; a shared entry stays for the other person; the change log records it', async () => {
    const { db, ada, charles, own, shared, charlesFollowUp } = await adaAndCharles();
    const seq = await latestChangeSeq(db);
    const deleted = await deletePerson(db, ada, { neverRecord: false }, NOW);
    expect(deleted).toMatchObject({ contactId: ada, displayName: 'Ada Lovelace', neverRecorded: [] });

    expect(await db.get('contacts', ada)).toBeUndefined();
    expect(await db.getAllFromIndex('identities', 'by-contact', ada)).toEqual([]);
    expect(await db.getAll('followUps')).toEqual([charlesFollowUp]);
    expect(await db.get('interactions', own)).toBeUndefined();
    const sharedNow = await db.get('interactions', shared);
    expect(sharedNow?.contactIds).toEqual([charles]);
    expect((await db.getAll('interactions')).map((entry) => entry.summary)).toEqual(['Difference engine demo']);
    expect((await db.getAll('timeline')).map((link) => [link.contactId, link.interactionId])).toEqual([[charles, shared]]);

    const rows = (await changesSince(db, seq)).map(
      ({ store, op, id }) => `${store} ${op} ${id === ada ? 'ada' : id === shared ? 'shared' : id === own ? 'own' : 'other'}`,
    );
    expect(rows.sort()).toEqual(
      ['contacts delete ada', 'followUps delete other', 'interactions delete other', 'interactions delete own', 'interactions put shared'].sort(),
    );
  });

  test('search no longer finds them or their own notes; the shared note is found under the other person only', async () => {
    const { db, ada, charles } = await adaAndCharles();
    expect((await searchEverything(db, 'lovelace', limits)).people.map((hit) => hit.contact.id)).toEqual([ada]);
    await deletePerson(db, ada, { neverRecord: false }, NOW);
    expect((await searchEverything(db, 'lovelace', limits)).people).toEqual([]);
    expect((await searchEverything(db, 'adalovelace', limits)).people).toEqual([]);
    expect((await searchEverything(db, 'poetical', limits)).notes).toEqual([]);
    expect((await searchEverything(db, 'difference engine', limits)).notes[0]!.people.map((p) => p.id)).toEqual([charles]);
  });

  test('undo brings back exactly the records there were, and search finds them again', async () => {
    const { db, ada } = await adaAndCharles();
    const before = await everything(db);
    await searchEverything(db, 'lovelace', limits);
    await deletePerson(db, ada, { neverRecord: false }, NOW);
    const { contact, identitiesKept } = await undoDeletePerson(db, ada, NOW + 1000);
    expect(identitiesKept).toEqual([]);
    expect(contact).toEqual(before.contacts!.find((c) => (c as { id: string }).id === ada));
    expect(await everything(db)).toEqual(before);
    expect(await db.get('snapshots', undoDeleteName(ada))).toBeUndefined();
    expect((await searchEverything(db, 'lovelace', limits)).people.map((hit) => hit.contact.id)).toEqual([ada]);
    expect((await searchEverything(db, 'poetical', limits)).notes).toHaveLength(1);
    await expect(undoDeletePerson(db, ada, NOW + 2000)).rejects.toMatchObject({ code: 'not-found' });
  });

  test('undo works after a worker restart: what it needs is in the database', async () => {
    const { db, ada } = await adaAndCharles();
    const before = await everything(db);
    await deletePerson(db, ada, { neverRecord: false }, NOW);
    dropSearchIndex(db);
    db.close();
    const reopened = await openTendDb('tend-test');
    await undoDeletePerson(reopened, ada, NOW + 60_000);
    expect(await everything(reopened)).toEqual(before);
  });

  test('never record again: their address and profile link join the never-record list, and the next page does not bring them back; undo takes them off', async () => {
    const { db, ada } = await adaAndCharles();
    const deleted = await deletePerson(db, ada, { neverRecord: true }, NOW);
    expect(deleted.neverRecorded).toEqual(['ada@analytical.example', 'https://github.com/adalovelace']);
    expect((await loadSettings(db)).neverCapture.addresses).toEqual(['ada@analytical.example', 'https://github.com/adalovelace']);

    const rules = captureRulesFrom(await loadSettings(db));
    const again = await recordSighting(db, threadSighting('t2', 'Notes', [{ name: 'Ada', email: 'Ada@Analytical.example' }]), rules, NOW);
    const profile = await recordSighting(
      db,
      { ...threadSighting('t3', 'Profile', [{ name: 'Ada', profileUrl: 'https://github.com/AdaLovelace' }]) },
      rules,
      NOW,
    );
    expect([...again.people, ...profile.people]).toEqual([]);
    expect(await db.count('identities')).toBe(1); // Charles's

    await undoDeletePerson(db, ada, NOW + 1000);
    expect((await loadSettings(db)).neverCapture.addresses).toEqual([]);
  });

  test('only the newest delete can be undone, and only for a while', async () => {
    const { db, ada, charles } = await adaAndCharles();
    await deletePerson(db, ada, { neverRecord: false }, NOW);
    await deletePerson(db, charles, { neverRecord: false }, NOW + 1000);
    expect((await db.getAllKeys('snapshots')).filter((name) => name.startsWith('undo-delete:'))).toEqual([undoDeleteName(charles)]);
    await expect(undoDeletePerson(db, ada, NOW + 2000)).rejects.toMatchObject({ code: 'not-found' });
    await expect(undoDeletePerson(db, charles, NOW + 1000 + UNDO_DELETE_KEEP_MS + 1)).rejects.toMatchObject({ code: 'not-found' });
    expect(await db.get('snapshots', undoDeleteName(charles))).toBeUndefined(); // the refusal dropped it
  });

  test('the last deletion is known to a panel opened later: the newest delete, while it can be undone; none once undone', async () => {
    const { db, ada, charles } = await adaAndCharles();
    expect(await lastDeletion(db, NOW)).toBeNull();
    await deletePerson(db, ada, { neverRecord: true }, NOW);
    expect(await lastDeletion(db, NOW + 1000)).toEqual({ contactId: ada, displayName: 'Ada Lovelace', neverRecorded: true, deletedAt: NOW });
    await deletePerson(db, charles, { neverRecord: false }, NOW + 2000);
    expect(await lastDeletion(db, NOW + 3000)).toEqual({ contactId: charles, displayName: 'Charles Babbage', neverRecorded: false, deletedAt: NOW + 2000 });
    expect(await lastDeletion(db, NOW + 2000 + UNDO_DELETE_KEEP_MS + 1)).toBeNull();
    await undoDeletePerson(db, charles, NOW + 4000);
    expect(await lastDeletion(db, NOW + 5000)).toBeNull();
  });

  test('a worker start drops undo records older than the undo lasts, and keeps a recent one', async () => {
    const { db, ada } = await adaAndCharles();
    await deletePerson(db, ada, { neverRecord: false }, NOW);
    await dropExpiredUndoRecords(db, NOW + UNDO_DELETE_KEEP_MS);
    expect(await db.get('snapshots', undoDeleteName(ada))).toBeDefined();
    await dropExpiredUndoRecords(db, NOW + UNDO_DELETE_KEEP_MS + 1);
    expect(await db.get('snapshots', undoDeleteName(ada))).toBeUndefined();
  });

  test('an address someone else took since the delete stays with them; the rest comes back', async () => {
    const { db, ada } = await adaAndCharles();
    await deletePerson(db, ada, { neverRecord: false }, NOW);
    const newcomer = await createContact(db, { displayName: 'A. Lovelace', email: 'ada@analytical.example' }, NOW + 1000);
    const { contact, identitiesKept } = await undoDeletePerson(db, ada, NOW + 2000);
    expect(identitiesKept).toEqual(['ada@analytical.example']);
    expect(contact.identities.map((identity) => identity.value)).toEqual(['https://github.com/adalovelace']);
    expect((await db.get('identities', 'email:ada@analytical.example'))?.contactId).toBe(newcomer.id);
    expect((await db.get('identities', 'url:https://github.com/adalovelace'))?.contactId).toBe(ada);
  });

  test('a shared entry deleted since the delete stays deleted; the rest comes back', async () => {
    const { db, ada, shared, own } = await adaAndCharles();
    await deletePerson(db, ada, { neverRecord: false }, NOW);
    await db.delete('interactions', shared);
    await undoDeletePerson(db, ada, NOW + 1000);
    expect(await db.get('interactions', shared)).toBeUndefined();
    expect((await db.get('interactions', own))?.contactIds).toEqual([ada]);
    expect(await db.getAllFromIndex('identities', 'by-contact', ada)).toHaveLength(2);
  });
});

describe('deleting through the worker', () => {
  async function worker(db: Db) {
    const route = createRouter(createHandlers(Promise.resolve(db), Date.now), { extensionId: ID, extensionOrigin: ORIGIN });
    const broadcasts: unknown[] = [];
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => void broadcasts.push(message));
    const ask = async (message: object) => {
      const reply = await route(message, fromPanel);
      if (!reply.ok) throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
      return reply.data as never;
    };
    return { ask, broadcasts };
  }

  test('the request needs the confirmation; the tab lists lose the person and get them back on undo', async () => {
    const { db, ada, charles } = await adaAndCharles();
    const { ask, broadcasts } = await worker(db);
    const people = [
      { contactId: ada, displayName: 'Ada Lovelace', email: 'ada@analytical.example' },
      { contactId: charles, displayName: 'Charles Babbage', email: 'charles@engine.example' },
    ];
    await setTabPeople(7, { url: 'https://mail.google.com/mail/u/0/#inbox/t1', title: 'Bernoulli', people, truncated: false, mailboxes: [], seenAt: NOW });
    await expect(ask({ type: 'deletePerson', contactId: ada })).rejects.toMatchObject({ code: 'invalid' });
    expect(await db.get('contacts', ada)).toBeDefined();

    await ask({ type: 'deletePerson', contactId: ada, confirmed: true });
    expect((await getTabPeople(7))?.people).toEqual([people[1]]);
    expect(broadcasts).toContainEqual({ type: 'changed', tabId: 7 });
    expect(broadcasts).toContainEqual(expect.objectContaining({ type: 'changed', contactIds: expect.arrayContaining([ada, charles]) }));
    // A panel opened now offers the same undo.
    expect(await ask({ type: 'lastDeletedPerson' })).toMatchObject({ contactId: ada, displayName: 'Ada Lovelace', neverRecorded: false });

    await ask({ type: 'undoDeletePerson', contactId: ada });
    expect((await getTabPeople(7))?.people).toEqual(people);
    expect(await ask({ type: 'lastDeletedPerson' })).toBeNull();
  });

  test.each([
    ['deleting the person', (ada: string) => ({ type: 'deletePerson', contactId: ada, confirmed: true })],
    ['"Delete everything"', () => ({ type: 'deleteEverything', confirmed: true })],
  ])('%s takes away the reminder on screen for their follow-up, and its alarm', async (_, request) => {
    const { db, ada } = await adaAndCharles();
    const { ask } = await worker(db);
    const followUp = (await db.getAllFromIndex('followUps', 'by-contact', ada))[0]!;
    vi.setSystemTime(NOW + HOUR);
    const shown = await onFollowUpAlarm(Promise.resolve(db), { name: alarmName(followUp.id) });
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual([shown]);
    await ask(request(ada));
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
    expect((await fakeBrowser.alarms.getAll()).map((alarm) => alarm.name)).not.toContain(alarmName(followUp.id));
  });
});
