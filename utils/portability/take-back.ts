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

/** How each kind of note is taken back; each gives how many people it kept (added, then worked on meanwhile). */
type TakeBack<K extends RestoreBatchRecord['store']> = (
  tx: WriteTx,
  row: K extends 'import' ? ImportBatch : RestoreStoreBatch,
  stamps: Stamps,
  now: number,
) => Promise<number>;

/** People the import or restore added that stay, counted by `keeps` (true: kept). */
async function countKept(ids: readonly string[], keeps: (id: string) => Promise<boolean>): Promise<number> {
  return (await Promise.all(ids.map(keeps))).filter(Boolean).length;
}

const TAKE_BACK: { [K in RestoreBatchRecord['store']]: TakeBack<K> } = {
  import: async (tx, { changes }, _stamps, now) => {
    const report = emptyUndoReport();
    await takeBackImportChanges(tx, changes, now, report);
    const created = new Set(changes.createdContacts.map((contact) => contact.id));
    return report.kept.filter((kept) => created.has(kept.contactId)).length;
  },
  followUps: async (tx, { ids }) => {
    await Promise.all(ids.map((id) => removeFollowUp(tx, id)));
    return 0;
  },
  interactions: async (tx, { ids }) => {
    await Promise.all(ids.map((id) => removeInteraction(tx, id)));
    return 0;
  },
  identities: async (tx, { ids, owners = [] }, stamps) => {
    await Promise.all(
      ids.map(async (key, i) => {
        const contactId = owners[i]!;
        // A person who stays keeps the addresses the restore gave them.
        if (stamps.has(contactId) && (await workedOn(tx, contactId, stamps))) return;
        await unlinkIdentityKey(tx, key, contactId);
      }),
    );
    return 0;
  },
  contacts: (tx, { ids }, stamps) =>
    countKept(ids, async (id) => {
      if (!(await getContact(tx, id))) return false;
      const linked = await countIdentitiesOf(tx, id);
      if (linked > 0 || (await workedOn(tx, id, stamps))) return true;
      await removeContact(tx, id);
      return false;
    }),
};

/**
 * Take back what the restore or import `restoreId` noted as added (see the file's comment); how
 * many people it added stay because the user worked on them meanwhile.
 */
export async function takeBackTransfer(db: TendDatabase, restoreId: string, now = Date.now()): Promise<number> {
  let kept = 0;
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
        kept += await (TAKE_BACK[row.store] as TakeBack<typeof row.store>)(tx, row, stamps, now);
        await removeRestoreBatch(tx, key);
      }
      await tx.done;
    } catch (error) {
      await rollBack(tx);
      throw error;
    }
  }
  return kept;
}

/**
 * Take back a restore or import that did not end well, as its last step: the people it kept, or the
 * take-back's own failure (logged; its notes stay, and the worker's next start takes them back).
 */
export async function takeBackEnded(db: TendDatabase, restoreId: string, now = Date.now()): Promise<{ kept: number; failed: boolean }> {
  try {
    return { kept: await takeBackTransfer(db, restoreId, now), failed: false };
  } catch (failure) {
    console.error('Tend: could not take back a restore or import', failure);
    return { kept: 0, failed: true };
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
