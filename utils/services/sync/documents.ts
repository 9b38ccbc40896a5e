/**
 * Tend's records as replicated documents, and back. Ids are deterministic (`contact:<id>`,
 * `entry:<id>`, `followup:<id>`), so copying a record twice writes one document. Contacts and
 * follow-ups carry `fieldsAt`, field -> time of that field's last change, for per-field merges.
 * A document from the server is checked with the same schemas a restore uses; anything else is
 * rejected, never applied.
 */
import { z } from 'zod';
import { Contact, EpochMs, FollowUp, Interaction } from '../../model/records';
import type { LoggedStore } from '../../model/rows';
import { normalIdentities } from '../../portability/backup/normalise';

/** The kinds of record sync replicates, by the store that holds them. */
export const KIND_OF_STORE = { contacts: 'contact', interactions: 'entry', followUps: 'followup' } as const satisfies Record<LoggedStore, string>;
export type SyncKind = (typeof KIND_OF_STORE)[LoggedStore];
/** The store of each kind. */
export const STORE_OF_KIND: Record<SyncKind, LoggedStore> = { contact: 'contacts', entry: 'interactions', followup: 'followUps' };

/** Field -> when it last changed (epoch ms). */
export type FieldTimes = Record<string, number>;

/** A record as the documents of a replica hold it. */
export type SyncedRecord =
  | { kind: 'contact'; record: Contact; fieldsAt: FieldTimes }
  | { kind: 'entry'; record: Interaction }
  | { kind: 'followup'; record: FollowUp; fieldsAt: FieldTimes };

/** A document of the replica: its id and revision, and the record it carries. */
export type RecordDocument = SyncedRecord & { _id: string; _rev?: string };

/** A server's document larger than this (as JSON) is rejected unread: no Tend record comes near it. */
export const MAX_DOCUMENT_CHARS = 512 * 1024;

/** The document id of a record. */
export const documentId = (kind: SyncKind, id: string): string => `${kind}:${id}`;

/** The kind and record id a document id names, or undefined for an id that is not Tend's. */
export function parseDocumentId(docId: string): { kind: SyncKind; id: string } | undefined {
  const colon = docId.indexOf(':');
  const kind = docId.slice(0, colon) as SyncKind;
  return colon > 0 && kind in STORE_OF_KIND ? { kind, id: docId.slice(colon + 1) } : undefined;
}

const FIELD_TIMES = z.record(z.string().max(64), EpochMs).refine((times) => Object.keys(times).length <= 64);
const INCOMING = {
  contact: z.object({ kind: z.literal('contact'), record: Contact, fieldsAt: FIELD_TIMES }),
  entry: z.object({ kind: z.literal('entry'), record: Interaction }),
  followup: z.object({ kind: z.literal('followup'), record: FollowUp, fieldsAt: FIELD_TIMES }),
};

/** What reading a server's document gave: a record to apply, a deletion, or a rejection with its reason. */
export type ReadDocument =
  { ok: true; deleted: false; synced: SyncedRecord } | { ok: true; deleted: true; kind: SyncKind; id: string } | { ok: false; reason: string };

/** Check a document from the replica (anything a server sent) before anything of it is applied. */
export function readDocument(doc: unknown): ReadDocument {
  if (typeof doc !== 'object' || doc === null) return { ok: false, reason: 'not an object' };
  const { _id: docId, _deleted: deleted } = doc as { _id?: unknown; _deleted?: unknown };
  const named = typeof docId === 'string' ? parseDocumentId(docId) : undefined;
  if (!named) return { ok: false, reason: 'not a Tend document' };
  if (deleted === true) return { ok: true, deleted: true, ...named };
  if (JSON.stringify(doc).length > MAX_DOCUMENT_CHARS) return { ok: false, reason: 'too large' };
  const parsed = INCOMING[named.kind].safeParse(doc);
  if (!parsed.success) return { ok: false, reason: parsed.error.issues[0]?.message ?? 'invalid' };
  if (parsed.data.record.id !== named.id) return { ok: false, reason: 'id does not match' };
  const synced = parsed.data as SyncedRecord;
  if (synced.kind === 'contact') {
    // Addresses as Tend stores them, as a restore does: another writer's spelling must not make a second person.
    return { ok: true, deleted: false, synced: { ...synced, record: { ...synced.record, identities: normalIdentities(synced.record.identities).identities } } };
  }
  return { ok: true, deleted: false, synced };
}

/**
 * The document for a record as Tend holds it now. For contacts and follow-ups each field that
 * differs from `previous` (the replica's current document) is stamped with `at`, the time of the
 * local change; unchanged fields keep their time. Returns undefined when nothing differs.
 */
export function toDocument(kind: SyncKind, record: Contact | Interaction | FollowUp, previous: SyncedRecord | undefined, at: number): SyncedRecord | undefined {
  if (previous && sameValue(previous.record, record)) return undefined;
  if (kind === 'entry') return { kind, record: record as Interaction };
  const before = previous?.kind === kind ? previous : undefined;
  const fieldsAt = stampedFields(before?.record as Record<string, unknown> | undefined, record as Record<string, unknown>, before?.fieldsAt ?? {}, at);
  return kind === 'contact' ? { kind, record: record as Contact, fieldsAt } : { kind, record: record as FollowUp, fieldsAt };
}

/** Field times after a change from `before` to `after` at `at`. */
export function stampedFields(before: Record<string, unknown> | undefined, after: Record<string, unknown>, times: FieldTimes, at: number): FieldTimes {
  const stamped: FieldTimes = {};
  for (const field of new Set([...Object.keys(before ?? {}), ...Object.keys(after)])) {
    if (field === 'id') continue;
    const unchanged = before !== undefined && sameValue(before[field], after[field]);
    stamped[field] = unchanged ? (times[field] ?? at) : at;
  }
  return stamped;
}

/** True when two JSON values are equal (key order aside). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a).filter((key) => (a as Record<string, unknown>)[key] !== undefined);
  const keysB = Object.keys(b).filter((key) => (b as Record<string, unknown>)[key] !== undefined);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) => sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}
