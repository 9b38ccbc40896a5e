/**
 * Restoring a backup: merged by id into what Tend has (a record Tend already has wins unless
 * identical, and each difference is reported as a conflict); the timeline is rebuilt from restored
 * entries.
 *
 * The file is walked twice and never held whole: once to check it (survey.ts: nothing is written
 * for a file that must be refused), then once per store, writing batches of records, each batch
 * one transaction through the commit path (so the change log, the search index and open pages
 * follow batch by batch, and no transaction holds a whole restore's changes). All or nothing still
 * holds: each batch notes in the `restores` store, in its own transaction, what it added; the last
 * step forgets those notes, and a restore cancelled, failed, or cut short by the worker stopping is
 * taken back from them (take-back.ts).
 */
import { identityKey, readTx, writeTx, type TendDatabase, type WriteTx } from '../../db/schema';
import { addContact, contactExists, existingContactIds, getContact } from '../../db/contacts-repo';
import { TendError } from '../../errors';
import { addFollowUp, getFollowUp } from '../../db/followups-repo';
import { addIdentityRow, identityOwners, ownerOfIdentityKey } from '../../db/identities-repo';
import { addInteraction, getInteraction, hasDedupeKey } from '../../db/interactions-repo';
import { addRestoreBatch, endRestore, type RestoreStoreBatch } from '../../db/restores-repo';
import { presentDedupeKeys, presentKeys } from '../../db/present-keys';
import { t, tCount, type MessageKey } from '../../i18n';
import type { Contact, FollowUp, Interaction, Settings } from '../../model/records';
import type { IdentityRow } from './format';
import { readRecord, type InvalidRecord, type RestoredStore } from './read';
import { backupOfObject, backupOfTexts, type BackupSource } from './source';
import { RESTORED_STORES, surveyBackup, type BackupSurvey, type NamingStore } from './survey';
import { takeBackEnded } from '../take-back';
import { runTransfer } from '../running-transfers';
import { rollBack } from '../import/roll-back';
import { unawaitedWrites, type UnawaitedWrites } from '../import/unawaited-writes';
import { sameRecord } from '../import/same-record';
import { pause } from '../../time/pause';

type Counts = Record<RestoredStore, number>;

/** What a restore did, store by store, and what it could not do. */
export interface RestoreReport {
  added: Counts;
  /** Already present and identical. */
  unchanged: Counts;
  /** Present with different content (Tend's version kept), or not restorable beside what is there. */
  conflicts: { store: RestoredStore; id: string; reason: string }[];
  /** Records of the file that are not valid: skipped. */
  invalid: InvalidRecord[];
  /** The settings of the backup, for the caller to save (settings live in extension storage). */
  settings: Settings | undefined;
  /** Identities the file wrote in another form than Tend's (upper case, spaces, invisible marks), restored in Tend's. */
  normalised: number;
}

/**
 * How a restore is followed and stopped: `onChecking` hears pieces of text checked of all while
 * the file is checked (nothing written yet), then `onProgress` records decided of all; `signal` cancels it.
 */
export interface RestoreOptions {
  onChecking?: (done: number, total: number) => void;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** Records per transaction (RESTORE_BATCH; tests restore small files in several batches). */
  batchSize?: number;
}

/**
 * Records per transaction: enough that committing is a small share of the time, few enough that a
 * batch's changes (held until the commit's listeners ran) and its reads stay a few megabytes.
 */
export const RESTORE_BATCH = 5_000;
/**
 * Records read at once inside a batch (every read of a chunk at once), written without waiting for
 * each write: requests of one transaction run in the order they were made, so each chunk's reads
 * see every write made before them, and the restore does not wait one round trip per record.
 */
const CHUNK = 500;

