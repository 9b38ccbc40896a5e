/**
 * Applying a confirmed import preview, in batches of people, each batch one readwrite transaction
 * through the commit path (the change log, the search index and open pages follow batch by batch;
 * no transaction holds a whole import's changes, and the worker's other writes wait one batch at
 * most). All or nothing still holds: each batch notes in the `restores` store, in its own
 * transaction, what it wrote; the last step records the import (for Undo) and forgets the notes. An
 * import cancelled, failed, or cut short by the worker stopping is taken back from its notes
 * (../take-back.ts), as Undo would take it back.
 */
import { addImport, importExists } from '../../db/imports-repo';
import { addRestoreBatch, endRestore } from '../../db/restores-repo';
import { readTx, writeTx } from '../../db/schema';
import { TendError } from '../../errors';
import { t, tCount } from '../../i18n';
import { ImportPreview, ImportRecord, type ImportChanges, type PlannedMerge } from '../../model/import';
import { takeBackEnded, takeBackTransfer } from '../take-back';
import { runTransfer, transferRunning } from '../running-transfers';
import { lookupInTransaction } from './lookup';
import { planImport, type ImportPlan } from './plan';
import { watchLateClaims, type LateClaims } from './late-claims';
import { writeStep, type Batch, type PersonToWrite } from './write-people';
import type { ImportsDatabase } from './store';
import { rollBack } from './roll-back';
import { unawaitedWrites } from './unawaited-writes';
import { sameRecord } from './same-record';

/** People written between two progress reports, and two checks for a cancel (their writes are awaited together). */
const PEOPLE_PER_STEP = 250;

/**
 * People per transaction: about as many records as a restore's batch (a person is a card, one or
 * two address rows and a change-log row), so committing is a small share of the time and a batch's
 * changes stay a few megabytes.
 */
export const IMPORT_BATCH = 2_000;

/** Options of applyImport: the clock, how it is followed and stopped, and a hook tests use to fail an import half-way. */
export interface ApplyImportOptions {
  now?: number;
  /** Hears people written of all to write (after every PEOPLE_PER_STEP). */
  onProgress?: (done: number, total: number) => void;
  /** Cancels the import at its next step: what its batches wrote is taken back. */
  signal?: AbortSignal;
  /** People per transaction (IMPORT_BATCH; tests import small files in several batches). */
  batchSize?: number;
  /** TEST-ONLY: called as each write succeeds with the number written so far; throwing fails the import there. */
  testOnlyAfterWrite?: (writes: number) => void;
}

/** `items` in pieces of `size`. */
function* inPieces<T>(items: readonly T[], size: number): Generator<readonly T[]> {
  for (let at = 0; at < items.length; at += size) yield items.slice(at, at + size);
}

const changesSomething = (merge: PlannedMerge) =>
  merge.addIdentities.length > 0 || merge.addTags.length > 0 || Object.keys(merge.fill).length > 0 || merge.note !== undefined;

const noChanges = (): ImportChanges => ({ createdContacts: [], changedContacts: [], addedIdentities: [], addedInteractionIds: [] });

/** A batch's share added to the import's record. */
function addChanges(into: ImportChanges, batch: ImportChanges): void {
  into.createdContacts.push(...batch.createdContacts);
  into.changedContacts.push(...batch.changedContacts);
  into.addedIdentities.push(...batch.addedIdentities);
  into.addedInteractionIds.push(...batch.addedInteractionIds);
}

/** The plan of the preview as the database has it now; the preview's own when they agree, else refused. */
async function checkedPlan(db: ImportsDatabase, preview: ImportPreview): Promise<ImportPlan> {
  const tx = readTx(db, ['contacts', 'identities', 'imports']);
  if (await importExists(tx, preview.id)) throw new TendError('invalid', t('importApplyAlready'));
  const plan = await planImport(lookupInTransaction(tx), preview.candidates);
  if (!sameRecord({ newPeople: plan.newPeople, matches: plan.matches }, { newPeople: preview.newPeople, matches: preview.matches })) {
    throw new TendError('invalid', t('importApplyStale'));
  }
  return plan;
}

/** What the batches of one import share. */
interface ImportRun {
  db: ImportsDatabase;
  importId: string;
  now: number;
  options: ApplyImportOptions;
  /** A write as tests follow it (testOnlyAfterWrite). */
  hooked: <T>(request: Promise<T>) => Promise<unknown>;
  /** The import's record, growing batch by batch. */
  record: ImportRecord;
  claims: LateClaims;
  people: number;
  total: number;
  batches: number;
}

