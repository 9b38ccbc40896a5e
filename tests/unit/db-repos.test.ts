/** The invariants the repositories hold over keys they own (timeline links, identities, merges). */
import { describe, expect, test } from 'vitest';
import { contactExists, putContact, removeContact } from '../../utils/db/contacts-repo';
import { moveFollowUp, putFollowUp } from '../../utils/db/followups-repo';
import { identitiesOf, linkIdentity, moveIdentity, unlinkIdentity } from '../../utils/db/identities-repo';
import { addInteraction, relinkEntry, setEntryPeople, timelineRange, updateInteraction } from '../../utils/db/interactions-repo';
import { addMerge, listOpenMerges } from '../../utils/db/merges-repo';
import { readAllRecords } from '../../utils/db/records-repo';
import { readTx, writeTx, type StoreName, type TendDatabase, type WriteTx } from '../../utils/db/schema';
import type { MergeRecord } from '../../utils/model/merge';
import type { Contact, Interaction } from '../../utils/model/records';
import { freshDb } from './helpers';

const [ADA, BOB, CY] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
const ALL: StoreName[] = ['contacts', 'identities', 'interactions', 'timeline', 'followUps', 'merges'];

const person = (id: string, displayName: string): Contact => ({ id, displayName, identities: [], tags: [], createdAt: 1, updatedAt: 1 });
const entry = (contactIds: string[], at: number, summary = 'Lunch'): Interaction => ({
  id: crypto.randomUUID(),
  contactIds,
  kind: 'note',
  at,
  summary,
  createdAt: at,
});

/** Run writes in one transaction and wait for it to commit. */
async function write(db: TendDatabase, work: (tx: WriteTx) => Promise<unknown>): Promise<void> {
  const tx = writeTx(db, ALL);
  await work(tx);
  await tx.done;
}

/** Ada, Bob and Cy, with nothing else. */
async function threePeople() {
  const db = await freshDb();
  await write(db, (tx) => Promise.all([ADA, BOB, CY].map((id, i) => putContact(tx, person(id, ['Ada', 'Bob', 'Cy'][i]!)))));
  return db;
}

/** Every timeline link, as `person@at:entry` with names for people. */
async function links(db: TendDatabase): Promise<string[]> {
  const names = new Map<string, string>([
    [ADA, 'ada'],
    [BOB, 'bob'],
    [CY, 'cy'],
  ]);
  return (await db.getAll('timeline')).map((link) => `${names.get(link.contactId) ?? link.contactId}@${link.at}`).sort();
}

describe('timelineRange', () => {
  test('holds exactly one person’s links, from `from` on, and up to just before `before`', async () => {
    const db = await threePeople();
    const [first, second, third] = [entry([ADA], 10), entry([ADA, BOB], 20), entry([ADA], 30)];
    await write(db, (tx) => Promise.all([first, second, third, entry([BOB], 15)].map((e) => addInteraction(tx, e))));
    const keys = async (range: IDBKeyRange) => (await db.getAllKeys('timeline', range)).map(([contactId, at]) => `${contactId === ADA ? 'ada' : 'bob'}@${at}`);

    expect(await keys(timelineRange(ADA))).toEqual(['ada@10', 'ada@20', 'ada@30']);
    expect(await keys(timelineRange(BOB))).toEqual(['bob@15', 'bob@20']);
    expect(await keys(timelineRange(ADA, 20))).toEqual(['ada@20', 'ada@30']);
    expect(await keys(timelineRange(ADA, -Infinity, { at: third.at, id: third.id }))).toEqual(['ada@10', 'ada@20']);
    expect(await keys(timelineRange(CY))).toEqual([]);
  });
});

