/**
 * Merging two people into one, and undoing it. A merge moves everything of the merged person to
 * the kept one (identities, timeline entries, follow-ups) in one transaction and records what
 * it moved; undo moves exactly that back. Nothing is ever deleted but the merged contact record,
 * which the merge record keeps a copy of (and timeline links under their id to entries already
 * gone: see removeContact).
 */
import { getContact, putContact, removeContact } from '../../db/contacts-repo';
import { moveAllFollowUps, moveFollowUp } from '../../db/followups-repo';
import { moveAllIdentities, moveIdentity } from '../../db/identities-repo';
import { getInteraction, listAllEntriesOf, relinkEntry, setEntryPeople } from '../../db/interactions-repo';
import { addMerge, getMerge, markMergeUndone } from '../../db/merges-repo';
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

/** Merge `mergeId` into `keepId`; returns the merge's id (for undo) and the person as they are now. */
export async function mergeContacts(db: TendDatabase, keepId: string, mergeId: string, now: number): Promise<{ mergeId: string; contact: Contact }> {
  if (keepId === mergeId) throw new TendError('invalid', t('errorMergeSelf'));
  const tx = writeTx(db, [...MERGE_STORES]);
  const [kept, merged] = await Promise.all([getContact(tx, keepId), getContact(tx, mergeId)]);
  if (!kept || !merged) return fail(tx, 'not-found', t('errorPeopleGoneNotMerged'));
  const entries = await listAllEntriesOf(tx, mergeId);
  const contact = combineContacts(kept, merged, now);
  const moves = Promise.all([putContact(tx, contact), ...entries.map((entry) => relinkEntry(tx, entry, mergeId, keepId))]);
  const [movedIdentityKeys, followUpIds] = await Promise.all([moveAllIdentities(tx, mergeId, keepId), moveAllFollowUps(tx, mergeId, keepId), moves]);
  const record: MergeRecord = {
    id: newId(now),
    at: now,
    keptId: keepId,
    mergedId: mergeId,
    keptBefore: kept,
    mergedBefore: merged,
    keptAfter: contact,
    movedIdentityKeys,
    entries: entries.map((entry) => ({ id: entry.id, at: entry.at, contactIds: entry.contactIds })),
    followUpIds,
  };
  await addMerge(tx, record);
  // Last: it checks that nothing points at the merged person any more.
  await removeContact(tx, mergeId);
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
  const record = await getMerge(tx, mergeId);
  if (!record) return fail(tx, 'not-found', t('errorMergeNotRecorded'));
  if (record.undoneAt !== undefined) return fail(tx, 'invalid', t('errorMergeUndone'));
  const { keptId, mergedId } = record;
  const current = await getContact(tx, keptId);
  if (!current) return fail(tx, 'not-found', t('errorMergeKeptGone', record.keptBefore.displayName));
  if (await getContact(tx, mergedId)) return fail(tx, 'invalid', t('errorMergeBack', record.mergedBefore.displayName));

  // Identities still on the kept person go back; one removed since the merge stays removed.
  const movedBack = new Set<string>();
  for (const key of record.movedIdentityKeys) if (await moveIdentity(tx, key, keptId, mergedId)) movedBack.add(key);
  const mergedKeys = new Set(record.movedIdentityKeys);
  const restored: Contact = {
    ...record.mergedBefore,
    identities: record.mergedBefore.identities.filter((identity) => !mergedKeys.has(identityKey(identity)) || movedBack.has(identityKey(identity))),
  };
  const kept = separateContacts(current, record, movedBack, now);

  for (const before of record.entries) {
    const entry = await getInteraction(tx, before.id);
    if (!entry) continue; // deleted since the merge
    const linked = new Set(entry.contactIds);
    if (!before.contactIds.includes(keptId)) linked.delete(keptId);
    linked.add(mergedId);
    // The entry's people in their original order, then anyone linked since.
    await setEntryPeople(tx, entry, [...before.contactIds.filter((id) => linked.has(id)), ...linked]);
  }
  for (const id of record.followUpIds) await moveFollowUp(tx, id, keptId, mergedId);
  await putContact(tx, kept);
  await putContact(tx, restored);
  await markMergeUndone(tx, record, now);
  await tx.done;
  return { kept, restored };
}
