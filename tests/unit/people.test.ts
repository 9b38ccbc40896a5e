import { expect, test } from 'vitest';
import { logInteraction } from '../../utils/services/capture/log';
import { createContact, findPeople, recentEntries } from '../../utils/services/people/people';
import { recordSighting } from '../../utils/services/sightings/sightings';
import { ADA, CHARLES, freshDb, rulesWith, threadSighting } from './helpers';

test('findPeople matches names, addresses and organisations; names that start with the query first', async () => {
  const db = await freshDb();
  await recordSighting(db, threadSighting('t1', 'Plan', [ADA, CHARLES, { email: 'lovelace.fan@club.example', name: 'Zed Fan' }]), rulesWith(), 1);
  expect((await findPeople(db, 'ada', 8)).map((c) => c.displayName)).toEqual(['Ada Lovelace']);
  expect((await findPeople(db, 'LOVELACE', 8)).map((c) => c.displayName)).toEqual(['Ada Lovelace', 'Zed Fan']);
  expect((await findPeople(db, 'engine.example', 8)).map((c) => c.displayName)).toEqual(['Charles Babbage']);
  expect(await findPeople(db, '   ', 8)).toEqual([]);
});

test('createContact: by name, by address; an address someone has returns them; bad input is refused', async () => {
  const db = await freshDb();
  const byName = await createContact(db, { displayName: '  Mary   Jackson ' }, 1);
  expect(byName).toMatchObject({ displayName: 'Mary Jackson', identities: [] });
  const byAddress = await createContact(db, { email: 'Dorothy@Vaughan.example' }, 2);
  expect(byAddress).toMatchObject({ displayName: 'dorothy@vaughan.example', identities: [{ kind: 'email', value: 'dorothy@vaughan.example' }] });
  expect((await createContact(db, { displayName: 'Dot', email: 'dorothy@vaughan.example' }, 3)).id).toBe(byAddress.id);
  await expect(createContact(db, { email: 'not an address' }, 4)).rejects.toMatchObject({ code: 'invalid' });
  await expect(createContact(db, {}, 5)).rejects.toMatchObject({ code: 'invalid' });
  expect(await db.count('contacts')).toBe(2);
});

test('recentEntries: notes of several people, newest first, without sightings or duplicates', async () => {
  const db = await freshDb();
  const { people } = await recordSighting(db, threadSighting('t1', 'Plan', [ADA, CHARLES]), rulesWith(), 1);
  const [ada, charles] = people.map((p) => p.contactId!);
  await logInteraction(db, { contactIds: [ada!], kind: 'call', text: 'Called Ada', requestId: crypto.randomUUID() }, 10);
  await logInteraction(db, { contactIds: [ada!, charles!], kind: 'meeting', text: 'Met both', requestId: crypto.randomUUID() }, 20);
  const recent = await recentEntries(db, [ada!, charles!], 5);
  expect(recent.map((r) => r.summary)).toEqual(['Met both', 'Called Ada']);
});