describe('an entry’s people and its timeline links', () => {
  test('setEntryPeople links each person once and unlinks whoever left', async () => {
    const db = await threePeople();
    const lunch = entry([ADA, BOB], 10);
    await write(db, (tx) => addInteraction(tx, lunch));
    await write(db, (tx) => setEntryPeople(tx, lunch, [CY, BOB, CY]));

    expect((await db.get('interactions', lunch.id))!.contactIds).toEqual([CY, BOB]);
    expect(await links(db)).toEqual(['bob@10', 'cy@10']);
  });

  test('relinkEntry onto someone already on the entry leaves one link each, and no duplicate person', async () => {
    const db = await threePeople();
    const shared = entry([ADA, BOB], 10);
    await write(db, (tx) => addInteraction(tx, shared));
    await write(db, (tx) => relinkEntry(tx, shared, BOB, ADA));

    expect((await db.get('interactions', shared.id))!.contactIds).toEqual([ADA]);
    expect(await links(db)).toEqual(['ada@10']);
  });

  test('relinkEntry removes a link left under `from` even when the entry no longer lists them', async () => {
    const db = await threePeople();
    const lunch = entry([ADA], 10);
    await write(db, (tx) => addInteraction(tx, lunch));
    await write(db, async (tx) => tx.objectStore('timeline').put({ contactId: BOB, at: 10, interactionId: lunch.id }));
    await write(db, (tx) => relinkEntry(tx, lunch, BOB, CY));

    expect((await db.get('interactions', lunch.id))!.contactIds).toEqual([ADA]);
    expect(await links(db)).toEqual(['ada@10']);
  });

  test('updateInteraction writes an edit, and aborts the transaction when the edit moves the entry or changes its people', async () => {
    const db = await threePeople();
    const lunch = entry([ADA, BOB], 10);
    await write(db, (tx) => addInteraction(tx, lunch));
    await write(db, (tx) => updateInteraction(tx, { ...lunch, contactIds: [BOB, ADA], summary: 'Long lunch' }));
    expect((await db.get('interactions', lunch.id))!.summary).toBe('Long lunch');

    for (const bad of [{ ...lunch, at: 11 }, { ...lunch, contactIds: [ADA] }, entry([ADA], 10)]) {
      const tx = writeTx(db, ALL);
      await putContact(tx, person(ADA, 'Ada (renamed)'));
      await expect(updateInteraction(tx, { ...bad, summary: 'Moved' })).rejects.toThrow(/cannot move/);
      await expect(tx.done).rejects.toBeDefined();
    }
    expect((await db.get('interactions', lunch.id))!.summary).toBe('Long lunch');
    expect((await db.get('contacts', ADA))!.displayName).toBe('Ada');
    expect(await links(db)).toEqual(['ada@10', 'bob@10']);
  });
});

describe('removeContact', () => {
  test('removes a person nothing points at, with the stale links left under their id', async () => {
    const db = await threePeople();
    const gone = entry([ADA], 10);
    await write(db, async (tx) => {
      await addInteraction(tx, gone);
      await tx.objectStore('interactions').delete(gone.id); // the link stays behind: older data
    });
    await write(db, (tx) => removeContact(tx, ADA));

    expect(await contactExists(readTx(db, ['contacts']), ADA)).toBe(false);
    expect(await links(db)).toEqual([]);
  });

  test.each([
    ['an identity', (tx: WriteTx) => linkIdentity(tx, { kind: 'email', value: 'ada@example.com' }, ADA)],
    ['a follow-up', (tx: WriteTx) => putFollowUp(tx, { id: crypto.randomUUID(), contactId: ADA, due: 5, text: 'Call', done: false })],
    ['an entry', (tx: WriteTx) => addInteraction(tx, entry([ADA, BOB], 10))],
  ])('refuses while %s still points at them, and writes nothing', async (_what, pointAtAda) => {
    const db = await threePeople();
    await write(db, pointAtAda);
    const tx = writeTx(db, ALL);
    await putContact(tx, person(BOB, 'Bob (renamed)'));
    await expect(removeContact(tx, ADA)).rejects.toThrow(/still has/);
    await expect(tx.done).rejects.toBeDefined();

    expect(await db.get('contacts', ADA)).toBeDefined();
    expect((await db.get('contacts', BOB))!.displayName).toBe('Bob');
  });
});

