/**
 * How two versions of one record become one, the same way on every device (so two devices that
 * resolve the same conflict write the same document, hence the same revision): contacts and
 * follow-ups field by field, the newest change of each field winning; entries whole, the newest
 * edit winning. Ties go to the larger value as JSON, which every device computes alike.
 */
import type { Contact, FollowUp, Interaction } from '../../model/records';
import { sameValue, type FieldTimes, type SyncedRecord } from './documents';

/** Two versions of a record merged, and the "What matters" text that lost (to be kept in the history). */
export interface Merged {
  synced: SyncedRecord;
  /** A contact's "What matters" text that the merge replaced: never dropped. */
  lostWhatMatters?: string;
}

/** Merge two versions of the same record (same kind, same id). */
export function mergeVersions(a: SyncedRecord, b: SyncedRecord): Merged {
  if (a.kind === 'entry' && b.kind === 'entry') return { synced: { kind: 'entry', record: newerEntry(a.record, b.record) } };
  if (a.kind === 'contact' && b.kind === 'contact') {
    const { record, fieldsAt } = mergeFields(a.record, a.fieldsAt, b.record, b.fieldsAt);
    const contact = record as Contact;
    // Facts that only grow: the earliest creation and the latest interaction, whatever each side says.
    contact.createdAt = Math.min(a.record.createdAt, b.record.createdAt);
    const last = Math.max(a.record.lastInteractionAt ?? -1, b.record.lastInteractionAt ?? -1);
    if (last >= 0) contact.lastInteractionAt = last;
    contact.updatedAt = Math.max(a.record.updatedAt, b.record.updatedAt);
    const lost = [a.record.whatMatters, b.record.whatMatters].find((text) => text?.trim() && text !== contact.whatMatters);
    return { synced: { kind: 'contact', record: contact, fieldsAt }, ...(lost && { lostWhatMatters: lost }) };
  }
  if (a.kind === 'followup' && b.kind === 'followup') {
    const { record, fieldsAt } = mergeFields(a.record, a.fieldsAt, b.record, b.fieldsAt);
    return { synced: { kind: 'followup', record: record as FollowUp, fieldsAt } };
  }
  throw new Error(`Tend: cannot merge a ${a.kind} with a ${b.kind}`);
}

/** Per field, the value changed last (ties: the larger as JSON); a field absent on the winning side stays absent. */
function mergeFields<R extends object>(a: R, aTimes: FieldTimes, b: R, bTimes: FieldTimes): { record: R; fieldsAt: FieldTimes } {
  const av = a as Record<string, unknown>;
  const bv = b as Record<string, unknown>;
  const record: Record<string, unknown> = { id: av.id };
  const fieldsAt: FieldTimes = {};
  for (const field of [...new Set([...Object.keys(av), ...Object.keys(bv)])].sort()) {
    if (field === 'id') continue;
    const ta = aTimes[field] ?? 0;
    const tb = bTimes[field] ?? 0;
    const takeA = ta !== tb ? ta > tb : sameValue(av[field], bv[field]) || jsonOf(av[field]) > jsonOf(bv[field]);
    const value = takeA ? av[field] : bv[field];
    if (value !== undefined) record[field] = value;
    fieldsAt[field] = Math.max(ta, tb);
  }
  return { record: record as R, fieldsAt };
}

/** The entry edited (or, never edited, created) last; ties: the larger as JSON. */
function newerEntry(a: Interaction, b: Interaction): Interaction {
  const ta = a.editedAt ?? a.createdAt;
  const tb = b.editedAt ?? b.createdAt;
  if (ta !== tb) return ta > tb ? a : b;
  return jsonOf(a) >= jsonOf(b) ? a : b;
}

const jsonOf = (value: unknown): string => (value === undefined ? '' : JSON.stringify(value));
