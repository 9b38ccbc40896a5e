import { expect, test } from 'vitest';
import { addIdentity, removeIdentity, updateContact } from '../../utils/services/people/contact-edits';
import { deleteInteraction, editInteraction, logInteraction, restoreInteraction } from '../../utils/services/capture/log';
import { createContact, findPeople } from '../../utils/services/people/people';
import { recordSighting } from '../../utils/services/sightings/sightings';
import { dropSearchIndex, FRESHNESS_CHECK_MS, hasSearchIndex } from '../../utils/search/live-index';
import { searchEverything } from '../../utils/search/search';
import { ADA, CHARLES, freshDb, rulesWith, threadSighting } from './helpers';

type Db = Awaited<ReturnType<typeof freshDb>>;
const LIMITS = { people: 8, notes: 20 };
const names = async (db: Db, query: string, now?: number) => (await searchEverything(db, query, LIMITS, now)).people.map((hit) => hit.contact.displayName);
const notes = async (db: Db, query: string, now?: number) => (await searchEverything(db, query, LIMITS, now)).notes.map((hit) => hit.excerpt.text);
const note = (contactIds: string[], text: string) => ({ contactIds, kind: 'note' as const, text, requestId: crypto.randomUUID() });

async function twoPeople() {
  const db = await freshDb();
  const { people } = await recordSighting(db, threadSighting('t1', 'Launch window', [ADA, CHARLES]), rulesWith(), 1_000);
  return { db, ada: people[0]!.contactId!, charles: people[1]!.contactId! };
}

test('people by name, address, organisation and tag; notes by words of their text; thread subjects too', async () => {
  const { db, ada } = await twoPeople();
  await updateContact(db, ada, { org: 'Analytical Society', tags: ['mathematics'] }, 2_000);
  await logInteraction(db, note([ada], 'Promised to send the Bernoulli numbers'), 3_000);
  expect(await names(db, 'ada')).toEqual(['Ada Lovelace']);
  expect(await names(db, 'engine.exa')).toEqual(['Charles Babbage']);
  expect(await names(db, 'analytical soc')).toEqual(['Ada Lovelace']);
  expect(await names(db, 'mathem')).toEqual(['Ada Lovelace']);
  expect(await notes(db, 'bernoulli')).toEqual(['Promised to send the Bernoulli numbers']);
  expect(await notes(db, 'launch')).toEqual(['Launch window', 'Launch window']);
  const [hit] = (await searchEverything(db, 'bern', LIMITS)).notes;
  expect(hit).toMatchObject({ kind: 'note', people: [{ id: ada, displayName: 'Ada Lovelace' }], excerpt: { ranges: [[21, 25]] } });
});

test('an organisation match is shown highlighted beside the name', async () => {
  const { db, ada } = await twoPeople();
  await updateContact(db, ada, { org: 'Analytical Society' }, 2_000);
  const [hit] = (await searchEverything(db, 'society', LIMITS)).people;
  expect(hit!.name).toEqual({ text: 'Ada Lovelace', ranges: [] });
  expect(hit!.matched).toEqual([{ field: 'organisation', value: { text: 'Analytical Society', ranges: [[11, 18]] } }]);
});

test('the index follows every write of the services: create, edit, identities, log, edit, delete, restore', async () => {
  const { db, ada } = await twoPeople();
  expect(await names(db, 'mary')).toEqual([]); // the index exists from here on
  expect(hasSearchIndex(db)).toBe(true);

  const mary = await createContact(db, { displayName: 'Mary Jackson' }, 2_000);
  expect(await names(db, 'mary')).toEqual(['Mary Jackson']);
  await updateContact(db, mary.id, { displayName: 'Mary Winston Jackson', org: 'NACA' }, 3_000);
  expect(await names(db, 'winston naca')).toEqual(['Mary Winston Jackson']);
  await addIdentity(db, mary.id, 'mwj@langley.example', 4_000);
  expect(await names(db, 'langley')).toEqual(['Mary Winston Jackson']);
  await removeIdentity(db, mary.id, { kind: 'email', value: 'mwj@langley.example' }, 5_000);
  expect(await names(db, 'langley')).toEqual([]);

  const entry = await logInteraction(db, note([ada, mary.id], 'Wind tunnel results'), 6_000);
  expect(await notes(db, 'tunnel')).toEqual(['Wind tunnel results']);
  await editInteraction(db, entry.id, { text: 'Supersonic pressure results' }, 7_000);
  expect(await notes(db, 'tunnel')).toEqual([]);
  expect(await notes(db, 'supersonic')).toEqual(['Supersonic pressure results']);
  const removed = await deleteInteraction(db, entry.id, 8_000);
  expect(await notes(db, 'supersonic')).toEqual([]);
  await restoreInteraction(db, removed!);
  expect(await notes(db, 'supersonic')).toEqual(['Supersonic pressure results']);

  // A new thread seen later: its subject is found without any rebuild.
  await recordSighting(db, threadSighting('t2', 'Trajectory tables', [ADA]), rulesWith(), 9_000);
  expect(await notes(db, 'trajectory')).toEqual(['Trajectory tables']);
  // Stage changes are Tend's bookkeeping, not searchable text.
  await updateContact(db, ada, { stage: 'active' }, 10_000);
  expect(await notes(db, 'stage')).toEqual([]);
});

