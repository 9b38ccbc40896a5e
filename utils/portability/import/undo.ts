/** Taking an applied import back: what it added goes, what it changed returns to how it was. */
import { TendError } from '../../errors';
import { t } from '../../i18n';
import type { Contact } from '../../model/records';
import { identityKey, writeTx } from '../../db/schema';
import type { ImportsDatabase, ImportsTx } from './store';
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

async function hasOwnHistory(tx: ImportsTx<'readwrite'>, contactId: string): Promise<boolean> {
  const range = IDBKeyRange.bound([contactId, -Infinity, ''], [contactId, Infinity, '\uffff']);
  const links = await tx.objectStore('timeline').count(range);
  const followUps = await tx.objectStore('followUps').index('by-contact').count(contactId);
  return links + followUps > 0;
}

/**
 * Undo an import in one transaction: its new people, identities and notes removed, people it
 * added to restored. Work done since is kept: a new person who has since gained history or
 * edits stays (reported), and an edited person loses only what the import added.
 */
export async function undoImport(db: ImportsDatabase, importId: string, now = Date.now()): Promise<UndoImportReport> {
  // Through the commit path: the change log, the search index, reminders and open pages follow it.
  const tx: ImportsTx<'readwrite'> = writeTx(db, ['contacts', 'identities', 'interactions', 'timeline', 'followUps', 'imports']);
  const report: UndoImportReport = { removedContacts: 0, removedIdentities: 0, removedInteractions: 0, restoredContacts: 0, kept: [] };
  try {
    const record = await tx.objectStore('imports').get(importId);
    if (!record) throw new TendError('not-found', t('importUndoNotFound'));
    if (record.undoneAt !== undefined) throw new TendError('invalid', t('importUndoAlready'));
    const contacts = tx.objectStore('contacts');
    const identities = tx.objectStore('identities');
    for (const id of record.addedInteractionIds) {
      const interaction = await tx.objectStore('interactions').get(id);
      if (!interaction) continue;
      await tx.objectStore('interactions').delete(id);
      for (const contactId of interaction.contactIds) await tx.objectStore('timeline').delete([contactId, interaction.at, id]);
      report.removedInteractions++;
    }
    const keptIds = new Set<string>();
    for (const created of record.createdContacts) {
      const current = await contacts.get(created.id);
      if (!current) continue;
      if (!sameRecord(current, created) || (await hasOwnHistory(tx, created.id))) {
        keptIds.add(created.id);
        report.kept.push({ contactId: created.id, displayName: current.displayName, reason: t('importUndoKeptLater') });
        continue;
      }
      await contacts.delete(created.id);
      report.removedContacts++;
    }
    for (const { before, after } of record.changedContacts) {
      const current = await contacts.get(after.id);
      if (!current) continue;
      if (sameRecord(current, after)) {
        await contacts.put(before);
        report.restoredContacts++;
      } else {
        await contacts.put(withoutImportedParts(current, before, after, now));
        report.kept.push({ contactId: after.id, displayName: current.displayName, reason: t('importUndoKeptEdited') });
      }
    }
    for (const { key, contactId } of record.addedIdentities) {
      const row = await identities.get(key);
      // The identity may have moved to someone else since, or belong to a person who was kept.
      if (!row || row.contactId !== contactId || keptIds.has(contactId)) continue;
      await identities.delete(key);
      report.removedIdentities++;
    }
    await tx.objectStore('imports').put({ ...record, undoneAt: now });
    await tx.done;
    return report;
  } catch (error) {
    await rollBack(tx);
    throw error;
  }
}
