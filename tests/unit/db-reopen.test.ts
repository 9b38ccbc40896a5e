/**
 * The worker's database connection after another connection upgraded or deleted the database
 * (issue 15): it closes to let them go ahead, and the next request opens it again, instead of
 * every request failing until the worker restarts.
 */
import { expect, test } from 'vitest';
import { onCommit, type Commit } from '../../utils/db/commit';
import { DB_VERSION, openTendDb } from '../../utils/db/open';
import { writeTx, type TendDatabase } from '../../utils/db/schema';
import { addContact, getContact } from '../../utils/db/contacts-repo';
import { readTx } from '../../utils/db/schema';
import { newId } from '../../utils/ids';
import type { Contact } from '../../utils/model/records';

const NOON = Date.UTC(2024, 4, 1, 12);
const person = (displayName: string): Contact => ({ id: newId(NOON), displayName, identities: [], tags: [], createdAt: NOON, updatedAt: NOON });

/** Write one person the way a service does for a request: await the database, then use it. */
async function save(db: Promise<TendDatabase>, contact: Contact): Promise<void> {
  const tx = writeTx(await db, ['contacts']);
  await addContact(tx, contact);
  await tx.done;
}
const read = async (db: Promise<TendDatabase>, id: string) => getContact(readTx(await db, ['contacts']), id);

/** Another connection opens the database at `version` (an upgrade), or deletes it, and lets go. */
function otherConnection(name: string, action: { upgradeTo: number } | 'delete'): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = action === 'delete' ? indexedDB.deleteDatabase(name) : indexedDB.open(name, action.upgradeTo);
    request.onblocked = () => reject(new Error('blocked: the worker did not let go of the database'));
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      if (action !== 'delete') (request.result as IDBDatabase).close();
      resolve();
    };
  });
}

test('after another connection upgraded the database, the next request reopens it and works', async () => {
  const db = openTendDb('tend-reopen');
  const ada = person('Ada');
  await save(db, ada);
  const heard: Commit[] = [];
  onCommit(await db, (commit) => void heard.push(commit));

  await otherConnection('tend-reopen', { upgradeTo: DB_VERSION + 1 });

  expect(await read(db, ada.id)).toEqual(ada);
  const grace = person('Grace');
  await save(db, grace);
  expect(await read(db, grace.id)).toEqual(grace);
  // The same database object: what listens to its commits still hears them.
  expect(heard.map((commit) => commit.changes[0]!.key)).toEqual([grace.id]);
  expect((await db).version).toBe(DB_VERSION + 1);
});

test('after another connection deleted the database, the next request opens a new one at this version', async () => {
  const db = openTendDb('tend-reopen-deleted');
  await save(db, person('Ada'));
  await otherConnection('tend-reopen-deleted', 'delete');
  const grace = person('Grace');
  await save(db, grace);
  expect(await read(db, grace.id)).toEqual(grace);
  expect((await db).version).toBe(DB_VERSION);
});

test('it reopens as often as it is asked to let go', async () => {
  const db = openTendDb('tend-reopen-twice');
  for (let version = DB_VERSION + 1; version <= DB_VERSION + 3; version++) {
    await otherConnection('tend-reopen-twice', { upgradeTo: version });
    const someone = person(`Person ${version}`);
    await save(db, someone);
    expect(await read(db, someone.id)).toEqual(someone);
  }
});
