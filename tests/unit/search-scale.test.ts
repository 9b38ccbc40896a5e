/**
 * Issue 17's search at a heavy user's scale: the best hits kept by a heap, the index trimmed
 * after a build, one map per kind of record, and a keystroke after a pause that reads nothing but
 * the records it shows. (How fast and how small is the bench's to measure: `--only search`.)
 */
import fc from 'fast-check';
import { afterEach, expect, test, vi } from 'vitest';
import { InvertedIndex, type IndexDoc } from '../../utils/search/inverted-index';
import { dropSearchIndex } from '../../utils/search/live-index';
import { searchEverything } from '../../utils/search/search';
import { TopHits } from '../../utils/search/top-hits';
import { queryTerms } from '../../utils/search/tokens';
import { logInteraction } from '../../utils/services/capture/log';
import { recordSighting } from '../../utils/services/sightings/sightings';
import { ADA, CHARLES, freshDb, rulesWith, threadSighting } from './helpers';

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

const note = (id: string, text: string, recency: number): IndexDoc => ({ kind: 'note', id, recency, fields: [['text', text]] });
const LIMITS = { people: 8, notes: 20 };

test('the best hits are the highest scores, the most recent first among equals, whatever the order offered', () => {
  const hit = fc.record({ score: fc.integer({ min: 0, max: 4 }), recency: fc.integer({ min: 0, max: 50 }) });
  fc.assert(
    fc.property(fc.array(hit, { maxLength: 300 }), fc.integer({ min: 0, max: 25 }), (hits, limit) => {
      const top = new TopHits(limit);
      hits.forEach(({ score, recency }, doc) => top.offer(doc, score, recency));
      const expected = hits
        .map((h, doc) => ({ ...h, doc }))
        .sort((a, b) => b.score - a.score || b.recency - a.recency)
        .slice(0, limit);
      const { docs, scores } = top.ranked();
      // Ties of score and recency may keep either doc: compare what ranks them.
      expect(docs.map((doc) => [hits[doc]!.score, hits[doc]!.recency])).toEqual(expected.map((h) => [h.score, h.recency]));
      expect(scores).toEqual(expected.map((h) => h.score));
    }),
  );
});

test('a two-letter query over 20,000 notes offered oldest first keeps the 20 newest, counted up to the cap', () => {
  const index = new InvertedIndex();
  for (let n = 0; n < 20_000; n++) index.add(note(`n${n}`, n % 2 ? 'thursday meeting' : 'thursday call', n));
  const found = index.search(['th'], LIMITS);
  expect(found).toMatchObject({ notesTotal: 1_000, notesCapped: true, notesSearched: true });
  expect(found.notes.map((hit) => hit.id)).toEqual(Array.from({ length: 20 }, (_, i) => `n${19_999 - i}`));
});

test('a trimmed index answers as before, and takes new, changed and removed records after', () => {
  const build = () => {
    const index = new InvertedIndex();
    for (let n = 0; n < 3_000; n++) index.add(note(`n${n}`, `budget ${n % 7 ? 'review' : 'renewal'} week${n % 13}`, n));
    return index;
  };
  const trimmed = build();
  trimmed.trim();
  const grown = build();
  for (const query of ['b', 'budget re', 'renewal', 'week1', 'w'])
    expect(trimmed.search(queryTerms(query), LIMITS)).toEqual(grown.search(queryTerms(query), LIMITS));
  for (const index of [trimmed, grown]) {
    index.add(note('n5', 'budget renewal week99', 5)); // a word of its own, and a changed record
    index.add(note('late', 'budget renewal week99', 9_999));
    index.remove('note', 'n7');
  }
  for (const query of ['week99', 'renewal', 'budget']) expect(trimmed.search(queryTerms(query), LIMITS)).toEqual(grown.search(queryTerms(query), LIMITS));
  expect(trimmed.search(['week99'], LIMITS).notes.map((hit) => hit.id)).toEqual(['late', 'n5']);
});

test('a person and a note may share an id: each kind is found, replaced and removed on its own', () => {
  const index = new InvertedIndex();
  index.add({ kind: 'person', id: 'same', recency: 0, fields: [['name', 'Ada Lovelace']] });
  index.add(note('same', 'lunch with ada', 1));
  expect(index.has('person', 'same') && index.has('note', 'same')).toBe(true);
  index.remove('note', 'same');
  expect(index.has('person', 'same')).toBe(true);
  expect(index.has('note', 'same')).toBe(false);
  expect(index.search(['ada'], LIMITS)).toMatchObject({ peopleTotal: 1, notesTotal: 0 });
});

test('a keystroke after a pause reads only the records it shows: no count, no scan of a store', async () => {
  const db = await freshDb();
  const { people } = await recordSighting(db, threadSighting('t1', 'Launch window', [ADA, CHARLES]), rulesWith(), 1_000);
  await logInteraction(db, { contactIds: [people[0]!.contactId!], kind: 'note', text: 'launch budget', requestId: crypto.randomUUID() }, 2_000);
  dropSearchIndex(db);
  await searchEverything(db, 'launch', LIMITS); // builds the index
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.advanceTimersByTime(2_500); // the pause (and the index's first save, scheduled 2 s after its build)
  vi.useRealTimers();
  const scans = ['count', 'getAll', 'getAllKeys', 'openCursor', 'openKeyCursor'].map((method) => vi.spyOn(IDBObjectStore.prototype, method as 'count'));
  const indexScans = ['count', 'getAll', 'getAllKeys', 'openCursor', 'openKeyCursor'].map((method) => vi.spyOn(IDBIndex.prototype, method as 'count'));
  const found = await searchEverything(db, 'launch bu', LIMITS);
  expect(found.notes).toHaveLength(1);
  for (const spy of [...scans, ...indexScans]) expect(spy).not.toHaveBeenCalled();
});