/** What the steps of a restore share. */
interface RestoreState {
  db: TendDatabase;
  restoreId: string;
  /** Batches written so far (the next one's number), and records per batch. */
  batches: number;
  batchSize: number;
  /** Called after each chunk with how many records it decided: progress, and the place to cancel. */
  afterChunk: (records: number) => void;
  report: RestoreReport;
  /** Identity key -> contact id, as the database had it when the restore began (for people's own lists). */
  owners: Map<string, string>;
  /** Identity keys already reported as taken while restoring contacts. */
  reportedTaken: Set<string>;
  /** Identity keys of each contact Tend already had (kept as it is): its rows must be among them. */
  keptAsIs: Map<string, Set<string>>;
  /** People neither in the file (damaged there) nor in Tend: what names them is skipped. */
  skippedPeople: Set<string>;
}

/** One batch's transaction, its unawaited writes, and what it added (noted in `restores`). */
interface Batch {
  tx: WriteTx;
  writes: UnawaitedWrites;
  added: Omit<RestoreStoreBatch, 'restoreId' | 'batch' | 'store'>;
}

/** A record of the file whose id Tend already has: unchanged when identical, else a conflict (Tend's version kept). */
function metExisting(report: RestoreReport, store: RestoredStore, existing: { id: string }, record: { id: string }, conflict: MessageKey): void {
  if (sameRecord(existing, record)) report.unchanged[store]++;
  else report.conflicts.push({ store, id: record.id, reason: t(conflict) });
}

/** Read a record only where the batch's one range read found its key (none found: known absent). */
function readIfPresent<T>(present: Set<string> | undefined, key: string, read: () => Promise<T>, absent: T): Promise<T> {
  return present && !present.has(key) ? Promise.resolve(absent) : read();
}

async function inChunks<T, R>(
  records: readonly T[],
  read: (record: T) => Promise<R>,
  decide: (record: T, found: R) => void,
  afterChunk: (records: number) => void,
) {
  for (let at = 0; at < records.length; at += CHUNK) {
    const chunk = records.slice(at, at + CHUNK);
    const found = await Promise.all(chunk.map(read));
    chunk.forEach((record, i) => decide(record, found[i]!));
    afterChunk(chunk.length);
  }
}

async function restoreContacts(state: RestoreState, { tx, writes, added }: Batch, records: Contact[]): Promise<void> {
  const { report, owners } = state;
  // Contacts written by this batch: a second record of the same id in the file meets the first
  // (one in an earlier batch is in the database by now).
  const written = new Map<string, Contact>();
  added.stamps = [];
  const present = await presentKeys(
    tx,
    'contacts',
    records.map((contact) => contact.id),
  );
  await inChunks(
    records,
    (contact) => readIfPresent(present, contact.id, () => getContact(tx, contact.id), undefined),
    (contact, stored) => {
      const existing = written.get(contact.id) ?? stored;
      if (existing) {
        metExisting(report, 'contacts', existing, contact, 'restoreConflictPerson');
        if (!state.keptAsIs.has(contact.id)) state.keptAsIs.set(contact.id, new Set(existing.identities.map(identityKey)));
        return;
      }
      // An identity another contact already holds stays there; this person is restored without it.
      const taken = contact.identities.filter((identity) => {
        const owner = owners.get(identityKey(identity));
        return owner !== undefined && owner !== contact.id;
      });
      for (const identity of taken) {
        state.reportedTaken.add(identityKey(identity));
        report.conflicts.push({ store: 'identities', id: identityKey(identity), reason: t('restoreConflictIdentityOf', contact.displayName) });
      }
      const row = taken.length ? { ...contact, identities: contact.identities.filter((i) => !taken.includes(i)) } : contact;
      writes.add(addContact(tx, row));
      written.set(contact.id, row);
      added.ids.push(row.id);
      added.stamps!.push(row.updatedAt);
      report.added.contacts++;
    },
    state.afterChunk,
  );
}

