/**
 * Backup and restore. Export reads every store in one transaction, a page at a time (write.ts); restore writes in one
 * transaction, merging by id: a record Tend already has wins unless identical, and each such
 * difference is reported as a conflict. The timeline is rebuilt from restored interactions.
 */
import { identityKey, writeTx, type TendDatabase, type WriteTx } from '../../db/schema';
import { addContact, contactExists, getContact } from '../../db/contacts-repo';
import { TendError } from '../../errors';
import { addFollowUp, getFollowUp } from '../../db/followups-repo';
import { addIdentityRow, identityOwners } from '../../db/identities-repo';
import { t, type MessageKey } from '../../i18n';
import type { Contact, FollowUp, Interaction, Settings } from '../../model/records';
import { addInteraction, getInteraction, hasDedupeKey } from '../../db/interactions-repo';
import type { Backup, IdentityRow } from './format';
import { writeBackupParts, type BackupWriteOptions } from './write';
import { readBackup, type InvalidRecord, type RestoredStore } from './read';
import { rollBack } from '../import/roll-back';
import { unawaitedWrites, type UnawaitedWrites } from '../import/unawaited-writes';
import { sameRecord } from '../import/same-record';

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

/** Everything Tend stores, as one backup object: the file `writeBackupParts` writes, parsed (for small stores and tests). */
export async function exportBackup(db: TendDatabase, settings: Settings, now = Date.now(), options?: BackupWriteOptions): Promise<Backup> {
  return JSON.parse((await writeBackupParts(db, settings, now, options)).join('')) as Backup;
}

const zeroCounts = (): Counts => ({ contacts: 0, identities: 0, interactions: 0, followUps: 0 });