test('the people picker (findPeople) answers from the index and follows edits', async () => {
  const { db, ada } = await twoPeople();
  expect((await findPeople(db, 'lov', 5)).map((c) => c.id)).toEqual([ada]);
  await updateContact(db, ada, { displayName: 'Augusta Ada King' }, 2_000);
  expect(await findPeople(db, 'lov', 5)).toEqual([]);
  expect((await findPeople(db, 'augusta', 5)).map((c) => c.displayName)).toEqual(['Augusta Ada King']);
});

test('a missing index (a restarted worker) is rebuilt from IndexedDB on the next search', async () => {
  const { db, ada } = await twoPeople();
  await logInteraction(db, note([ada], 'Poetical science'), 2_000);
  expect(await notes(db, 'poetical')).toHaveLength(1);
  dropSearchIndex(db);
  expect(hasSearchIndex(db)).toBe(false);
  // Written while no index existed: nothing to tell, the rebuild reads it.
  await logInteraction(db, note([ada], 'Poetical engines'), 3_000);
  expect(await notes(db, 'poetical')).toEqual(['Poetical engines', 'Poetical science']);
  expect(hasSearchIndex(db)).toBe(true);
});

test('writes outside the services (another page) are caught at the start of the next burst of searches', async () => {
  const { db } = await twoPeople();
  const t0 = 1_000_000;
  expect(await names(db, 'grace', t0)).toEqual([]);
  // As the options page's import writes: straight into the stores, no hook.
  const grace = { id: crypto.randomUUID(), displayName: 'Grace Hopper', identities: [], tags: [], createdAt: 5, updatedAt: 5 };
  await db.put('contacts', grace);
  // Within a burst of typing the index is not checked again...
  expect(await names(db, 'grace', t0 + 10)).toEqual([]);
  // ...the next burst checks counts and the newest edit, and rebuilds.
  expect(await names(db, 'grace', t0 + 10 + FRESHNESS_CHECK_MS)).toEqual(['Grace Hopper']);
  await db.delete('contacts', grace.id);
  expect(await names(db, 'grace', t0 + 20 + 2 * FRESHNESS_CHECK_MS)).toEqual([]);
});

test('a record deleted behind the index is skipped in results, and the index forgets it', async () => {
  const { db, ada } = await twoPeople();
  const entry = await logInteraction(db, note([ada], 'Ephemeral thought'), 2_000);
  const t0 = 5_000_000;
  expect(await notes(db, 'ephemeral', t0)).toHaveLength(1);
  // Removed directly (no hook); within the same burst, so no freshness check helps.
  await db.delete('interactions', entry.id);
  const result = await searchEverything(db, 'ephemeral', LIMITS, t0 + 1);
  expect(result.notes).toEqual([]);
  expect(result.notesTotal).toBe(0);
  expect((await searchEverything(db, 'ephemeral', LIMITS, t0 + 2)).notesTotal).toBe(0);
});

test('an empty query answers nothing but leaves the index built (the view warms it on opening)', async () => {
  const { db } = await twoPeople();
  expect(await searchEverything(db, '  ', LIMITS)).toEqual({ query: '  ', people: [], notes: [], peopleTotal: 0, notesTotal: 0 });
  expect(hasSearchIndex(db)).toBe(true);
});