async function restoreIdentities(state: RestoreState, { tx, writes, added }: Batch, rows: IdentityRow[]): Promise<void> {
  const { report } = state;
  // Read now, not from the restore's start: between batches the user's own writes may link addresses.
  const writtenOwners = new Map<string, string>();
  added.owners = [];
  const present = await presentKeys(
    tx,
    'identities',
    rows.map((row) => row.key),
  );
  await inChunks(
    rows,
    async (row) => [await readIfPresent(present, row.key, () => ownerOfIdentityKey(tx, row.key), undefined), await contactExists(tx, row.contactId)] as const,
    (row, [stored, contactThere]) => {
      const owner = writtenOwners.get(row.key) ?? stored;
      if (owner !== undefined) {
        if (owner === row.contactId) report.unchanged.identities++;
        else if (!state.reportedTaken.has(row.key)) report.conflicts.push({ store: 'identities', id: row.key, reason: t('restoreConflictIdentity') });
        return;
      }
      if (!contactThere) {
        report.conflicts.push({ store: 'identities', id: row.key, reason: t('restoreConflictIdentityOrphan') });
        return;
      }
      // Rows may not point at a kept contact unless it (as Tend has it) lists that identity too.
      const kept = state.keptAsIs.get(row.contactId);
      if (kept && !kept.has(row.key)) {
        report.conflicts.push({ store: 'identities', id: row.key, reason: t('restoreConflictIdentityDropped') });
        return;
      }
      writes.add(addIdentityRow(tx, row));
      writtenOwners.set(row.key, row.contactId);
      added.ids.push(row.key);
      added.owners!.push(row.contactId);
      report.added.identities++;
    },
    state.afterChunk,
  );
}

async function restoreInteractions(state: RestoreState, { tx, writes, added }: Batch, records: Interaction[]): Promise<void> {
  const { report } = state;
  // Entries and dedupe keys written by this batch: a file's repeats meet the first as Tend would.
  const written = new Map<string, Interaction>();
  const writtenDedupe = new Set<string>();
  const present = await presentKeys(
    tx,
    'interactions',
    records.map((interaction) => interaction.id),
  );
  const taken = await presentDedupeKeys(
    tx,
    records.flatMap((interaction) => (interaction.dedupeKey === undefined ? [] : [interaction.dedupeKey])),
  );
  await inChunks(
    records,
    async (interaction) => {
      const { id, dedupeKey } = interaction;
      const stored = await readIfPresent(present, id, () => getInteraction(tx, id), undefined);
      return [stored, dedupeKey !== undefined && (await readIfPresent(taken, dedupeKey, () => hasDedupeKey(tx, dedupeKey), false))] as const;
    },
    (interaction, [stored, dedupeStored]) => {
      if (interaction.contactIds.some((id) => state.skippedPeople.has(id))) {
        report.conflicts.push({ store: 'interactions', id: interaction.id, reason: t('restoreConflictPersonSkipped') });
        return;
      }
      const existing = written.get(interaction.id) ?? stored;
      if (existing) return metExisting(report, 'interactions', existing, interaction, 'restoreConflictEntry');
      // The dedupe index is unique: the same automatic entry under another id would fail the transaction.
      if (interaction.dedupeKey !== undefined && (dedupeStored || writtenDedupe.has(interaction.dedupeKey))) {
        report.conflicts.push({ store: 'interactions', id: interaction.id, reason: t('restoreConflictSighting') });
        return;
      }
      // Through the repo: it also writes the timeline links, which the backup does not carry.
      writes.add(addInteraction(tx, interaction));
      written.set(interaction.id, interaction);
      if (interaction.dedupeKey !== undefined) writtenDedupe.add(interaction.dedupeKey);
      added.ids.push(interaction.id);
      report.added.interactions++;
    },
    state.afterChunk,
  );
}

async function restoreFollowUps(state: RestoreState, { tx, writes, added }: Batch, records: FollowUp[]): Promise<void> {
  const { report } = state;
  const written = new Map<string, FollowUp>();
  const present = await presentKeys(
    tx,
    'followUps',
    records.map((followUp) => followUp.id),
  );
  await inChunks(
    records,
    (followUp) => readIfPresent(present, followUp.id, () => getFollowUp(tx, followUp.id), undefined),
    (followUp, stored) => {
      if (state.skippedPeople.has(followUp.contactId)) {
        report.conflicts.push({ store: 'followUps', id: followUp.id, reason: t('restoreConflictPersonSkipped') });
        return;
      }
      const existing = written.get(followUp.id) ?? stored;
      if (existing) return metExisting(report, 'followUps', existing, followUp, 'restoreConflictFollowUp');
      writes.add(addFollowUp(tx, followUp));
      written.set(followUp.id, followUp);
      added.ids.push(followUp.id);
      report.added.followUps++;
    },
    state.afterChunk,
  );
}

