/**
 * The pure half of applying a merge fact to late records: the merged person's document, revived
 * by an edit made on a device that did not know of the merge yet, folded into the kept person's,
 * and an entry or follow-up of the merged person pointed at the kept one. Each is a function of
 * the documents and the merge record only, so every device that does it writes the same document.
 */
import { identityKey } from '../../db/schema';
import type { MergeRecord } from '../../model/merge';
import type { Contact, FollowUp, Interaction } from '../../model/records';
import { sameValue, type FieldTimes, type SyncedRecord } from './documents';
import { mergeVersions, type Merged } from './merge';

type ContactDoc = Extract<SyncedRecord, { kind: 'contact' }>;
type FollowUpDoc = Extract<SyncedRecord, { kind: 'followup' }>;

/** The fields a user edits on a card: the ones an edit of the merged person can bring to the kept one. */
const EDITABLE = ['displayName', 'org', 'title', 'tags', 'stage', 'whatMatters', 'cadenceDays'] as const;

/**
 * The kept person's document with the merged person's late edits in it: each field the merged
 * person changed since the merge took them (it differs from `mergedBefore`) competes with the
 * kept person's by the time of its change, as any two versions do (the newest wins; a losing
 * "What matters" text is returned to be kept in the history). Addresses only grow: every address
 * of the merged person ends with the kept one.
 */
export function foldMergedPerson(merge: MergeRecord, merged: ContactDoc, kept: ContactDoc): Merged {
  const late: Record<string, unknown> = { ...kept.record };
  // Fields the merged person did not change carry time 0: the kept person's value stands.
  const times: FieldTimes = Object.fromEntries(Object.keys(kept.fieldsAt).map((field) => [field, 0]));
  for (const field of EDITABLE) {
    if (sameValue(merged.record[field], merge.mergedBefore[field])) continue;
    if (merged.record[field] === undefined) delete late[field];
    else late[field] = merged.record[field];
    times[field] = merged.fieldsAt[field] ?? merged.record.updatedAt;
  }
  late.lastInteractionAt = Math.max(kept.record.lastInteractionAt ?? -1, merged.record.lastInteractionAt ?? -1);
  if ((late.lastInteractionAt as number) < 0) delete late.lastInteractionAt;
  const result = mergeVersions(kept, { kind: 'contact', record: late as Contact, fieldsAt: times });
  const contact = result.synced.record as Contact;
  const keys = new Set(contact.identities.map(identityKey));
  const added = merged.record.identities.filter((identity) => !keys.has(identityKey(identity)));
  if (added.length === 0) return result;
  const fieldsAt = { ...(result.synced as ContactDoc).fieldsAt, identities: Math.max(kept.fieldsAt.identities ?? 0, merged.fieldsAt.identities ?? 0) };
  return { ...result, synced: { kind: 'contact', record: { ...contact, identities: [...contact.identities, ...added] }, fieldsAt } };
}

/** An entry's people with each merged-away person replaced by whom they were merged into (no one twice). */
export function redirectedPeople(contactIds: readonly string[], keptOf: (id: string) => string): string[] {
  return [...new Set(contactIds.map(keptOf))];
}

/** An entry of the merged person, pointed at the kept one. */
export function redirectEntry(entry: Interaction, keptOf: (id: string) => string): Interaction {
  return { ...entry, contactIds: redirectedPeople(entry.contactIds, keptOf) };
}

/**
 * A follow-up of the merged person, pointed at the kept one. Its person counts as changed after
 * both the merge and the follow-up's last move, so this version wins a conflict with the one that
 * still names the merged person.
 */
export function redirectFollowUp(doc: FollowUpDoc, keptId: string, merge: MergeRecord): FollowUpDoc {
  const record: FollowUp = { ...doc.record, contactId: keptId };
  return { kind: 'followup', record, fieldsAt: { ...doc.fieldsAt, contactId: Math.max((doc.fieldsAt.contactId ?? 0) + 1, merge.at) } };
}
