/**
 * Deleting a person, and undoing it. A delete removes the person, their identities, their
 * follow-ups, the drafts about them and their place in the timeline, in one transaction: entries only they had go with
 * them; entries shared with others stay for those others (only this person is taken off). What it
 * removed is kept, in the same transaction, as a record in the `snapshots` store, so an undo (even
 * after the worker restarted) writes back exactly the records that were there. Only the newest
 * delete can be undone, and only for UNDO_DELETE_KEEP_MS: a person the user wants forgotten does
 * not stay in the database for long.
 */
import { addContact, getContact, removeContact } from '../../db/contacts-repo';
import { addFollowUp, listFollowUpsOf, removeFollowUp } from '../../db/followups-repo';
import { addIdentityRow, identitiesOf, ownerOfIdentityKey, unlinkIdentityKey } from '../../db/identities-repo';
import { addInteraction, getInteraction, listAllEntriesOf, removeInteraction, setEntryPeople } from '../../db/interactions-repo';
import { identityKey, readTx, writeTx, type TendDatabase, type WriteTx } from '../../db/schema';
import { getSnapshot, listSnapshotsNamed, putSnapshot, removeSnapshot } from '../../db/snapshots-repo';
import { TendError } from '../../errors';
import { t } from '../../i18n';
import { MAX_ADDRESS } from '../../model/limits';
import { DeletionRecord, UNDO_DELETE_KEEP_MS, UNDO_DELETE_PREFIX, undoDeleteName } from '../../model/deletion';
import type { Contact, Settings } from '../../model/records';
import type { IdentityRecord } from '../../model/rows';
import { loadSettings, updateSettings } from '../settings/settings';
import { forgetPersonOnTabs, restoreTabRows, tabRowsOf } from '../../storage/tab-people';
import { putBackDraftsIn, takeDraftsOfPersonIn } from '../drafts/person-drafts';
import { abortWith } from '../followups/writes';
import { captureRulesFrom } from '../sightings/capture-rules';

const DELETE_STORES = ['contacts', 'identities', 'interactions', 'timeline', 'followUps', 'snapshots', 'drafts'] as const;

/** What a delete did, for the page that asked. */
export interface PersonDeleted {
  contactId: string;
  displayName: string;
  /** Addresses and profile URLs added to the never-record list. */
  neverRecorded: string[];
  /** Tabs whose list of people changed (the person was on them). */
  tabIds: number[];
}

/** What an undo brought back. */
export interface PersonRestored {
  contact: Contact;
  /** Addresses someone else holds since the delete: they stay with that person. */
  identitiesKept: string[];
  tabIds: number[];
}

/** The identities "never record again" adds: addresses and profile URLs not on the list yet (and short enough for it). */
function newlyNeverRecorded(identities: readonly IdentityRecord[], settings: Settings): string[] {
  const rules = captureRulesFrom(settings);
  return identities.flatMap(({ kind, value }) => {
    const listed = kind === 'email' ? rules.neverAddresses.has(value) : kind === 'url' ? rules.neverProfiles.has(value) : true;
    return listed || value.length > MAX_ADDRESS ? [] : [value];
  });
}

/** Add to, or take off, the never-record list (one settings change, after any under way). */
function changeNeverRecorded(db: TendDatabase, values: readonly string[], add: boolean): Promise<unknown> {
  if (values.length === 0) return Promise.resolve();
  const set = new Set(values);
  return updateSettings(db, (settings) => {
    const kept = settings.neverCapture.addresses.filter((entry) => !set.has(entry));
    const addresses = add ? [...kept, ...values] : kept;
    return { ...settings, neverCapture: { ...settings.neverCapture, addresses } };
  });
}

/**
 * Delete a person: their identities, follow-ups and timeline links go; entries only they had are
 * removed, shared ones stay for the others. With `neverRecord`, their addresses and profile URLs
 * join the never-record list so the next page does not bring them back.
 */
export async function deletePerson(db: TendDatabase, contactId: string, options: { neverRecord: boolean }, now: number): Promise<PersonDeleted> {
  // Read before the transaction: it cannot wait for chrome.storage (the tabs' rows).
  const [settings, tabRows] = await Promise.all([loadSettings(db), tabRowsOf(contactId)]);
  const tx = writeTx(db, [...DELETE_STORES]);
  const contact = await getContact(tx, contactId);
  if (!contact) return abortWith(tx, new TendError('not-found', t('errorPersonGone')));
  const [identities, followUps, entries, earlier] = await Promise.all([
    identitiesOf(tx, contactId),
    listFollowUpsOf(tx, contactId),
    listAllEntriesOf(tx, contactId),
    listSnapshotsNamed(tx, UNDO_DELETE_PREFIX),
  ]);
  const listing = entries.filter((entry) => entry.contactIds.includes(contactId));
  const shared = listing.filter((entry) => entry.contactIds.some((id) => id !== contactId));
  const onlyTheirs = listing.filter((entry) => !shared.includes(entry));
  const drafts = await takeDraftsOfPersonIn(tx, {
    contactId,
    followUpIds: new Set(followUps.map((followUp) => followUp.id)),
    entryIds: new Set(onlyTheirs.map((entry) => entry.id)),
  });
  const record: DeletionRecord = {
    deletedAt: now,
    contact,
    identities,
    followUps,
    removedEntries: onlyTheirs,
    sharedEntries: shared.map(({ id, contactIds }) => ({ id, contactIds })),
    neverRecorded: options.neverRecord ? newlyNeverRecorded(identities, settings) : [],
    tabRows,
    drafts,
  };
  await Promise.all([
    // Only the newest delete can be undone: an older one's records go now.
    ...earlier.map((snapshot) => removeSnapshot(tx, snapshot.name)),
    putSnapshot(tx, { name: undoDeleteName(contactId), seq: 0, savedAt: now, data: record }),
    ...onlyTheirs.map((entry) => removeInteraction(tx, entry.id)),
    ...shared.map((entry) =>
      setEntryPeople(
        tx,
        entry,
        entry.contactIds.filter((id) => id !== contactId),
      ),
    ),
    ...identities.map((row) => unlinkIdentityKey(tx, row.key, contactId)),
    ...followUps.map((followUp) => removeFollowUp(tx, followUp.id)),
  ]);
  // Last: it checks that nothing points at the person any more.
  await removeContact(tx, contactId);
  await tx.done;
  await changeNeverRecorded(db, record.neverRecorded, true);
  return { contactId, displayName: contact.displayName, neverRecorded: record.neverRecorded, tabIds: await forgetPersonOnTabs(contactId) };
}

