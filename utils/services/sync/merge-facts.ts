/**
 * Merges as facts (issue 18: "merges are facts that every device applies the same way"). A merge
 * record travels as a `merge:<id>` document carrying the whole record, so every device holds it
 * (it can be undone there too) and can redirect what still points at the merged person
 * (redirect.ts). A merge record only grows: entries and follow-ups redirected into it later, and
 * the time it was undone, once. Two versions of it are merged by union, the same on every device.
 */
import { getMerge, listAllMerges, putMerge } from '../../db/merges-repo';
import { readTx, type TendDatabase, type WriteTx } from '../../db/schema';
import { MergeDocument, type MergeRecord } from '../../model/merge';
import { MAX_DOCUMENT_CHARS, sameValue } from './documents';
import type { Replica } from './replicas';

const PREFIX = 'merge:';

/** The document id of a merge record. */
export const mergeDocumentId = (id: string): string => `${PREFIX}${id}`;

/** True for the id of a merge document. */
export const isMergeDocumentId = (docId: string): boolean => docId.startsWith(PREFIX);

/** What reading a merge document gave: the record, or why it was rejected. */
export type ReadMerge = { ok: true; record: MergeRecord } | { ok: false; reason: string };

/** Check a merge document from the replica (anything a server sent) before any of it is applied. */
export function readMergeDocument(doc: unknown): ReadMerge {
  if (typeof doc !== 'object' || doc === null) return { ok: false, reason: 'not an object' };
  const { _id: docId, _deleted: deleted } = doc as { _id?: unknown; _deleted?: unknown };
  if (typeof docId !== 'string' || !isMergeDocumentId(docId)) return { ok: false, reason: 'not a merge document' };
  // Tend never deletes a merge (an undo is `undoneAt`): a deleted one is not a fact to apply.
  if (deleted === true) return { ok: false, reason: 'a merge is never deleted' };
  if (JSON.stringify(doc).length > MAX_DOCUMENT_CHARS) return { ok: false, reason: 'too large' };
  const parsed = MergeDocument.safeParse(doc);
  if (!parsed.success) return { ok: false, reason: parsed.error.issues[0]?.message ?? 'invalid' };
  const { record } = parsed.data;
  if (mergeDocumentId(record.id) !== docId) return { ok: false, reason: 'id does not match' };
  if (record.keptId === record.mergedId) return { ok: false, reason: 'a person merged into themselves' };
  return { ok: true, record };
}

/**
 * Two versions of one merge as one: what moved is the union of both (in `a`'s order, then what
 * only `b` has), and an undo made on either side stands (the earliest). Returns `a` itself when
 * `b` adds nothing.
 */
export function unionMerges(a: MergeRecord, b: MergeRecord): MergeRecord {
  const entryIds = new Set(a.entries.map((entry) => entry.id));
  const union: MergeRecord = {
    ...a,
    entries: [...a.entries, ...b.entries.filter((entry) => !entryIds.has(entry.id))],
    followUpIds: [...new Set([...a.followUpIds, ...b.followUpIds])],
    movedIdentityKeys: [...new Set([...a.movedIdentityKeys, ...b.movedIdentityKeys])],
  };
  const undoneAt = a.undoneAt === undefined ? b.undoneAt : b.undoneAt === undefined ? a.undoneAt : Math.min(a.undoneAt, b.undoneAt);
  if (undoneAt === undefined) delete union.undoneAt;
  else union.undoneAt = undoneAt;
  return sameValue(union, a) ? a : union;
}

/** The document of a merge record, on the replica's revision `rev` when it has one. */
export const mergeDocument = (record: MergeRecord, rev?: string): object => ({
  _id: mergeDocumentId(record.id),
  ...(rev && { _rev: rev }),
  kind: 'merge',
  record,
});

/**
 * Push: every merge Tend holds that the replica lacks or holds with less (a merge or an undo made
 * here, an entry redirected here) written into the replica, merged with what it holds. Merges are
 * not in the change log (their store is not the user's records): all are compared, and they are
 * few. Returns the documents written.
 */
export async function copyMerges(db: TendDatabase, replica: Replica): Promise<number> {
  const local = await listAllMerges(readTx(db, ['merges']));
  if (local.length === 0) return 0;
  const existing = await replica.allDocs({ keys: local.map((record) => mergeDocumentId(record.id)), include_docs: true });
  const writes: object[] = [];
  local.forEach((record, i) => {
    const row = existing.rows[i] as { doc?: { _rev: string } & object; value?: { rev: string } } | undefined;
    const current = row?.doc ? readMergeDocument(row.doc) : undefined;
    const next = current?.ok ? unionMerges(current.record, record) : record;
    if (current?.ok && next === current.record) return;
    writes.push(mergeDocument(next, row?.doc?._rev ?? row?.value?.rev));
  });
  if (writes.length > 0) await replica.bulkDocs(writes);
  return writes.length;
}

/** Pull: a merge record from the replica kept in Tend's `merges` store, merged with the one held here. */
export async function applyMergeFact(tx: WriteTx, record: MergeRecord): Promise<'written' | 'unchanged'> {
  const local = await getMerge(tx, record.id);
  const next = local ? unionMerges(local, record) : record;
  if (local && next === local) return 'unchanged';
  await putMerge(tx, next);
  return 'written';
}

/** Versions of one merge document (conflicting revisions, in revision order) merged into one; undefined when none is valid. */
export function unionMergeVersions(docs: readonly unknown[]): MergeRecord | undefined {
  const records = docs.map(readMergeDocument).flatMap((read) => (read.ok ? [read.record] : []));
  return records.length === 0 ? undefined : records.reduce((union, record) => unionMerges(union, record));
}
