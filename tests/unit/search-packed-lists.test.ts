/**
 * Issue 17's index memory: posting lists packed as gaps in a byte code, read forward (every
 * query) and backward from the newest (one word's notes), must give back exactly what was packed,
 * whatever the gaps (one byte to five), the field bits, and empty lists; the per-query scratch
 * shared by every index must not carry one query's docs into another's.
 */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { InvertedIndex, type IndexDoc } from '../../utils/search/inverted-index';
import { FIELD_BITS, PackedListsBuilder, PackedLists, TEXT_ONLY } from '../../utils/search/packed-lists';
import { grown, recordSpare } from '../../utils/search/top-hits';

const MAX_DOC = 2 ** 26 - 1;
// Gaps of every byte length: 0 (the first doc), 1, around each 7-bit boundary, and up to the largest doc.
const gap = fc.oneof(fc.integer({ min: 1, max: 3 }), fc.constantFrom(127, 128, 16_383, 16_384, 2_097_151, 2_097_152), fc.integer({ min: 1, max: 2 ** 22 }));
const list = fc.array(fc.tuple(gap, fc.integer({ min: 1, max: 31 })), { maxLength: 40 }).map((steps) => {
  const postings: number[] = [];
  let doc = -1;
  for (const [step, mask] of steps) {
    if (doc + step > MAX_DOC) break;
    doc += step;
    postings.push((doc << FIELD_BITS) | mask);
  }
  return postings;
});

/** What a list reads back as: notes' lists (odd) stored without field bits read as text. */
const expected = (postings: number[], list: number, noteMasks: boolean) =>
  list % 2 === 1 && !noteMasks ? postings.map((posting) => ((posting >>> FIELD_BITS) << FIELD_BITS) | TEXT_ONLY) : postings;

test('packed lists read back forward and from their end exactly as packed: any gap, field bits or none, empty lists', () => {
  fc.assert(
    fc.property(fc.array(list, { maxLength: 12 }), fc.boolean(), (lists, noteMasks) => {
      const builder = new PackedListsBuilder(noteMasks);
      for (const postings of lists) builder.add(Int32Array.from(postings), postings.length);
      // Saved and loaded as the index's snapshot carries them.
      const packed = PackedLists.fromData(structuredClone(builder.finish().toData()))!;
      expect(packed.lists).toBe(lists.length);
      lists.forEach((postings, i) => {
        const want = expected(postings, i, noteMasks);
        expect(packed.count(i)).toBe(postings.length);
        // Decoded after what is already in the buffer, into a buffer too small to hold them.
        const { into, end } = packed.decodeInto(i, Int32Array.of(-7), 1);
        expect([...into.subarray(0, end)]).toEqual([-7, ...want]);
        const walk = packed.newestFirst(i);
        const back: number[] = [];
        for (; walk.posting >= 0; walk.next()) back.push(walk.posting);
        expect(back).toEqual([...want].reverse());
      });
      // A list made after packing (a new word) is empty.
      expect([packed.count(lists.length), packed.newestFirst(lists.length).posting]).toEqual([0, -1]);
    }),
    { numRuns: 300 },
  );
});

test('saved lists that do not hold together are refused (the index is then rebuilt)', () => {
  const builder = new PackedListsBuilder(false);
  builder.add(Int32Array.of(1 << FIELD_BITS), 1);
  const data = builder.finish().toData();
  expect(PackedLists.fromData({ ...data, offsets: Int32Array.of(0) })).toBeUndefined();
  expect(PackedLists.fromData({ ...data, bytes: new Uint8Array(0) })).toBeUndefined();
  expect(PackedLists.fromData({ ...data, noteMasks: undefined })).toBeUndefined();
  expect(PackedLists.fromData(data)).toBeDefined();
});

const note = (id: string, text: string, recency: number): IndexDoc => ({ kind: 'note', id, recency, fields: [['text', text]] });

test('two indexes of different sizes searched in turn answer each from its own records (the scratch is shared)', () => {
  const big = new InvertedIndex();
  for (let i = 0; i < 3_000; i++) big.add(note(`b${i}`, i % 2 ? 'budget review' : 'budget', i));
  big.trim();
  const small = new InvertedIndex();
  small.add(note('s0', 'budget review', 1));
  small.add(note('s1', 'budgets', 2));
  for (let round = 0; round < 3; round++) {
    expect(big.search(['budget', 'rev'], { people: 0, notes: 2 })).toMatchObject({
      notes: [{ id: 'b2999' }, { id: 'b2997' }],
      notesTotal: 1_000,
      notesCapped: true,
    });
    expect(small.search(['budget', 'rev'], { people: 0, notes: 5 })).toMatchObject({ notes: [{ id: 's0' }], notesTotal: 1 });
    expect(small.search(['budget'], { people: 0, notes: 5 }).notes.map((hit) => hit.id)).toEqual(['s0', 's1']);
    expect(big.search(['budget'], { people: 0, notes: 1 })).toMatchObject({ notes: [{ id: 'b2999' }], notesTotal: 1_000 });
  }
});