describe('moving one identity or follow-up back (undo of a merge)', () => {
  test('moves only what `from` still holds', async () => {
    const db = await threePeople();
    const [mine, taken] = [
      { kind: 'email', value: 'ada@example.com' },
      { kind: 'email', value: 'cy@example.com' },
    ] as const;
    const [followUp, other] = [crypto.randomUUID(), crypto.randomUUID()];
    await write(db, async (tx) => {
      await linkIdentity(tx, mine, ADA);
      await linkIdentity(tx, taken, CY);
      await putFollowUp(tx, { id: followUp, contactId: ADA, due: 5, text: 'Call', done: false });
      await putFollowUp(tx, { id: other, contactId: CY, due: 5, text: 'Write', done: false });
    });
    let moved: boolean[] = [];
    await write(db, async (tx) => {
      moved = [
        await moveIdentity(tx, 'email:ada@example.com', ADA, BOB),
        await moveIdentity(tx, 'email:cy@example.com', ADA, BOB),
        await moveIdentity(tx, 'email:nobody@example.com', ADA, BOB),
        await moveFollowUp(tx, followUp, ADA, BOB),
        await moveFollowUp(tx, other, ADA, BOB),
      ];
    });

    expect(moved).toEqual([true, false, false, true, false]);
    expect((await identitiesOf(readTx(db, ['identities']), BOB)).map((row) => row.key)).toEqual(['email:ada@example.com']);
    expect((await db.get('identities', 'email:cy@example.com'))!.contactId).toBe(CY);
    expect((await db.get('followUps', followUp))!.contactId).toBe(BOB);
    expect((await db.get('followUps', other))!.contactId).toBe(CY);
  });

  test('unlinkIdentity leaves an identity that is someone else’s', async () => {
    const db = await threePeople();
    const address = { kind: 'email', value: 'shared@example.com' } as const;
    await write(db, (tx) => linkIdentity(tx, address, BOB));
    let released: boolean[] = [];
    await write(db, async (tx) => (released = [await unlinkIdentity(tx, address, ADA)]));
    expect(released).toEqual([false]);
    expect((await db.get('identities', 'email:shared@example.com'))!.contactId).toBe(BOB);
    await write(db, async (tx) => (released = [await unlinkIdentity(tx, address, BOB)]));
    expect(released).toEqual([true]);
    expect(await db.count('identities')).toBe(0);
  });
});

test('listOpenMerges: merges not undone, newest first, at most `limit`', async () => {
  const db = await threePeople();
  const merge = (at: number, undoneAt?: number): MergeRecord => ({
    id: crypto.randomUUID(),
    at,
    keptId: ADA,
    mergedId: BOB,
    keptBefore: person(ADA, 'Ada'),
    mergedBefore: person(BOB, 'Bob'),
    keptAfter: person(ADA, 'Ada'),
    movedIdentityKeys: [],
    entries: [],
    followUpIds: [],
    ...(undoneAt !== undefined && { undoneAt }),
  });
  await write(db, (tx) => Promise.all([merge(1), merge(2, 5), merge(3), merge(4, 6), merge(5)].map((record) => addMerge(tx, record))));

  expect((await listOpenMerges(readTx(db, ['merges']), 10)).map((record) => record.at)).toEqual([5, 3, 1]);
  expect((await listOpenMerges(readTx(db, ['merges']), 2)).map((record) => record.at)).toEqual([5, 3]);
});

test('readAllRecords reads every record in key order, a page at a time', async () => {
  const db = await freshDb();
  const ids = Array.from({ length: 7 }, () => crypto.randomUUID()).sort();
  await write(db, (tx) => Promise.all(ids.map((id) => putContact(tx, person(id, id)))));
  for (const pageSize of [1, 3, 7, 50]) {
    const read: string[] = [];
    for await (const contact of readAllRecords(db, 'contacts', pageSize)) read.push(contact.id);
    expect(read, `pages of ${pageSize}`).toEqual(ids);
  }
});