/** A delete's undo record if it can still be used, else undefined (and the transaction drops an expired one). */
async function usableRecord(tx: WriteTx, contactId: string, now: number): Promise<DeletionRecord | undefined> {
  const saved = await getSnapshot(tx, undoDeleteName(contactId));
  if (!saved) return undefined;
  const parsed = DeletionRecord.safeParse(saved.data);
  if (parsed.success && now - parsed.data.deletedAt <= UNDO_DELETE_KEEP_MS) return parsed.data;
  await removeSnapshot(tx, saved.name);
  return undefined;
}

/**
 * Undo the delete of a person: they come back with their identities, follow-ups and entries, and
 * are put back on the entries they shared (those deleted since stay deleted). An address someone
 * else took since stays with them. Addresses the delete put on the never-record list come off it.
 */
export async function undoDeletePerson(db: TendDatabase, contactId: string, now: number): Promise<PersonRestored> {
  const tx = writeTx(db, [...DELETE_STORES]);
  const record = await usableRecord(tx, contactId, now);
  if (!record) {
    await tx.done; // keeps the drop of an expired record
    throw new TendError('not-found', t('errorUndoDeleteGone'));
  }
  if (await getContact(tx, contactId)) return abortWith(tx, new TendError('invalid', t('errorMergeBack', record.contact.displayName)));
  const owners = await Promise.all(record.identities.map((row) => ownerOfIdentityKey(tx, row.key)));
  const taken = record.identities.filter((_, i) => owners[i] !== undefined);
  const takenKeys = new Set(taken.map((row) => row.key));
  const contact: Contact =
    taken.length === 0
      ? record.contact
      : { ...record.contact, identities: record.contact.identities.filter((identity) => !takenKeys.has(identityKey(identity))) };
  await addContact(tx, contact);
  const current = await Promise.all(record.sharedEntries.map((entry) => getInteraction(tx, entry.id)));
  await Promise.all([
    ...record.identities.filter((row) => !takenKeys.has(row.key)).map((row) => addIdentityRow(tx, row)),
    ...record.followUps.map((followUp) => addFollowUp(tx, followUp)),
    ...record.removedEntries.map((entry) => addInteraction(tx, entry)),
    ...record.sharedEntries.map((before, i) => {
      const entry = current[i];
      if (!entry) return undefined; // deleted since
      const linked = new Set([...entry.contactIds, contactId]);
      // The entry's people in their order before the delete, then anyone linked since.
      return setEntryPeople(tx, entry, [...before.contactIds.filter((id) => linked.has(id)), ...linked]);
    }),
    putBackDraftsIn(tx, record.drafts),
    removeSnapshot(tx, undoDeleteName(contactId)),
  ]);
  await tx.done;
  await changeNeverRecorded(db, record.neverRecorded, false);
  return { contact, identitiesKept: taken.map((row) => row.value), tabIds: await restoreTabRows(record.tabRows) };
}

/** The delete the panel can still offer to undo: who, and whether their addresses went on the never-record list. */
export interface LastDeletion {
  contactId: string;
  displayName: string;
  neverRecorded: boolean;
  deletedAt: number;
}

/**
 * The newest delete that can still be undone, or null: a panel opened after the delete (closed and
 * opened again, another window) offers the same undo as the one that deleted. Reads only.
 */
export async function lastDeletion(db: TendDatabase, now: number): Promise<LastDeletion | null> {
  const saved = await listSnapshotsNamed(readTx(db, ['snapshots']), UNDO_DELETE_PREFIX);
  let newest: LastDeletion | null = null;
  for (const snapshot of saved) {
    const parsed = DeletionRecord.safeParse(snapshot.data);
    if (!parsed.success || now - parsed.data.deletedAt > UNDO_DELETE_KEEP_MS) continue;
    const { contact, neverRecorded, deletedAt } = parsed.data;
    if (!newest || deletedAt > newest.deletedAt)
      newest = { contactId: contact.id, displayName: contact.displayName, neverRecorded: neverRecorded.length > 0, deletedAt };
  }
  return newest;
}

/** Drop undo records older than UNDO_DELETE_KEEP_MS (at worker start: a delete is not kept for long). */
export async function dropExpiredUndoRecords(db: TendDatabase, now: number): Promise<void> {
  const expired = (await listSnapshotsNamed(readTx(db, ['snapshots']), UNDO_DELETE_PREFIX)).filter((snapshot) => now - snapshot.savedAt > UNDO_DELETE_KEEP_MS);
  if (expired.length === 0) return;
  const tx = writeTx(db, ['snapshots']);
  await Promise.all(expired.map((snapshot) => removeSnapshot(tx, snapshot.name)));
  await tx.done;
}
