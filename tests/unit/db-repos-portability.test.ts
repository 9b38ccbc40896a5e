/** The repository functions portability (export, delete everything, import, undo) works through. */
import { describe, expect, test } from 'vitest';
import { clearAllStores, readWholeStores } from '../../utils/db/all-stores-repo';
import { onCommit, type Commit } from '../../utils/db/commit';
import { addContact, hasHistory, putContact } from '../../utils/db/contacts-repo';
import { putFollowUp } from '../../utils/db/followups-repo';
import { addIdentity, identityOwners, linkIdentity, ownerOfIdentityKey, unlinkIdentityKey } from '../../utils/db/identities-repo';
import { addImport, getImport, importExists, listRecentImports, markImportUndone } from '../../utils/db/imports-repo';
import { addInteraction } from '../../utils/db/interactions-repo';
import { identityKey, readTx, writeTx, type StoreName, type TendDatabase, type WriteTx } from '../../utils/db/schema';
import type { ImportRecord } from '../../utils/model/import';
import type { Contact, Identity } from '../../utils/model/records';
import { freshDb } from './helpers';

const [ADA, BOB] = [crypto.randomUUID(), crypto.randomUUID()];
const ALL: StoreName[] = ['contacts', 'identities', 'interactions', 'timeline', 'followUps', 'imports'];
const ADDRESS: Identity = { kind: 'email', value: 'ada@analytical.example' };

const person = (id: string, displayName: string): Contact => ({ id, displayName, identities: [], tags: [], createdAt: 1, updatedAt: 1 });
const anImport = (at: number): ImportRecord => ({
  id: crypto.randomUUID(),
  at,
  source: 'vCard',
  createdContacts: [],
  changedContacts: [],
  addedIdentities: [],
  addedInteractionIds: [],
});

/** Run writes in one transaction and wait for it to commit (rejects when it aborted). */
async function write(db: TendDatabase, work: (tx: WriteTx) => Promise<unknown>): Promise<void> {
  const tx = writeTx(db, ALL);
  await work(tx).catch(() => undefined);
  await tx.done;
}

/** Ada (holding her address) and Bob. */
async function twoPeople(): Promise<TendDatabase> {
  const db = await freshDb();
  await write(db, async (tx) => {
    await Promise.all([putContact(tx, { ...person(ADA, 'Ada'), identities: [ADDRESS] }), putContact(tx, person(BOB, 'Bob'))]);
    await linkIdentity(tx, ADDRESS, ADA);
  });
  return db;
}

describe('whole stores', () => {
  test('readWholeStores reads every record of each store named, and only those stores', async () => {
    const db = await twoPeople();
    const read = await readWholeStores(db, ['contacts', 'identities']);
    expect(Object.keys(read).sort()).toEqual(['contacts', 'identities']);
    expect(read.contacts.map((c) => c.displayName).sort()).toEqual(['Ada', 'Bob']);
    expect(read.identities).toEqual([{ key: identityKey(ADDRESS), ...ADDRESS, contactId: ADA }]);
  });

  test('clearAllStores empties every store, the change log too, returns the people deleted and is heard by commit listeners', async () => {
    const db = await twoPeople();
    await write(db, (tx) => addImport(tx, anImport(5)));
    const heard: Commit[] = [];
    const stop = onCommit(db, (commit) => void heard.push(commit));
    expect((await clearAllStores(db)).sort()).toEqual([ADA, BOB].sort());
    stop();
    for (const store of db.objectStoreNames) expect(await db.count(store), store).toBe(0);
    const cleared = heard.flatMap((commit) => commit.changes.filter((change) => change.op === 'clear').map((change) => change.store));
    expect([...cleared].sort()).toEqual([...db.objectStoreNames].sort());
    // The log is cleared last: the rows recording the other clears went with it.
    expect(cleared.at(-1)).toBe('changes');
  });
});

describe('imports', () => {
  test('add, exists, get, mark undone; a second add of the same id fails the transaction', async () => {
    const db = await freshDb();
    const record = anImport(10);
    await write(db, (tx) => addImport(tx, record));
    const tx = readTx(db, ['imports']);
    expect([await importExists(tx, record.id), await importExists(tx, crypto.randomUUID())]).toEqual([true, false]);
    expect(await getImport(tx, record.id)).toEqual(record);
    await expect(write(db, (tx) => addImport(tx, { ...record, source: 'again' }))).rejects.toThrow();
    await write(db, (tx) => markImportUndone(tx, record, 20));
    expect(await getImport(readTx(db, ['imports']), record.id)).toEqual({ ...record, undoneAt: 20 });
  });

  test('listRecentImports: newest first, at most `limit`', async () => {
    const db = await freshDb();
    const records = [30, 10, 20].map(anImport);
    await write(db, (tx) => Promise.all(records.map((record) => addImport(tx, record))));
    const list = async (limit: number) => (await listRecentImports(readTx(db, ['imports']), limit)).map((record) => record.at);
    expect(await list(20)).toEqual([30, 20, 10]);
    expect(await list(2)).toEqual([30, 20]);
  });
});

describe('contacts and identities an import adds and takes back', () => {
  test('addContact and addIdentity never overwrite: a taken id or identity fails the transaction, nothing written', async () => {
    const db = await twoPeople();
    const cy = crypto.randomUUID();
    await expect(
      write(db, async (tx) => {
        await addContact(tx, person(cy, 'Cy'));
        await addIdentity(tx, ADDRESS, cy);
      }),
    ).rejects.toThrow();
    await expect(write(db, (tx) => addContact(tx, person(ADA, 'Not Ada')))).rejects.toThrow();
    const tx = readTx(db, ['contacts', 'identities']);
    expect(await ownerOfIdentityKey(tx, identityKey(ADDRESS))).toBe(ADA);
    expect(await identityOwners(tx)).toEqual(new Map([[identityKey(ADDRESS), ADA]]));
    expect((await readWholeStores(db, ['contacts'])).contacts.map((c) => c.displayName).sort()).toEqual(['Ada', 'Bob']);
  });

  test('unlinkIdentityKey releases an identity only from the contact holding it', async () => {
    const db = await twoPeople();
    const released: boolean[] = [];
    await write(db, async (tx) => released.push(await unlinkIdentityKey(tx, identityKey(ADDRESS), BOB)));
    expect(await ownerOfIdentityKey(readTx(db, ['identities']), identityKey(ADDRESS))).toBe(ADA);
    await write(db, async (tx) => released.push(await unlinkIdentityKey(tx, identityKey(ADDRESS), ADA)));
    expect(await ownerOfIdentityKey(readTx(db, ['identities']), identityKey(ADDRESS))).toBeUndefined();
    expect(released).toEqual([false, true]);
  });

  test('hasHistory: a timeline link or a follow-up of the person, not of someone else', async () => {
    const db = await twoPeople();
    const history = async () => {
      const tx = readTx(db, ['timeline', 'followUps']);
      return [await hasHistory(tx, ADA), await hasHistory(tx, BOB)];
    };
    expect(await history()).toEqual([false, false]);
    await write(db, (tx) => addInteraction(tx, { id: crypto.randomUUID(), contactIds: [ADA], kind: 'note', at: 5, summary: 'Lunch', createdAt: 5 }));
    expect(await history()).toEqual([true, false]);
    await write(db, (tx) => putFollowUp(tx, { id: crypto.randomUUID(), contactId: BOB, due: 10, text: 'Call', done: false }));
    expect(await history()).toEqual([true, true]);
  });
});
