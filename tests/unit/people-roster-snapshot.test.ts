import { afterEach, expect, test, vi } from 'vitest';
import { latestChangeSeq } from '../../utils/db/changes-repo';
import { writeTx } from '../../utils/db/schema';
import { loadSnapshot, saveSnapshot } from '../../utils/db/snapshots-repo';
import type { PeopleList } from '../../utils/messaging/features/people';
import { updateContact } from '../../utils/services/people/contact-edits';
import { deletePerson } from '../../utils/services/people/delete';
import { createContact } from '../../utils/services/people/people';
import { createPeopleListHandlers } from '../../utils/services/people-list/handlers';
import { dropRoster, lastRosterLoad, rosterRow, saveRosterNow } from '../../utils/services/people-list/roster';
import { ROSTER_SNAPSHOT, rosterFromSnapshot, rosterSnapshot } from '../../utils/services/people-list/roster-snapshot';
import { freshDb } from './helpers';

const names = (list: PeopleList) => list.rows.names;

async function setUp() {
  const db = await freshDb();
  const handlers = createPeopleListHandlers(Promise.resolve(db), Date.now);
  const ask = () => handlers.listPeople({ sort: 'name', filters: {} });
  const ada = await createContact(db, { displayName: 'Ada Lovelace', email: 'ada@analytical.example' }, Date.now());
  const grace = await createContact(db, { displayName: 'Grace Hopper', email: 'grace@navy.example' }, Date.now());
  expect(names(await ask())).toEqual(['Ada Lovelace', 'Grace Hopper']);
  return { db, ask, ada, grace };
}

afterEach(() => vi.useRealTimers());

test('after a worker restart the rows come from the saved roster, not from reading every person', async () => {
  const { db, ask, ada } = await setUp();
  await saveRosterNow(db);
  // Written around the commit path (only a test can): the log does not know, so only a full read would see it.
  await db.put('contacts', { ...ada, displayName: 'Augusta Ada King' });
  dropRoster(db);
  const answer = await ask();
  expect(lastRosterLoad).toEqual({ from: 'snapshot', replayed: 0 });
  expect(names(answer)).toEqual(['Ada Lovelace', 'Grace Hopper']);
  expect([answer.total, answer.duplicates]).toEqual([2, 0]);
});

test('never stale after a write: people changed after the snapshot, while the worker ran or was stopped, are read again', async () => {
  const { db, ask, ada, grace } = await setUp();
  await saveRosterNow(db);
  // One write while the worker's roster is held (heard, not yet saved), the others while it is gone.
  await updateContact(db, ada.id, { displayName: 'Zelda Fitzgerald', tags: ['Writers'] }, Date.now());
  dropRoster(db);
  await deletePerson(db, grace.id, { neverRecord: false }, Date.now());
  await createContact(db, { displayName: 'Zelda Fitzgerald', email: 'zelda@jazz.example' }, Date.now());
  const answer = await ask();
  expect(lastRosterLoad).toEqual({ from: 'snapshot', replayed: 3 });
  expect(names(answer)).toEqual(['Zelda Fitzgerald', 'Zelda Fitzgerald']);
  expect(answer.facets.tags.values).toEqual([{ value: 'writers', label: 'Writers', count: 1 }]);
  // The saved duplicate count (0) is not trusted once people changed: two Zeldas may be one.
  expect(answer.duplicates).toBe(1);
  // A change heard while the roster is held, then saved: the snapshot includes it, the next start replays nothing.
  await updateContact(db, ada.id, { displayName: 'Zelda Sayre' }, Date.now());
  await saveRosterNow(db);
  dropRoster(db);
  expect(names(await ask())).toEqual(['Zelda Fitzgerald', 'Zelda Sayre']);
  expect(lastRosterLoad).toEqual({ from: 'snapshot', replayed: 0 });
});

test('read again from the store when the snapshot cannot be trusted: people cleared since, a log that lost its changes, another format', async () => {
  const { db, ask } = await setUp();
  await saveRosterNow(db);
  const tx = writeTx(db, ['contacts']);
  await tx.objectStore('contacts').clear();
  await tx.done;
  await createContact(db, { displayName: 'Nadia New' }, Date.now());
  dropRoster(db);
  expect(names(await ask())).toEqual(['Nadia New']);
  expect(lastRosterLoad.from).toBe('rebuild');

  await saveRosterNow(db);
  const saved = (await loadSnapshot(db, ROSTER_SNAPSHOT))!;
  for (const broken of [
    { ...saved, seq: (await latestChangeSeq(db)) + 1 },
    { ...saved, data: { ...(saved.data as object), format: 0 } },
    { ...saved, data: { ...(saved.data as object), rows: '[{"id":' } },
  ]) {
    await saveSnapshot(db, broken);
    await db.put('contacts', { ...(await db.getAll('contacts'))[0]!, displayName: 'Nadia Behind' });
    dropRoster(db);
    expect(names(await ask())).toEqual(['Nadia Behind']);
    expect(lastRosterLoad.from).toBe('rebuild');
    await db.put('contacts', { ...(await db.getAll('contacts'))[0]!, displayName: 'Nadia New' });
  }
});

test('the worker saves the roster by itself a little after reading it, with the last change it includes', async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  const { db } = await setUp();
  expect(await loadSnapshot(db, ROSTER_SNAPSHOT)).toBeUndefined();
  await vi.advanceTimersByTimeAsync(2_000);
  await vi.waitFor(async () => expect((await loadSnapshot(db, ROSTER_SNAPSHOT))?.seq).toBe(await latestChangeSeq(db)));
  dropRoster(db);
});

test('a snapshot keeps the name order it was saved in, unless the names were sorted in another locale', () => {
  const rows = new Map(
    [
      { id: 'b', displayName: 'Bea', identities: [], tags: [], createdAt: 1, updatedAt: 1 },
      { id: 'a', displayName: 'Zoe', identities: [], tags: [], createdAt: 1, updatedAt: 1 },
    ].map((contact) => [contact.id, rosterRow(contact)]),
  );
  const saved = rosterSnapshot(
    rows,
    new Map([
      ['b', 0],
      ['a', 1],
    ]),
    0,
  );
  const kept = rosterFromSnapshot(saved)!;
  expect([...kept.rows.keys()]).toEqual(['b', 'a']);
  expect(kept.places).toEqual(
    new Map([
      ['b', 0],
      ['a', 1],
    ]),
  );
  expect(rosterFromSnapshot({ ...saved, locale: 'xx-unknown' })!.places).toBeUndefined();
  expect(rosterFromSnapshot(undefined)).toBeUndefined();
  expect(rosterFromSnapshot({ ...saved, rows: '[1]' })).toBeUndefined();
});
