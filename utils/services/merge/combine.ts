/** The pure halves of merge and undo: what the kept person looks like after each. */
import { identityKey } from '../../db/schema';
import { MAX_NOTE, type Contact } from '../../model/records';
import type { MergeRecord } from '../../model/merge';

/** A name that is only one of the person's addresses: Tend had nothing better when it met them. */
const namedByAddress = (contact: Contact) => contact.identities.some((identity) => identity.value === contact.displayName);

/**
 * One person from two: the kept person's fields win, the merged person's fill the gaps; every
 * identity and tag of both is kept, and "what matters" keeps both texts when they differ.
 */
export function combineContacts(kept: Contact, merged: Contact, now: number): Contact {
  const keys = new Set(kept.identities.map(identityKey));
  const whatMatters =
    kept.whatMatters && merged.whatMatters && kept.whatMatters !== merged.whatMatters
      ? `${kept.whatMatters}\n\n${merged.whatMatters}`.slice(0, MAX_NOTE)
      : (kept.whatMatters ?? merged.whatMatters);
  const lastInteractionAt = Math.max(kept.lastInteractionAt ?? -1, merged.lastInteractionAt ?? -1);
  const combined: Contact = {
    ...merged,
    ...kept,
    displayName: namedByAddress(kept) && !namedByAddress(merged) ? merged.displayName : kept.displayName,
    identities: [...kept.identities, ...merged.identities.filter((identity) => !keys.has(identityKey(identity)))],
    tags: [...new Set([...kept.tags, ...merged.tags])],
    createdAt: Math.min(kept.createdAt, merged.createdAt),
    updatedAt: now,
  };
  // Optional fields: present only when one of the two had them (the spread above would keep `undefined`).
  for (const field of ['org', 'title', 'stage', 'cadenceDays'] as const) {
    const value = kept[field] ?? merged[field];
    if (value === undefined) delete combined[field];
    else (combined as Record<string, unknown>)[field] = value;
  }
  if (whatMatters === undefined) delete combined.whatMatters;
  else combined.whatMatters = whatMatters;
  if (lastInteractionAt < 0) delete combined.lastInteractionAt;
  else combined.lastInteractionAt = lastInteractionAt;
  return combined;
}

const FIELDS = ['displayName', 'org', 'title', 'tags', 'stage', 'whatMatters', 'cadenceDays', 'createdAt', 'lastInteractionAt'] as const;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The kept person after an undo: each field the merge changed goes back, unless the user edited
 * it since (then their edit stays); the identities that came from the merged person leave.
 * With no edit since the merge, this is the person exactly as before it.
 */
export function separateContacts(current: Contact, record: MergeRecord, movedBack: ReadonlySet<string>, now: number): Contact {
  const next: Record<string, unknown> = { ...current };
  let editedSince = false;
  for (const field of FIELDS) {
    if (!same(current[field], record.keptAfter[field])) {
      editedSince = true;
      continue;
    }
    if (record.keptBefore[field] === undefined) delete next[field];
    else next[field] = record.keptBefore[field];
  }
  const keptKeys = new Set(record.keptBefore.identities.map(identityKey));
  next.identities = current.identities.filter((identity) => keptKeys.has(identityKey(identity)) || !movedBack.has(identityKey(identity)));
  if (!same(current.identities, record.keptAfter.identities)) editedSince = true;
  next.updatedAt = editedSince ? now : record.keptBefore.updatedAt;
  return next as Contact;
}
