import { expect, test } from 'vitest';
import { addIdentity, removeIdentity, updateContact } from '../../utils/services/people/contact-edits';
import { deleteInteraction, editInteraction, logInteraction, restoreInteraction } from '../../utils/services/capture/log';
import { createContact, findPeople } from '../../utils/services/people/people';
import { recordSighting } from '../../utils/services/sightings/sightings';
import { dropSearchIndex, hasSearchIndex, lastLoad, saveSearchIndexNow } from '../../utils/search/live-index';
import { writeTx } from '../../utils/db/schema';
import { searchEverything } from '../../utils/search/search';
import { ADA, CHARLES, freshDb, rulesWith, threadSighting } from './helpers';

type Db = Awaited<ReturnType<typeof freshDb>>;
const LIMITS = { people: 8, notes: 20 };
const names = async (db: Db, query: string) => (await searchEverything(db, query, LIMITS)).people.map((hit) => hit.contact.displayName);
const notes = async (db: Db, query: string) => (await searchEverything(db, query, LIMITS)).notes.map((hit) => hit.excerpt.text);
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

test('any write through the commit path is seen by the next search, with no hook of its own', async () => {
  const { db } = await twoPeople();
  expect(await names(db, 'grace')).toEqual([]);
  // A raw transaction, as no service would write it: the commit path still reports it.
  const grace = { id: crypto.randomUUID(), displayName: 'Grace Hopper', identities: [], tags: [], createdAt: 5, updatedAt: 5 };
  let tx = writeTx(db, ['contacts']);
  await tx.objectStore('contacts').put(grace);
  await tx.done;
  expect(await names(db, 'grace')).toEqual(['Grace Hopper']);
  tx = writeTx(db, ['contacts']);
  await tx.objectStore('contacts').delete(grace.id);
  await tx.done;
  expect(await names(db, 'grace')).toEqual([]);
});

test('a restarted worker loads the saved index and replays only the changes logged since it was saved', async () => {
  const { db, ada } = await twoPeople();
  await logInteraction(db, note([ada], 'Poetical science'), 2_000);
  expect(await notes(db, 'poetical')).toHaveLength(1);
  await saveSearchIndexNow(db);
  dropSearchIndex(db);
  // Written while no index was held: only the change log knows.
  const engines = await logInteraction(db, note([ada], 'Poetical engines'), 3_000);
  await updateContact(db, ada, { displayName: 'Augusta Ada King' }, 4_000);
  expect(await notes(db, 'poetical')).toEqual(['Poetical engines', 'Poetical science']);
  expect(await names(db, 'augusta')).toEqual(['Augusta Ada King']);
  expect(await names(db, 'lovelace')).toEqual([]);
  // Loaded from the snapshot: the new entry, and Ada's two writes (her last interaction, her name).
  expect(lastLoad).toEqual({ from: 'snapshot', replayed: 3 });
  await deleteInteraction(db, engines.id, 5_000);
  dropSearchIndex(db);
  expect(await notes(db, 'poetical')).toEqual(['Poetical science']);
  expect(lastLoad.from).toBe('snapshot');
});

test('with no saved index, or one emptied by delete everything, the index is rebuilt from the stores', async () => {
  const { db, ada } = await twoPeople();
  await logInteraction(db, note([ada], 'Poetical science'), 2_000);
  dropSearchIndex(db);
  expect(await notes(db, 'poetical')).toHaveLength(1);
  expect(lastLoad.from).toBe('rebuild');
  await saveSearchIndexNow(db);
  const tx = writeTx(db, ['contacts', 'interactions', 'timeline']);
  await Promise.all([tx.objectStore('contacts').clear(), tx.objectStore('interactions').clear(), tx.objectStore('timeline').clear()]);
  await tx.done;
  // Heard live: the cleared stores make the index read them again.
  expect(await notes(db, 'poetical')).toEqual([]);
  expect(await names(db, 'ada')).toEqual([]);
  // After a restart the logged clear is seen too.
  await saveSearchIndexNow(db);
  dropSearchIndex(db);
  expect(await names(db, 'ada')).toEqual([]);
});

test('a record deleted behind the index is skipped in results, and the index forgets it', async () => {
  const { db, ada } = await twoPeople();
  const entry = await logInteraction(db, note([ada], 'Ephemeral thought'), 2_000);
  expect(await notes(db, 'ephemeral')).toHaveLength(1);
  // Removed behind the commit path's back (only a test can): the search still skips it.
  await db.delete('interactions', entry.id);
  const result = await searchEverything(db, 'ephemeral', LIMITS);
  expect(result.notes).toEqual([]);
  expect(result.notesTotal).toBe(0);
  expect((await searchEverything(db, 'ephemeral', LIMITS)).notesTotal).toBe(0);
});

test('an empty query answers nothing but leaves the index built (the view warms it on opening)', async () => {
  const { db } = await twoPeople();
  expect(await searchEverything(db, '  ', LIMITS)).toEqual({
    query: '  ',
    people: [],
    notes: [],
    peopleTotal: 0,
    notesTotal: 0,
    notesCapped: false,
    notesSearched: false,
  });
  expect(hasSearchIndex(db)).toBe(true);
});

test('an index saved by an older Tend (format 2: ids joined in a string, postings unpacked) is rebuilt from the stores, then saved anew', async () => {
  const { db, ada } = await twoPeople();
  await logInteraction(db, note([ada], 'Poetical science'), 2_000);
  await saveSearchIndexNow(db);
  const saved = (await db.get('snapshots', 'search'))!;
  const formatTwo = {
    format: 2,
    docKind: Uint8Array.of(),
    docAlive: Uint8Array.of(),
    docRecency: Float64Array.of(),
    docIds: '',
    terms: '',
    offsets: Int32Array.of(0),
    postings: Int32Array.of(),
    sortedIds: Int32Array.of(),
  };
  await db.put('snapshots', { ...saved, data: formatTwo });
  dropSearchIndex(db);
  expect(await notes(db, 'poetical')).toEqual(['Poetical science']);
  expect(await names(db, 'ada')).toHaveLength(1);
  expect(lastLoad.from).toBe('rebuild');
  await saveSearchIndexNow(db);
  dropSearchIndex(db);
  expect(await notes(db, 'poetical')).toEqual(['Poetical science']);
  expect(lastLoad.from).toBe('snapshot');
});
