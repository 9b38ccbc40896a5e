/**
 * Taking back a restore or an import that did not end well (cancelled, failed, or cut short when
 * the worker stopped): what its batches noted as added goes, last batch first, each batch one
 * transaction that also forgets its note (so a take-back cut short goes on where it stopped). What
 * the user did meanwhile is kept: a restored or imported person edited since, or who has since
 * gained history, an address or a follow-up, stays, with the addresses linked to them; a person an
 * import added to and the user edited since loses only what the import added (as Undo does).
 */
import { getContact, hasHistory, removeContact } from '../db/contacts-repo';
import { removeFollowUp } from '../db/followups-repo';
import { countIdentitiesOf, unlinkIdentityKey } from '../db/identities-repo';
import { removeInteraction } from '../db/interactions-repo';
import {
  getRestoreBatch,
  removeRestoreBatch,
  restoreBatchKeys,
  restoresWithRows,
  type ImportBatch,
  type RestoreBatchRecord,
  type RestoreStoreBatch,
} from '../db/restores-repo';
import { readTx, writeTx, type TendDatabase, type WriteTx } from '../db/schema';
import { rollBack } from './import/roll-back';
import { emptyUndoReport, takeBackImportChanges } from './import/undo';
import { runTransfer, transferRunning } from './running-transfers';

/** Each person the restore added, with their `updatedAt` as written. */
type Stamps = Map<string, number>;

/** Whether a person the restore added was edited or given history since: then they stay. */
async function workedOn(tx: WriteTx, id: string, stamps: Stamps): Promise<boolean> {
  const current = await getContact(tx, id);
  return current !== undefined && (current.updatedAt !== stamps.get(id) || (await hasHistory(tx, id)));
}

/** How each kind of note is taken back: the row's own kind, the restore's people's stamps, the clock. */
type TakeBack<K extends RestoreBatchRecord['store']> = (
  tx: WriteTx,
  row: K extends 'import' ? ImportBatch : RestoreStoreBatch,
  stamps: Stamps,
  now: number,
) => Promise<unknown>;

const TAKE_BACK: { [K in RestoreBatchRecord['store']]: TakeBack<K> } = {
  import: (tx, { changes }, _stamps, now) => takeBackImportChanges(tx, changes, now, emptyUndoReport()),
  followUps: (tx, { ids }) => Promise.all(ids.map((id) => removeFollowUp(tx, id))),
  interactions: (tx, { ids }) => Promise.all(ids.map((id) => removeInteraction(tx, id))),
  identities: (tx, { ids, owners = [] }, stamps) =>
    Promise.all(
      ids.map(async (key, i) => {
        const contactId = owners[i]!;
        // A person who stays keeps the addresses the restore gave them.
        if (stamps.has(contactId) && (await workedOn(tx, contactId, stamps))) return;
        await unlinkIdentityKey(tx, key, contactId);
      }),
    ),
  contacts: (tx, { ids }, stamps) =>
    Promise.all(
      ids.map(async (id) => {
        if (!(await getContact(tx, id))) return;
        const linked = await countIdentitiesOf(tx, id);
        if (linked > 0 || (await workedOn(tx, id, stamps))) return;
        await removeContact(tx, id);
      }),
    ),
};

/** Take back what the restore or import `restoreId` noted as added (see the file's comment). */
export async function takeBackTransfer(db: TendDatabase, restoreId: string, now = Date.now()): Promise<void> {
  const keys = await restoreBatchKeys(readTx(db, ['restores']), restoreId);
  const stamps: Stamps = new Map();
  const reading = readTx(db, ['restores']);
  for (const key of keys) {
    const row = await getRestoreBatch(reading, key);
    if (row?.store === 'contacts') row.ids.forEach((id, i) => stamps.set(id, row.stamps?.[i] ?? Number.NaN));
  }
  for (const key of keys.reverse()) {
    // Through the commit path: the change log, the search index and open pages follow the take-back too.
    const tx = writeTx(db, ['contacts', 'identities', 'interactions', 'timeline', 'followUps', 'restores']);
    try {
      const row = await getRestoreBatch(tx, key);
      if (row) {
        await (TAKE_BACK[row.store] as TakeBack<typeof row.store>)(tx, row, stamps, now);
        await removeRestoreBatch(tx, key);
      }
      await tx.done;
    } catch (error) {
      await rollBack(tx);
      throw error;
    }
  }
}

/**
 * Take back every restore or import that left notes and is not running in this worker: one the
 * worker was stopped in the middle of. Run at the worker's start.
 */
export async function takeBackUnfinishedTransfers(db: TendDatabase): Promise<number> {
  const leftOver = (await restoresWithRows(readTx(db, ['restores']))).filter((id) => !transferRunning(id));
  // Each known as running meanwhile (sync holds its passes, the same import waits), and each on its
  // own: one that fails (it goes on at the next start) does not keep the others' notes.
  const failures: unknown[] = [];
  for (const restoreId of leftOver) {
    await runTransfer(restoreId, undefined, () => takeBackTransfer(db, restoreId)).catch((error: unknown) => failures.push(error));
  }
  if (failures.length > 0) throw failures[0];
  return leftOver.length;
}