/** Each store's step, deciding and writing one batch of its records. */
const STEPS: { [S in RestoredStore]: (state: RestoreState, batch: Batch, records: never[]) => Promise<void> } = {
  contacts: restoreContacts,
  identities: restoreIdentities,
  interactions: restoreInteractions,
  followUps: restoreFollowUps,
};

/** Write one batch of a store's records in one transaction, with the note of what it added. */
async function writeBatch(state: RestoreState, store: RestoredStore, records: unknown[]): Promise<void> {
  // Through the commit path: the change log, the search index, reminders and open pages follow it.
  const tx = writeTx(state.db, ['contacts', 'identities', 'interactions', 'timeline', 'followUps', 'restores']);
  const batch: Batch = { tx, writes: unawaitedWrites(tx), added: { ids: [] } };
  try {
    await STEPS[store](state, batch, records as never[]);
    if (batch.added.ids.length > 0) {
      batch.writes.add(addRestoreBatch(tx, { restoreId: state.restoreId, batch: state.batches++, store, ...batch.added }));
    }
    await batch.writes.settle();
    await tx.done;
  } catch (error) {
    await rollBack(tx);
    // A failed write aborts the transaction, so later requests fail too: the first cause is the one.
    throw batch.writes.failed ? batch.writes.failure : error;
  }
}

/**
 * Walk the file for the records of `stores`, writing them a batch at a time. The stores' arrays must
 * come in the file in the order given: each store's last batch is written when the next store's
 * records begin, so the people are in the database before the records naming them.
 */
async function restoreStores(state: RestoreState, source: BackupSource, stores: readonly RestoredStore[], afterText: () => Promise<void>): Promise<void> {
  let current: RestoredStore | undefined;
  let pending: unknown[] = [];
  // The batch being written while the next is read from the file: the database works while the
  // worker parses. One at a time: a batch starts once the one before has committed.
  let writing: Promise<void> = Promise.resolve();
  const flush = async () => {
    const batch = pending;
    pending = [];
    await writing;
    if (current && batch.length > 0) {
      writing = writeBatch(state, current, batch);
      writing.catch(() => undefined); // Seen at the next flush, or below.
    }
  };
  try {
    for (const piece of source.walk((name) => stores.includes(name as RestoredStore))) {
      if (piece.kind === 'text-end') await afterText();
      if (piece.kind !== 'record' || !stores.includes(piece.store as RestoredStore)) continue;
      const store = piece.store as RestoredStore;
      if (store !== current) {
        await flush();
        current = store;
      }
      const read = readRecord(store, piece.value);
      // Damaged records were listed by the survey; rows naming nothing were dropped there too.
      if (!('record' in read)) continue;
      pending.push(read.record);
      if (pending.length >= state.batchSize) await flush();
    }
    await flush();
    await writing;
  } finally {
    // Whatever stopped the walk, no batch is left committing behind a take-back.
    await writing.catch(() => undefined);
  }
}

const DANGLING: Record<NamingStore, MessageKey> = {
  identities: 'restoreDanglingIdentity',
  interactions: 'restoreDanglingEntry',
  followUps: 'restoreDanglingFollowUp',
};

/**
 * The people the file's records name who are neither among its people nor in Tend. One whose
 * record in the file is damaged (skipped) is returned, for what names them to be skipped too; any
 * other makes the file a broken backup: refused with a TendError naming the first record, before
 * anything is written.
 */
async function missingPeople(db: TendDatabase, survey: BackupSurvey): Promise<Set<string>> {
  const named = survey.namedOutside.map(({ personId }) => personId);
  const there = await existingContactIds(readTx(db, ['contacts']), named);
  const missing = new Set(named.filter((id) => !there.has(id)));
  const dangling = survey.namedOutside.find(({ personId }) => missing.has(personId) && !survey.skippedPeople.has(personId));
  if (dangling) throw new TendError('invalid', t(DANGLING[dangling.store], dangling.id, dangling.personId));
  return missing;
}