/** How a restore is followed and stopped: `onProgress` hears records decided of all; `signal` cancels it. */
export interface RestoreOptions {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** What the restore steps share: the transaction, the report, and who holds which identity. */
interface RestoreState {
  tx: WriteTx;
  /** Called after each chunk with how many records it decided: progress, and the place to cancel. */
  afterChunk: (records: number) => void;
  report: RestoreReport;
  /** Identity key -> contact id, as the database has it (updated as rows are restored). */
  owners: Map<string, string>;
  /** Identity keys already reported as taken while restoring contacts. */
  reportedTaken: Set<string>;
  /** Contacts Tend already had, kept as they are. */
  keptAsIs: Map<string, Contact>;
  /** Writes made and not yet awaited; the first that fails is the error the restore throws. */
  writes: UnawaitedWrites;
  /** People whose record in the file was damaged and who are not in Tend: what names them is skipped. */
  skippedPeople: Set<string>;
}

/**
 * Records are read a chunk at a time (every read of a chunk at once) and written without waiting
 * for each write: requests of one transaction run in the order they were made, so each chunk's
 * reads see every write made before them, and the restore does not wait one round trip per record.
 */
const CHUNK = 500;

async function inChunks<T, R>(
  records: readonly T[],
  read: (record: T) => Promise<R>,
  decide: (record: T, found: R) => void,
  afterChunk?: (records: number) => void,
): Promise<void> {
  for (let at = 0; at < records.length; at += CHUNK) {
    const chunk = records.slice(at, at + CHUNK);
    const found = await Promise.all(chunk.map(read));
    chunk.forEach((record, i) => decide(record, found[i]!));
    afterChunk?.(chunk.length);
  }
}

async function restoreContacts(state: RestoreState, records: Contact[]): Promise<void> {
  const { tx, report, owners } = state;
  // Contacts written by this restore: a second record of the same id in the file meets the first.
  const written = new Map<string, Contact>();
  await inChunks(
    records,
    (contact) => getContact(tx, contact.id),
    (contact, stored) => {
      const existing = written.get(contact.id) ?? stored;
      if (existing) {
        if (sameRecord(existing, contact)) report.unchanged.contacts++;
        else report.conflicts.push({ store: 'contacts', id: contact.id, reason: t('restoreConflictPerson') });
        state.keptAsIs.set(contact.id, existing);
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
      state.writes.add(addContact(tx, row));
      written.set(contact.id, row);
      report.added.contacts++;
    },
    state.afterChunk,
  );
}

async function restoreIdentities(state: RestoreState, rows: IdentityRow[]): Promise<void> {
  const { tx, report, owners } = state;
  await inChunks(
    rows,
    (row) => contactExists(tx, row.contactId),
    (row, contactThere) => {
      const owner = owners.get(row.key);
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
      if (kept && !kept.identities.some((identity) => identityKey(identity) === row.key)) {
        report.conflicts.push({ store: 'identities', id: row.key, reason: t('restoreConflictIdentityDropped') });
        return;
      }
      state.writes.add(addIdentityRow(tx, row));
      owners.set(row.key, row.contactId);
      report.added.identities++;
    },
    state.afterChunk,
  );
}

async function restoreInteractions(state: RestoreState, records: Interaction[]): Promise<void> {
  const { tx, report } = state;
  // Entries and dedupe keys written by this restore: a file's repeats meet the first as Tend would.
  const written = new Map<string, Interaction>();
  const writtenDedupe = new Set<string>();
  await inChunks(
    records,
    async (interaction) =>
      [await getInteraction(tx, interaction.id), interaction.dedupeKey !== undefined && (await hasDedupeKey(tx, interaction.dedupeKey))] as const,
    (interaction, [stored, dedupeStored]) => {
      if (interaction.contactIds.some((id) => state.skippedPeople.has(id))) {
        report.conflicts.push({ store: 'interactions', id: interaction.id, reason: t('restoreConflictPersonSkipped') });
        return;
      }
      const existing = written.get(interaction.id) ?? stored;
      if (existing) {
        if (sameRecord(existing, interaction)) report.unchanged.interactions++;
        else report.conflicts.push({ store: 'interactions', id: interaction.id, reason: t('restoreConflictEntry') });
        return;
      }
      // The dedupe index is unique: the same automatic entry under another id would fail the transaction.
      if (interaction.dedupeKey !== undefined && (dedupeStored || writtenDedupe.has(interaction.dedupeKey))) {
        report.conflicts.push({ store: 'interactions', id: interaction.id, reason: t('restoreConflictSighting') });
        return;
      }
      // Through the repo: it also writes the timeline links, which the backup does not carry.
      state.writes.add(addInteraction(tx, interaction));
      written.set(interaction.id, interaction);
      if (interaction.dedupeKey !== undefined) writtenDedupe.add(interaction.dedupeKey);
      report.added.interactions++;
    },
    state.afterChunk,
  );
}

async function restoreFollowUps(state: RestoreState, records: FollowUp[]): Promise<void> {
  const { tx, report } = state;
  const written = new Map<string, FollowUp>();
  await inChunks(
    records,
    (followUp) => getFollowUp(tx, followUp.id),
    (followUp, stored) => {
      if (state.skippedPeople.has(followUp.contactId)) {
        report.conflicts.push({ store: 'followUps', id: followUp.id, reason: t('restoreConflictPersonSkipped') });
        return;
      }
      const existing = written.get(followUp.id) ?? stored;
      if (existing) {
        if (sameRecord(existing, followUp)) report.unchanged.followUps++;
        else report.conflicts.push({ store: 'followUps', id: followUp.id, reason: t('restoreConflictFollowUp') });
        return;
      }
      state.writes.add(addFollowUp(tx, followUp));
      written.set(followUp.id, followUp);
      report.added.followUps++;
    },
    state.afterChunk,
  );
}

type BackupData = ReturnType<typeof readBackup>;

type NamingStore = Exclude<RestoredStore, 'contacts'>;
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
async function missingPeople(tx: WriteTx, data: BackupData): Promise<Set<string>> {
  const inFile = new Set(data.contacts.map((contact) => contact.id));
  const references: [NamingStore, string, string][] = [
    ...data.identities.map((row): [NamingStore, string, string] => ['identities', row.key, row.contactId]),
    ...data.interactions.flatMap((entry) => entry.contactIds.map((id): [NamingStore, string, string] => ['interactions', entry.id, id])),
    ...data.followUps.map((followUp): [NamingStore, string, string] => ['followUps', followUp.id, followUp.contactId]),
  ];
  const named = [...new Set(references.map(([, , personId]) => personId).filter((id) => !inFile.has(id)))];
  const missing = new Set<string>();
  await inChunks(
    named,
    (id) => contactExists(tx, id),
    (id, there) => void (there || missing.add(id)),
  );
  const dangling = references.find(([, , personId]) => missing.has(personId) && !data.skippedContactIds.has(personId));
  if (dangling) {
    const [store, id, personId] = dangling;
    throw new TendError('invalid', t(DANGLING[store], id, personId));
  }
  return missing;
}

/**
 * Restore a backup (as parsed JSON) in one transaction. Into an empty database it reproduces
 * every record exactly; into a used one it adds what is missing and reports what differs.
 * Cancelled through `signal` (checked after each chunk), it aborts the transaction: nothing is written.
 */
export async function restoreBackup(db: TendDatabase, backup: unknown, { onProgress, signal }: RestoreOptions = {}): Promise<RestoreReport> {
  const data = readBackup(backup);
  const total = data.contacts.length + data.identities.length + data.interactions.length + data.followUps.length;
  let done = 0;
  let cancelled: TendError | undefined;
  const afterChunk = (records: number) => {
    if (signal?.aborted) throw (cancelled = new TendError('failed', t('restoreCancelled')));
    done += records;
    onProgress?.(done, total);
  };
  const report: RestoreReport = {
    added: zeroCounts(),
    unchanged: zeroCounts(),
    conflicts: [],
    invalid: data.invalid,
    settings: data.settings,
    normalised: data.normalised,
  };
  // Through the commit path: the change log, the search index, reminders and open pages follow it.
  const tx: WriteTx = writeTx(db, ['contacts', 'identities', 'interactions', 'timeline', 'followUps']);
  let state: RestoreState | undefined;
  try {
    const skippedPeople = await missingPeople(tx, data);
    const owners = await identityOwners(tx);
    state = { tx, afterChunk, report, owners, reportedTaken: new Set(), keptAsIs: new Map(), writes: unawaitedWrites(tx), skippedPeople };
    await restoreContacts(state, data.contacts);
    await restoreIdentities(state, data.identities);
    await restoreInteractions(state, data.interactions);
    await restoreFollowUps(state, data.followUps);
    await state.writes.settle();
    await tx.done;
    return report;
  } catch (error) {
    await rollBack(tx);
    // A failed write aborts the transaction, so later requests fail too: report the first cause
    // (the cancel, when it was one: the writes it aborted failed because of it).
    throw cancelled ?? (state?.writes.failed ? state.writes.failure : error);
  }
}
