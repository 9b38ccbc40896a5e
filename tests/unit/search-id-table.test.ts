/** The index's id table (UUIDs packed in 16 bytes, other ids as strings) answers as a Map per kind would. */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { IdTable } from '../../utils/search/id-table';

/** A table and the kinds it reads, as the index keeps them: `set` records the kind first. */
function kindedTable(capacity = 0): { table: IdTable; kinds: number[] } {
  const kinds: number[] = [];
  const table = new IdTable((doc) => kinds[doc]!, capacity);
  const set = table.set.bind(table);
  table.set = (doc, kind, id) => {
    kinds[doc] = kind;
    set(doc, kind, id);
  };
  return { table, kinds };
}

test('set, find, delete and idOf agree with a Map per kind, over UUIDs and other ids, through growth and deletions', () => {
  const id = fc.oneof(fc.uuid(), fc.constantFrom('p0', 'n1', 'same', ''), fc.string({ maxLength: 6 }));
  const op = fc.tuple(fc.constantFrom('set', 'delete'), fc.integer({ min: 0, max: 1 }), id);
  fc.assert(
    fc.property(fc.array(op, { maxLength: 400 }), (ops) => {
      const { table } = kindedTable();
      const maps = [new Map<string, number>(), new Map<string, number>()];
      const idOfDoc: string[] = [];
      for (const [what, kind, key] of ops) {
        const lower = key.toLowerCase();
        if (what === 'set') {
          // As the index does: an id is removed before it is given a new doc.
          if (maps[kind]!.has(lower)) table.delete(kind, lower);
          const doc = idOfDoc.length;
          idOfDoc.push(lower);
          table.set(doc, kind, lower);
          maps[kind]!.set(lower, doc);
        } else {
          table.delete(kind, lower);
          maps[kind]!.delete(lower);
        }
      }
      for (const kind of [0, 1]) for (const [key, doc] of maps[kind]!) expect(table.find(kind, key)).toBe(doc);
      for (const [, kind, key] of ops) expect(table.find(kind, key.toLowerCase())).toBe(maps[kind]!.get(key.toLowerCase()));
      idOfDoc.forEach((key, doc) => expect(table.idOf(doc)).toBe(key));
    }),
    { numRuns: 200 },
  );
});

test('a UUID is kept as 16 bytes and read back exactly; an upper-case one is kept as it was given', () => {
  const { table } = kindedTable();
  const uuid = '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0';
  table.set(0, 0, uuid);
  table.set(1, 1, uuid.toUpperCase());
  expect([table.idOf(0), table.idOf(1)]).toEqual([uuid, uuid.toUpperCase()]);
  expect([table.find(0, uuid), table.find(1, uuid), table.find(1, uuid.toUpperCase())]).toEqual([0, undefined, 1]);
});

test('a table saved as its ids and loaded (its slots rebuilt from them, removed docs left out) answers as before, and takes new ids after', () => {
  const { table, kinds } = kindedTable();
  // Other ids: upper-case UUIDs (kept as they were given) and strings.
  const ids = Array.from({ length: 300 }, (_, i) => (i % 11 === 0 ? crypto.randomUUID().toUpperCase() : i % 7 === 0 ? `other-${i}` : crypto.randomUUID()));
  ids.forEach((id, doc) => table.set(doc, doc % 2, id));
  table.delete(1, ids[1]!);
  table.delete(0, ids[14]!);
  const removed = new Set([1, 14]);
  const data = structuredClone(table.toData(300));
  expect(Object.keys(data).sort()).toEqual(['bytes', 'others']);
  const loaded = IdTable.fromData(
    data,
    300,
    (doc) => kinds[doc]!,
    (doc) => !removed.has(doc),
  )!;
  ids.forEach((id, doc) => {
    expect(loaded.idOf(doc)).toBe(id);
    expect(loaded.find(doc % 2, id)).toBe(removed.has(doc) ? undefined : doc);
  });
  kinds[300] = 0;
  loaded.set(300, 0, ids[1]!);
  expect([loaded.find(0, ids[1]!), loaded.find(1, ids[1]!), loaded.idOf(300)]).toEqual([300, undefined, ids[1]]);
  // Ids of another count of docs, or a stranger's id past them, are not read.
  expect(
    IdTable.fromData(
      table.toData(300),
      301,
      (doc) => kinds[doc]!,
      () => true,
    ),
  ).toBeUndefined();
  expect(
    IdTable.fromData(
      { ...table.toData(300), others: [[300, 'x']] },
      300,
      (doc) => kinds[doc]!,
      () => true,
    ),
  ).toBeUndefined();
});

test('a table sized for a packing grows by a thirty-second on the next id, not twice its size (saves no longer pack: issue 17)', () => {
  const { table } = kindedTable(64_000);
  for (let doc = 0; doc <= 64_000; doc++) table.set(doc, 1, crypto.randomUUID());
  expect(table.toData(66_000).bytes.buffer.byteLength).toBe(66_000 * 16);
  // Slots for 64,000 ids filled to three fifths, not the next power of two at half (131,072).
  expect(table.slotCount).toBe(106_667);
  expect(table.find(1, table.idOf(64_000))).toBe(64_000);
});
