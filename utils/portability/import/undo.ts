/** Taking an applied import back: what it added goes, what it changed returns to how it was. */
import { TendError } from '../../errors';
import { t } from '../../i18n';
import type { Contact } from '../../model/records';
import type { ImportChanges } from '../../model/import';
import { getContact, hasHistory, putContact, removeContact } from '../../db/contacts-repo';
import { unlinkIdentityKey } from '../../db/identities-repo';
import { getImport, markImportUndone } from '../../db/imports-repo';
import { removeInteraction } from '../../db/interactions-repo';
import { identityKey, writeTx, type WriteTx } from '../../db/schema';
import type { ImportsDatabase } from './store';
import { rollBack } from './roll-back';
import { sameRecord } from './same-record';

export interface UndoImportReport {
  removedContacts: number;
  removedIdentities: number;
  removedInteractions: number;
  restoredContacts: number;
  /** People the user worked on after the import: kept (or only partly restored), never lost. */
  kept: { contactId: string; displayName: string; reason: string }[];
}

const EDITABLE_FIELDS = ['displayName', 'org', 'title', 'whatMatters'] as const;

/**
 * Take back from a contact edited since the import only what the import added: its identities
 * and tags, and fields that still hold the value the import wrote.
 */
function withoutImportedParts(current: Contact, before: Contact, after: Contact, now: number): Contact {
  const addedKeys = new Set(after.identities.map(identityKey).filter((key) => !before.identities.some((i) => identityKey(i) === key)));
  const addedTags = new Set(after.tags.filter((tag) => !before.tags.includes(tag)));
  const result: Contact = {
    ...current,
    identities: current.identities.filter((identity) => !addedKeys.has(identityKey(identity))),
    tags: current.tags.filter((tag) => !addedTags.has(tag)),
    updatedAt: now,
  };
  for (const field of EDITABLE_FIELDS) {
    if (after[field] !== before[field] && current[field] === after[field]) {
      if (before[field] === undefined) delete result[field];
      else result[field] = before[field] as string;
    }
  }
  return result;
}

/** A report of nothing taken back yet. */
export const emptyUndoReport = (): UndoImportReport => ({ removedContacts: 0, removedIdentities: 0, removedInteractions: 0, restoredContacts: 0, kept: [] });

/**
 * Take back what an import wrote (its whole record for Undo, or one batch's share of it when an
 * import did not end well), inside `tx`: its new people, identities and notes removed, people it
 * added to restored. Work done since is kept: a new person who has since gained history or edits
 * stays (reported), and an edited person loses only what the import added.
 */
export async function takeBackImportChanges(tx: WriteTx, changes: ImportChanges, now: number, report: UndoImportReport): Promise<void> {
  for (const id of changes.addedInteractionIds) {
    if (await removeInteraction(tx, id)) report.removedInteractions++;
  }
  const keptIds = new Set<string>();
  const removedIds: string[] = [];
  for (const created of changes.createdContacts) {
    const current = await getContact(tx, created.id);
    if (!current) continue;
    if (!sameRecord(current, created) || (await hasHistory(tx, created.id))) {
      keptIds.add(created.id);
      report.kept.push({ contactId: created.id, displayName: current.displayName, reason: t('importUndoKeptLater') });
      continue;
    }
    removedIds.push(created.id);
  }
  for (const { before, after } of changes.changedContacts) {
    const current = await getContact(tx, after.id);
    if (!current) continue;
    if (sameRecord(current, after)) {
      await putContact(tx, before);
      report.restoredContacts++;
    } else {
      await putContact(tx, withoutImportedParts(current, before, after, now));
      report.kept.push({ contactId: after.id, displayName: current.displayName, reason: t('importUndoKeptEdited') });
    }
  }
  for (const { key, contactId } of changes.addedIdentities) {
    // The identity may have moved to someone else since (it stays), or belong to a person who was kept.
    if (keptIds.has(contactId)) continue;
    if (await unlinkIdentityKey(tx, key, contactId)) report.removedIdentities++;
  }
  // Last, once their identities are released: removeContact refuses a person anything still points at.
  for (const id of removedIds) {
    await removeContact(tx, id);
    report.removedContacts++;
  }
}

/** Undo an import in one transaction (see takeBackImportChanges), marking it undone in the history. */
export async function undoImport(db: ImportsDatabase, importId: string, now = Date.now()): Promise<UndoImportReport> {
  // Through the commit path: the change log, the search index, reminders and open pages follow it.
  const tx = writeTx(db, ['contacts', 'identities', 'interactions', 'timeline', 'followUps', 'imports']);
  const report = emptyUndoReport();
  try {
    const record = await getImport(tx, importId);
    if (!record) throw new TendError('not-found', t('importUndoNotFound'));
    if (record.undoneAt !== undefined) throw new TendError('invalid', t('importUndoAlready'));
    await takeBackImportChanges(tx, record, now, report);
    await markImportUndone(tx, record, now);
    await tx.done;
    return report;
  } catch (error) {
    await rollBack(tx);
    throw error;
  }
}