test('an index saved in the previous format (2) is not read: the caller rebuilds', () => {
  const index = new InvertedIndex();
  index.add(note('n0', 'budget', 1));
  const current = structuredClone(index.toSnapshot());
  expect(InvertedIndex.fromSnapshot(current)?.search(['bud'], { people: 0, notes: 5 }).notes).toEqual([{ id: 'n0', score: expect.any(Number) }]);
  const formatTwo = {
    format: 2,
    docKind: Uint8Array.of(1),
    docAlive: Uint8Array.of(1),
    docRecency: Float64Array.of(1),
    docIds: 'n0',
    terms: 'budget',
    offsets: Int32Array.of(0, 0, 1),
    postings: Int32Array.of(16),
    sortedIds: Int32Array.of(0),
  };
  expect(InvertedIndex.fromSnapshot(formatTwo)).toBeUndefined();
  // The current format with a part missing or of the wrong shape is refused too, not read half;
  // so is format 4 (a tombstone array of its own beside the kinds).
  expect(InvertedIndex.fromSnapshot({ ...current, format: 4, docAlive: Uint8Array.of(1) })).toBeUndefined();
  expect(InvertedIndex.fromSnapshot({ ...current, docKind: Uint8Array.of(4) })).toBeUndefined();
  expect(InvertedIndex.fromSnapshot({ ...current, lists: undefined })).toBeUndefined();
  expect(InvertedIndex.fromSnapshot({ ...current, terms: ['budget', 'extra'] })).toBeUndefined();
  expect(InvertedIndex.fromSnapshot({ ...current, format: 3 })).toBeUndefined();
  expect(InvertedIndex.fromSnapshot({ ...current, notesTextOnly: undefined })).toBeUndefined();
  // Tails that do not fit the words: a list for each of two postings where there is one, a list of no word.
  const { tails } = current;
  expect(tails.postings.length).toBe(1);
  expect(InvertedIndex.fromSnapshot({ ...current, tails: { ...tails, lists: Int32Array.of(1, 1) } })).toBeUndefined();
  expect(InvertedIndex.fromSnapshot({ ...current, tails: { ...tails, lists: Int32Array.of(2) } })).toBeUndefined();
  expect(InvertedIndex.fromSnapshot({ ...current, tails: undefined })).toBeUndefined();
});

test('the index packs again only once its tails pass an eighth of the packed postings, and answers the same after', () => {
  const index = new InvertedIndex();
  for (let i = 0; i < 4_000; i++) index.add(note(`n${i}`, `budget review item${i % 50}`, i));
  index.trim();
  expect(index.unpackedPostings).toBe(0);
  // 12,000 packed postings: the tails may reach 1,500 postings (and at least 4,096) before a packing.
  const query = () => index.search(['item7'], { people: 0, notes: 5 });
  for (let i = 0; i < 1_300; i++) index.add(note(`m${i}`, `budget review item${i % 50}`, 10_000 + i));
  const before = query();
  expect(index.unpackedPostings).toBe(3_900);
  expect(index.compactIfDue()).toBe(false);
  expect(index.unpackedPostings).toBe(3_900);
  for (let i = 1_300; i < 1_400; i++) index.add(note(`m${i}`, `budget review item${i % 50}`, 10_000 + i));
  const grown = query();
  expect(grown.notes.map((hit) => hit.id)).toEqual(['m1357', 'm1307', 'm1257', 'm1207', 'm1157']);
  expect(index.compactIfDue()).toBe(true);
  expect(index.unpackedPostings).toBe(0);
  expect(query()).toEqual(grown);
  expect(before.notes.map((hit) => hit.id)).toEqual(['m1257', 'm1207', 'm1157', 'm1107', 'm1057']);
});

test('per-record arrays grow by a thirty-second (at least 1,024), other arrays double', () => {
  expect(grown(new Uint8Array(64_000), 64_001, recordSpare(64_000)).length).toBe(66_000);
  expect(grown(new Uint8Array(16_000), 16_001, recordSpare(16_000)).length).toBe(17_024);
  expect(grown(new Float64Array(100), 101, recordSpare(100)).length).toBe(1_124);
  expect(grown(Int32Array.of(1, 2, 3), 4)).toEqual(Int32Array.of(1, 2, 3, ...new Array<number>(13).fill(0)));
  expect(grown(new Int32Array(100), 101).length).toBe(200);
});
