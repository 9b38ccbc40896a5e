// @vitest-environment node
// "What is pending" is counted as the change log grows: each status reads only the rows logged
// since the one before (every row after the push, each time, cost 4.3 s of a 5,000-record initial
// sync), and says what a count of every row would: a pull's own rows left out, an edited record
// once, a new push checkpoint or a log cleared since counted afresh.
import { expect, test } from 'vitest';
import { putContact } from '../../utils/db/contacts-repo';
import { openTendDb } from '../../utils/db/open';
import { writeTx, type TendDatabase } from '../../utils/db/schema';
import type { Contact } from '../../utils/model/records';
import { pendingCounter } from '../../utils/services/sync/pending';
import { SYNC_ORIGIN } from '../../utils/services/sync/pull';

const person = (n: number, name = `Person ${n}`): Contact => ({
  id: `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`,
  displayName: name,
  identities: [],
  tags: [],
  createdAt: 1,
  updatedAt: 1,
});

async function write(db: TendDatabase, people: Contact[], origin?: string): Promise<void> {
  const tx = writeTx(db, ['contacts'], origin ? { origin } : {});
  for (const contact of people) await putContact(tx, contact);
  await tx.done;
}

/** The database, with the change-log rows its reads returned counted. */
function counted(db: TendDatabase): { db: TendDatabase; rowsRead: () => number } {
  let rows = 0;
  const watched = new Proxy(db, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (property !== 'getAll') return typeof value === 'function' ? value.bind(target) : value;
      return async (store: string, ...rest: unknown[]) => {
        const found = (await (value as (...args: unknown[]) => Promise<unknown[]>).call(target, store, ...rest)) as unknown[];
        if (store === 'changes') rows += found.length;
        return found;
      };
    },
  });
  return { db: watched, rowsRead: () => rows };
}

/** What every row after `pushed` says (the count before this change, read whole each time). */
async function recount(db: TendDatabase, pushed: number): Promise<number> {
  const rows = await db.getAll('changes', IDBKeyRange.lowerBound(pushed, true));
  return new Set(rows.filter((row) => row.origin !== SYNC_ORIGIN).map((row) => `${row.store}/${row.id ?? '*'}`)).size;
}

test('each status reads only the rows logged since the last, and counts what reading them all counts', async () => {
  const opened = await openTendDb('pending-count');
  const { db, rowsRead } = counted(opened);
  const count = pendingCounter();

  await write(opened, [person(1), person(2), person(3)]);
  expect(await count(db, 0)).toBe(3);
  expect(rowsRead()).toBe(3);

  // A pull's 50 records are not pending; an edit of person 1 is the same record; person 4 is new.
  await write(
    opened,
    Array.from({ length: 50 }, (_, i) => person(100 + i)),
    SYNC_ORIGIN,
  );
  await write(opened, [person(1, 'Ada'), person(4)]);
  expect(await count(db, 0)).toBe(4);
  expect(await recount(opened, 0)).toBe(4);
  expect(rowsRead()).toBe(3 + 52);
  // Asked again with nothing logged since: nothing read again.
  expect(await count(db, 0)).toBe(4);
  expect(rowsRead()).toBe(55);

  // A push moved the checkpoint: counted from it.
  const pushed = 55;
  await write(opened, [person(5)]);
  expect(await count(db, pushed)).toBe(await recount(opened, pushed));
  expect(await count(db, pushed)).toBe(1);

  // The log cleared (a restore) and written again: what was counted before it is gone too.
  await opened.clear('changes');
  await write(opened, [person(6), person(7)]);
  expect(await count(db, pushed)).toBe(await recount(opened, pushed));
  expect(await count(db, pushed)).toBe(2);
});
