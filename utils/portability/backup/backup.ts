/**
 * Backup and restore. Export reads every store in one transaction; restore writes in one
 * transaction, merging by id: a record Tend already has wins unless identical, and each such
 * difference is reported as a conflict. The timeline is rebuilt from restored interactions.
 */
import { identityKey, writeTx, type TendDatabase, type WriteTx } from '../../db/schema';
import { readWholeStores } from '../../db/all-stores-repo';
import { addContact, contactExists, getContact } from '../../db/contacts-repo';
import { addFollowUp, getFollowUp } from '../../db/followups-repo';
import { addIdentityRow, identityOwners } from '../../db/identities-repo';
import { t } from '../../i18n';
import type { Contact, FollowUp, Interaction, Settings } from '../../model/records';
import { addInteraction, getInteraction, hasDedupeKey } from '../../db/interactions-repo';
import { backupOf, type Backup, type IdentityRow } from './format';
import { readBackup, type InvalidRecord, type RestoredStore } from './read';
import { rollBack } from '../import/roll-back';
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
}

/** Everything Tend stores, as one backup object (JSON-serialisable). */
export async function exportBackup(db: TendDatabase, settings: Settings, now = Date.now()): Promise<Backup> {
  const { contacts, identities, interactions, followUps } = await readWholeStores(db, ['contacts', 'identities', 'interactions', 'followUps']);
  return backupOf({ contacts, identities, interactions, followUps, settings }, now);
}

const zeroCounts = (): Counts => ({ contacts: 0, identities: 0, interactions: 0, followUps: 0 });

/** What the restore steps share: the transaction, the report, and who holds which identity. */
interface RestoreState {
  tx: WriteTx;
  report: RestoreReport;
  /** Identity key -> contact id, as the database has it (updated as rows are restored). */
  owners: Map<string, string>;
  /** Identity keys already reported as taken while restoring contacts. */
  reportedTaken: Set<string>;
  /** Contacts Tend already had, kept as they are. */
  keptAsIs: Map<string, Contact>;
}

async function restoreContacts(state: RestoreState, records: Contact[]): Promise<void> {
  const { tx, report, owners } = state;
  for (const contact of records) {
    const existing = await getContact(tx, contact.id);
    if (existing) {
      if (sameRecord(existing, contact)) report.unchanged.contacts++;
      else report.conflicts.push({ store: 'contacts', id: contact.id, reason: t('restoreConflictPerson') });
      state.keptAsIs.set(contact.id, existing);
      continue;
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
    await addContact(tx, taken.length ? { ...contact, identities: contact.identities.filter((i) => !taken.includes(i)) } : contact);
    report.added.contacts++;
  }
}

async function restoreIdentities(state: RestoreState, rows: IdentityRow[]): Promise<void> {
  const { tx, report, owners } = state;
  for (const row of rows) {
    const owner = owners.get(row.key);
    if (owner !== undefined) {
      if (owner === row.contactId) report.unchanged.identities++;
      else if (!state.reportedTaken.has(row.key)) report.conflicts.push({ store: 'identities', id: row.key, reason: t('restoreConflictIdentity') });
      continue;
    }
    if (!(await contactExists(tx, row.contactId))) {
      report.conflicts.push({ store: 'identities', id: row.key, reason: t('restoreConflictIdentityOrphan') });
      continue;
    }
    // Rows may not point at a kept contact unless it (as Tend has it) lists that identity too.
    const kept = state.keptAsIs.get(row.contactId);
    if (kept && !kept.identities.some((identity) => identityKey(identity) === row.key)) {
      report.conflicts.push({ store: 'identities', id: row.key, reason: t('restoreConflictIdentityDropped') });
      continue;
    }
    await addIdentityRow(tx, row);
    owners.set(row.key, row.contactId);
    report.added.identities++;
  }
}

async function restoreInteractions(state: RestoreState, records: Interaction[]): Promise<void> {
  const { tx, report } = state;
  for (const interaction of records) {
    const existing = await getInteraction(tx, interaction.id);
    if (existing) {
      if (sameRecord(existing, interaction)) report.unchanged.interactions++;
      else report.conflicts.push({ store: 'interactions', id: interaction.id, reason: t('restoreConflictEntry') });
      continue;
    }
    // The dedupe index is unique: the same automatic entry under another id would fail the transaction.
    if (interaction.dedupeKey !== undefined && (await hasDedupeKey(tx, interaction.dedupeKey))) {
      report.conflicts.push({ store: 'interactions', id: interaction.id, reason: t('restoreConflictSighting') });
      continue;
    }
    // Through the repo: it also writes the timeline links, which the backup does not carry.
    await addInteraction(tx, interaction);
    report.added.interactions++;
  }
}

async function restoreFollowUps(state: RestoreState, records: FollowUp[]): Promise<void> {
  const { tx, report } = state;
  for (const followUp of records) {
    const existing = await getFollowUp(tx, followUp.id);
    if (existing) {
      if (sameRecord(existing, followUp)) report.unchanged.followUps++;
      else report.conflicts.push({ store: 'followUps', id: followUp.id, reason: t('restoreConflictFollowUp') });
      continue;
    }
    await addFollowUp(tx, followUp);
    report.added.followUps++;
  }
}

/**
 * Restore a backup (as parsed JSON) in one transaction. Into an empty database it reproduces
 * every record exactly; into a used one it adds what is missing and reports what differs.
 */
export async function restoreBackup(db: TendDatabase, backup: unknown): Promise<RestoreReport> {
  const data = readBackup(backup);
  const report: RestoreReport = { added: zeroCounts(), unchanged: zeroCounts(), conflicts: [], invalid: data.invalid, settings: data.settings };
  // Through the commit path: the change log, the search index, reminders and open pages follow it.
  const tx: WriteTx = writeTx(db, ['contacts', 'identities', 'interactions', 'timeline', 'followUps']);
  try {
    const owners = await identityOwners(tx);
    const state: RestoreState = { tx, report, owners, reportedTaken: new Set(), keptAsIs: new Map() };
    await restoreContacts(state, data.contacts);
    await restoreIdentities(state, data.identities);
    await restoreInteractions(state, data.interactions);
    await restoreFollowUps(state, data.followUps);
    await tx.done;
    return report;
  } catch (error) {
    await rollBack(tx);
    throw error;
  }
}