/** Write `items` in one transaction, a step at a time, with the note of what it wrote; a cancel throws between steps. */
async function writeBatch(run: ImportRun, items: readonly PersonToWrite[]): Promise<void> {
  const { options } = run;
  // Through the commit path: the change log, the search index, reminders and open pages follow it.
  const tx = writeTx(run.db, ['contacts', 'identities', 'interactions', 'timeline', 'restores']);
  const writes = unawaitedWrites(tx);
  const batch: Batch = { tx, write: (request) => writes.add(run.hooked(request)), changes: noChanges(), claims: run.claims };
  try {
    for (const step of inPieces(items, PEOPLE_PER_STEP)) {
      await writeStep(batch, step, run.now);
      // Once the step's writes are done: say how far, and stop here if cancelled.
      await writes.settle();
      run.people += step.length;
      if (options.signal?.aborted) throw new ImportCancelled();
      options.onProgress?.(run.people, run.total);
    }
    batch.write(addRestoreBatch(tx, { restoreId: run.importId, batch: run.batches++, store: 'import', changes: batch.changes }));
    await writes.settle();
    await tx.done;
  } catch (error) {
    await rollBack(tx);
    // Tend's own refusal (a cancel, a person gone) is what happened; else a failed write aborted the
    // transaction, so later requests failed too, and the first cause is the error.
    throw error instanceof TendError || !writes.failed ? error : writes.failure;
  }
  addChanges(run.record, batch.changes);
}

/** The end of an import that went well: recorded for Undo, and once its notes are gone nothing takes it back. */
async function endImport(run: ImportRun): Promise<void> {
  const end = writeTx(run.db, ['imports', 'restores']);
  try {
    await run.hooked(addImport(end, ImportRecord.parse(run.record)));
    await endRestore(end, run.importId);
    await end.done;
  } catch (error) {
    await rollBack(end);
    throw error;
  }
}

/** The user's Cancel, seen between two steps. */
class ImportCancelled extends TendError {
  constructor() {
    super('failed', t('importCancelled'));
  }
}

/**
 * Write a previewed import (see the file's comment): new people, and additions to matched people
 * (identities, tags, missing fields, a note; nothing is ever removed or overwritten). The plan is
 * rebuilt from the database and must equal the preview, else nothing is written. Any failure, at
 * any point (a cancel through `signal` included), leaves the database as it was. Returns the id
 * `undoImport` takes.
 */
export async function applyImport(db: ImportsDatabase, previewInput: ImportPreview, options: ApplyImportOptions = {}): Promise<{ importId: string }> {
  const checked = ImportPreview.safeParse(previewInput);
  if (!checked.success) throw new TendError('invalid', t('importApplyInvalid'));
  const preview = checked.data;
  if (transferRunning(preview.id)) throw new TendError('invalid', t('importApplyRunning'));
  return runTransfer(preview.id, options.signal, (signal) => applyRunning(db, preview, { ...options, signal }));
}

/** applyImport's work, known as the running transfer of the preview's id. */
async function applyRunning(db: ImportsDatabase, preview: ImportPreview, options: ApplyImportOptions): Promise<{ importId: string }> {
  const now = options.now ?? Date.now();
  let written = 0;
  const hooked = <T>(request: Promise<T>) => (options.testOnlyAfterWrite ? request.then(() => options.testOnlyAfterWrite?.(++written)) : request);
  // Heard from before the plan reads the database: an address given meanwhile is seen by one or the other.
  const claims = watchLateClaims(db);
  try {
    // Notes an earlier try of this preview left (its take-back failed) go first: the batches reuse their keys.
    await takeBackTransfer(db, preview.id, now);
    const plan = await checkedPlan(db, preview);
    const toWrite: PersonToWrite[] = [...plan.newPeople.map((person) => ({ person })), ...plan.matches.filter(changesSomething).map((merge) => ({ merge }))];
    const record: ImportRecord = { id: preview.id, at: now, source: preview.source, ...noChanges() };
    const run: ImportRun = { db, importId: preview.id, now, options, hooked, record, claims, people: 0, total: toWrite.length, batches: 0 };
    options.onProgress?.(0, run.total);
    for (const items of inPieces(toWrite, options.batchSize ?? IMPORT_BATCH)) await writeBatch(run, items);
    await endImport(run);
    return { importId: record.id };
  } catch (error) {
    // Whatever stopped it, what its batches wrote goes (a worker stopped now finds the notes at its next start).
    const { kept, failed } = await takeBackEnded(db, preview.id, now);
    if (failed) throw new TendError('failed', t('importNotTakenBack'));
    throw error instanceof ImportCancelled && kept > 0 ? new TendError('failed', tCount('importCancelledKept', kept)) : error;
  } finally {
    claims.stop();
  }
}