/**
 * Restore a backup (see the file's comment). Into an empty database it reproduces every record
 * exactly; into a used one it adds what is missing and reports what differs. Cancelled through
 * `signal` (checked after each chunk of records and each piece of text), it takes back what it
 * wrote: nothing of the file is kept.
 */
export function restoreFrom(db: TendDatabase, source: BackupSource, options: RestoreOptions = {}): Promise<RestoreReport> {
  const restoreId = crypto.randomUUID();
  return runTransfer(restoreId, options.signal, (signal) => restoreRunning(db, source, restoreId, { ...options, signal }));
}

/** restoreFrom's work, known as the running transfer `restoreId`. */
async function restoreRunning(
  db: TendDatabase,
  source: BackupSource,
  restoreId: string,
  { onChecking, onProgress, signal, batchSize = RESTORE_BATCH }: RestoreOptions,
): Promise<RestoreReport> {
  let cancelled: TendError | undefined;
  const checkCancel = () => {
    if (signal?.aborted) throw (cancelled = new TendError('failed', t('restoreCancelled')));
  };
  // Between pieces of the file's text the worker answers the page (progress, a cancel).
  const afterText = async () => {
    checkCancel();
    await pause();
  };
  let checked = 0;
  onChecking?.(0, source.texts);
  const survey = await surveyBackup(source, {
    afterText: async () => {
      onChecking?.(++checked, source.texts);
      await afterText();
    },
  });
  const skippedPeople = await missingPeople(db, survey);
  const total = RESTORED_STORES.reduce((sum, store) => sum + survey.decided[store], 0);
  let done = 0;
  const state: RestoreState = {
    db,
    restoreId,
    batches: 0,
    batchSize,
    afterChunk: (records) => {
      checkCancel();
      done += records;
      onProgress?.(done, total);
    },
    report: {
      added: zeroCounts(),
      unchanged: zeroCounts(),
      conflicts: [],
      invalid: survey.invalid,
      settings: survey.settings,
      normalised: survey.normalised,
    },
    owners: await identityOwners(readTx(db, ['identities'])),
    reportedTaken: new Set(),
    keptAsIs: new Map(),
    skippedPeople,
  };
  try {
    // One walk when the file lists its stores in the order they are restored (Tend's own files do);
    // else one walk per store, each parsing only that store's records.
    const inOrder = survey.order.join() === RESTORED_STORES.join();
    for (const stores of inOrder ? [RESTORED_STORES] : RESTORED_STORES.map((store) => [store])) await restoreStores(state, source, stores, afterText);
    // The restore ends well here: once its notes are gone nothing takes its records back.
    const end = writeTx(db, ['restores']);
    await endRestore(end, state.restoreId);
    await end.done;
    return state.report;
  } catch (error) {
    // Whatever stopped it, what its batches added goes (a worker stopped now finds the notes at its next start).
    const { kept, failed } = await takeBackEnded(db, state.restoreId);
    if (failed) throw new TendError('failed', t('restoreNotTakenBack'));
    if (cancelled && kept > 0) throw new TendError('failed', tCount('restoreCancelledKept', kept));
    throw cancelled ?? error;
  }
}

const zeroCounts = (): Counts => ({ contacts: 0, identities: 0, interactions: 0, followUps: 0 });

/** Restore a backup given as parsed JSON (tests, small files). */
export function restoreBackup(db: TendDatabase, backup: unknown, options?: RestoreOptions): Promise<RestoreReport> {
  return restoreFrom(db, backupOfObject(backup), options);
}

/** Restore a backup given as the pieces of text it arrived in (never joined: see split.ts). */
export function restoreBackupTexts(db: TendDatabase, texts: readonly string[], options?: RestoreOptions): Promise<RestoreReport> {
  return restoreFrom(db, backupOfTexts(texts), options);
}
