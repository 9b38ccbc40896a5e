/**
 * Merging two people into one, and undoing it. A merge moves everything of the merged person to
 * the kept one (identities, timeline entries, follow-ups) in one transaction and records what
 * it moved; undo moves exactly that back. Nothing is ever deleted but the merged contact record,
 * which the merge record keeps a copy of.
 */
import { getContact, putContact } from '../../db/contacts-repo';
import { identityKey, writeTx, type TendDatabase, type WriteTx } from '../../db/schema';
import { TendError } from '../../errors';
import { t } from '../../i18n';
import { newId } from '../../ids';
import type { Contact } from '../../model/records';
import { combineContacts, separateContacts } from './combine';
import type { MergeRecord } from '../../model/merge';

const MERGE_STORES = ['contacts', 'identities', 'interactions', 'timeline', 'followUps', 'merges'] as const;

async function fail(tx: WriteTx, code: 'invalid' | 'not-found', message: string): Promise<never> {
  tx.abort();
  await tx.done.catch(() => undefined);
  throw new TendError(code, message);
}

/** The ids of a person's timeline entries (keys only: no entry is read twice). */
async function timelineEntryIds(tx: WriteTx, contactId: string): Promise<string[]> {
  const keys = await tx.objectStore('timeline').getAllKeys(IDBKeyRange.bound([contactId, -Infinity, ''], [contactId, Infinity, '\uffff']));
  return [...new Set(keys.map(([, , entryId]) => entryId))];
}

/** Merge `mergeId` into `keepId`; returns the merge's id (for undo) and the person as they are now. */
export async function mergeContacts(db: TendDatabase, keepId: string, mergeId: string, now: number): Promise<{ mergeId: string; contact: Contact }> {
  if (keepId === mergeId) throw new TendError('invalid', t('errorMergeSelf'));
  const tx = writeTx(db, [...MERGE_STORES]);
  const [kept, merged] = await Promise.all([getContact(tx, keepId), getContact(tx, mergeId)]);
  if (!kept || !merged) return fail(tx, 'not-found', t('errorPeopleGoneNotMerged'));
  const entryIds = await timelineEntryIds(tx, mergeId);
  const entries = (await Promise.all(entryIds.map((id) => tx.objectStore('interactions').get(id)))).filter((e) => e !== undefined);
  const identityRows = await tx.objectStore('identities').index('by-contact').getAll(mergeId);
  const followUps = await tx.objectStore('followUps').index('by-contact').getAll(mergeId);
  const contact = combineContacts(kept, merged, now);
  const record: MergeRecord = {
    id: newId(now),
    at: now,
    keptId: keepId,
    mergedId: mergeId,
    keptBefore: kept,
    mergedBefore: merged,
    keptAfter: contact,
    movedIdentityKeys: identityRows.map((row) => row.key),
    entries: entries.map((entry) => ({ id: entry.id, at: entry.at, contactIds: entry.contactIds })),
    followUpIds: followUps.map((followUp) => followUp.id),
  };
  const timeline = tx.objectStore('timeline');
  await Promise.all([
    putContact(tx, contact),
    tx.objectStore('contacts').delete(mergeId),
    ...identityRows.map((row) => tx.objectStore('identities').put({ ...row, contactId: keepId })),
    ...entries.flatMap((entry) => [
      tx.objectStore('interactions').put({ ...entry, contactIds: [...new Set(entry.contactIds.map((id) => (id === mergeId ? keepId : id)))] }),
      timeline.delete([mergeId, entry.at, entry.id]),
      timeline.put({ contactId: keepId, at: entry.at, interactionId: entry.id }),
    ]),
    ...followUps.map((followUp) => tx.objectStore('followUps').put({ ...followUp, contactId: keepId })),
    tx.objectStore('merges').add(record),
  ]);
  await tx.done;
  return { mergeId: record.id, contact };
}

/**
 * Undo a merge: the merged person comes back as they were, with their identities, entries and
 * follow-ups; the kept person loses only what the merge gave them. Entries and edits made since
 * the merge stay with the kept person.
 */
export async function undoMerge(db: TendDatabase, mergeId: string, now: number): Promise<{ kept: Contact; restored: Contact }> {
  const tx = writeTx(db, [...MERGE_STORES]);
  const record = await tx.objectStore('merges').get(mergeId);
  if (!record) return fail(tx, 'not-found', t('errorMergeNotRecorded'));
  if (record.undoneAt !== undefined) return fail(tx, 'invalid', t('errorMergeUndone'));
  const { keptId, mergedId } = record;
  const current = await getContact(tx, keptId);
  if (!current) return fail(tx, 'not-found', t('errorMergeKeptGone', record.keptBefore.displayName));
  if (await getContact(tx, mergedId)) return fail(tx, 'invalid', t('errorMergeBack', record.mergedBefore.displayName));

  // Identities still on the kept person go back; one removed since the merge stays removed.
  const identities = tx.objectStore('identities');
  const movedBack = new Set<string>();
  for (const key of record.movedIdentityKeys) {
    const row = await identities.get(key);
    if (row?.contactId !== keptId) continue;
    await identities.put({ ...row, contactId: mergedId });
    movedBack.add(key);
  }
  const mergedKeys = new Set(record.movedIdentityKeys);
  const restored: Contact = {
    ...record.mergedBefore,
    identities: record.mergedBefore.identities.filter((identity) => !mergedKeys.has(identityKey(identity)) || movedBack.has(identityKey(identity))),
  };
  const kept = separateContacts(current, record, movedBack, now);

  const timeline = tx.objectStore('timeline');
  for (const before of record.entries) {
    const entry = await tx.objectStore('interactions').get(before.id);
    if (!entry) continue; // deleted since the merge
    const linked = new Set(entry.contactIds);
    if (!before.contactIds.includes(keptId)) {
      linked.delete(keptId);
      await timeline.delete([keptId, entry.at, entry.id]);
    }
    linked.add(mergedId);
    // The entry's people in their original order, then anyone linked since.
    const contactIds = [...new Set([...before.contactIds.filter((id) => linked.has(id)), ...linked])];
    await tx.objectStore('interactions').put({ ...entry, contactIds });
    await timeline.put({ contactId: mergedId, at: entry.at, interactionId: entry.id });
  }
  for (const id of record.followUpIds) {
    const followUp = await tx.objectStore('followUps').get(id);
    if (followUp?.contactId === keptId) await tx.objectStore('followUps').put({ ...followUp, contactId: mergedId });
  }
  await putContact(tx, kept);
  await putContact(tx, restored);
  await tx.objectStore('merges').put({ ...record, undoneAt: now });
  await tx.done;
  return { kept, restored };
}
