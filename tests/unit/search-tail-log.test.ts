/**
 * Issue 17's index memory: the postings appended since the last packing live in one log for every
 * list. Read forward, backward, reordered and saved, each list must give what an array per list
 * would; and the log must not cost an object per list (what the arrays per list did).
 */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { TailLog } from '../../utils/search/tail-log';

const appends = fc.array(fc.tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 2 ** 30 })), { maxLength: 300 });

/** The postings of every list as arrays, in append order. */
function arraysOf(ops: [number, number][]): Map<number, number[]> {
  const lists = new Map<number, number[]>();
  for (const [list, posting] of ops) lists.set(list, [...(lists.get(list) ?? []), posting]);
  return lists;
}

function backward(log: TailLog, list: number): number[] {
  const seen: number[] = [];
  for (const walk = log.newestFirst(list); walk.posting >= 0; walk.next()) seen.push(walk.posting);
  return seen;
}

test('each list reads back as an array per list would: forward, newest first, its length and last, saved and loaded', () => {
  fc.assert(
    fc.property(appends, (ops) => {
      const log = new TailLog();
      for (const [list, posting] of ops) log.append(list, posting);
      const expected = arraysOf(ops);
      const loaded = TailLog.fromData(log.toData(), 13)!;
      for (const current of [log, loaded]) {
        expect(current.size).toBe(ops.length);
        expect([...current.lists()].sort()).toEqual([...expected.keys()].sort());
        for (let list = 0; list <= 12; list++) {
          const postings = expected.get(list) ?? [];
          // Read after two postings already in the array: the list goes after them.
          const { into, end } = current.readInto(list, Int32Array.of(-7, -8), 2);
          expect([...into.subarray(0, end)]).toEqual([-7, -8, ...postings]);
          expect(backward(current, list)).toEqual([...postings].reverse());
          expect([current.length(list), current.last(list)]).toEqual([postings.length, postings.at(-1) ?? -1]);
        }
      }
    }),
  );
});

test('a list reordered in place keeps the others as they were, and appends after it follow the new order', () => {
  fc.assert(
    fc.property(appends, fc.integer({ min: 0, max: 12 }), (ops, sorted) => {
      const log = new TailLog();
      for (const [list, posting] of ops) log.append(list, posting);
      log.reorder(sorted, (postings, length) => postings.subarray(0, length).sort());
      log.append(sorted, 2 ** 31 - 1);
      const expected = arraysOf(ops);
      expected.set(sorted, [...(expected.get(sorted) ?? [])].sort((a, b) => a - b).concat(2 ** 31 - 1));
      for (const [list, postings] of expected) expect(backward(log, list)).toEqual([...postings].reverse());
    }),
  );
});

test('saved tails that do not hold together, or name a list past the words, are refused', () => {
  const log = new TailLog();
  log.append(3, 10);
  log.append(5, 11);
  log.append(3, 12);
  const data = log.toData();
  expect(TailLog.fromData(data, 6)).toBeDefined();
  expect(TailLog.fromData(data, 5)).toBeUndefined();
  expect(TailLog.fromData({ ...data, lists: Int32Array.of(3, 5) }, 6)).toBeUndefined();
  expect(TailLog.fromData({ ...data, lists: Int32Array.of(-1, 5, 3) }, 6)).toBeUndefined();
  expect(TailLog.fromData({ ...data, version: undefined as never }, 6)).toBeUndefined();
});

test('saved in the order appended, each posting with its list: the saved log only grows at its end until a list is reordered', () => {
  const log = new TailLog();
  log.append(3, 10);
  log.append(5, 11);
  const before = structuredClone(log.toData());
  log.append(3, 12);
  const after = log.toData();
  expect([...after.lists]).toEqual([3, 5, 3]);
  expect([...after.postings]).toEqual([10, 11, 12]);
  expect(after.version).toBe(before.version);
  expect([...after.postings.subarray(0, 2)]).toEqual([...before.postings]);
  log.reorder(3, (postings, length) => postings.subarray(0, length).reverse());
  const reordered = log.toData();
  expect([...reordered.postings]).toEqual([12, 11, 10]);
  expect(reordered.version).not.toBe(after.version);
  // Loaded, it keeps its version: the next save names the same pieces again.
  expect(TailLog.fromData(structuredClone(reordered), 6)!.toData().version).toBe(reordered.version);
});

test('5,000 lists of five postings hold no object or array of their own: a few typed arrays and one Map', () => {
  const log = new TailLog();
  for (let round = 0; round < 5; round++) for (let list = 0; list < 5_000; list++) log.append(list * 2 + 1, round * 5_000 + list);
  const typedArrays = Object.values(log).filter((value) => ArrayBuffer.isView(value));
  const maps = Object.values(log).filter((value) => value instanceof Map);
  expect(typedArrays).toHaveLength(3);
  expect(maps).toHaveLength(1);
  expect((maps[0] as Map<number, unknown>).size).toBe(5_000);
  expect([...(maps[0] as Map<number, unknown>).values()].every((value) => typeof value === 'number')).toBe(true);
  // 25,000 postings at 12 bytes each, plus at most an eighth spare.
  const bytes = typedArrays.reduce((sum, array) => sum + (array as Int32Array).byteLength, 0);
  expect(bytes).toBeLessThanOrEqual(25_000 * 12 * (1 + 1 / 8) + 3 * 4 * 1024);
});
