/**
 * Pull, before applying a batch: merge facts applied to late records, in the replica. A record that
 * points at a person merged away (an entry or follow-up of theirs, or their own document revived
 * by an edit), written by a device that did not know of the merge yet, is rewritten to the kept
 * person: the merged person's document folded into the kept one's and deleted, entries and
 * follow-ups pointed at the kept person, and the merge record grown by what was redirected, so
 * that undo moves it back. Every device does this the same way, wherever the late record met the
 * merge: here it arrives after the merge, or the merge arrives while this device still holds the
 * merged person. The rewritten documents are applied when the replica's feed reaches them.
 */
import { listFollowUpsOf } from '../../db/followups-repo';
import { listAllEntriesOf } from '../../db/interactions-repo';
import { listAllMerges } from '../../db/merges-repo';
import { getContact } from '../../db/contacts-repo';
import { readTx, type TendDatabase } from '../../db/schema';
import type { MergeRecord } from '../../model/merge';
import type { Interaction } from '../../model/records';
import { documentId, readDocument, type SyncedRecord } from './documents';
import { foldMergedPerson, redirectEntry, redirectFollowUp } from './fold-merged';
import { keptWhatMattersEntry } from './kept-text';
import { isMergeDocumentId, mergeDocument, mergeDocumentId, readMergeDocument, unionMerges } from './merge-facts';
import type { Replica } from './replicas';

type Doc = object & { _id: string; _rev?: string };
type ContactDoc = Extract<SyncedRecord, { kind: 'contact' }>;

/** What a redirect did: the documents of the batch it rewrote (not to apply as they were), and every document it wrote, in the order written. */
export interface Redirected {
  rewritten: Set<string>;
  written: string[];
}

const NONE: Redirected = { rewritten: new Set(), written: [] };

/** Rewrite the late records of this batch (and those held here of a person a merge in it took away) in the replica. */
export async function redirectToKept(db: TendDatabase, replica: Replica, batch: readonly Doc[]): Promise<Redirected> {
  const open = await openMerges(db, batch);
  if (open.size === 0) return NONE;
  const keptOf = (id: string): string => {
    const seen = new Set<string>();
    while (open.has(id) && !seen.has(id)) {
      seen.add(id);
      id = open.get(id)!.keptId;
    }
    return id;
  };
  const targets = new Set(batch.filter((doc) => pointsAtMerged(doc, open)).map((doc) => doc._id));
  for (const docId of await heldOfMerged(db, batch, open)) targets.add(docId);
  if (targets.size === 0) return NONE;

  const docs = await currentDocs(replica, [...targets]);
  const keptIds = [...new Set([...open.values()].map((merge) => keptOf(merge.mergedId)))];
  const keptDocs = new Map<string, ContactDoc & { _rev: string }>();
  for (const [docId, doc] of await currentDocs(
    replica,
    keptIds.map((id) => documentId('contact', id)),
  )) {
    const read = readDocument(doc);
    if (read.ok && !read.deleted && read.synced.kind === 'contact') keptDocs.set(docId, { ...read.synced, _rev: doc._rev! });
  }
  const grown = new Map<string, MergeRecord>();
  const grow = (merge: MergeRecord, add: Partial<Pick<MergeRecord, 'entries' | 'followUpIds'>>) =>
    grown.set(merge.id, unionMerges(grown.get(merge.id) ?? merge, { ...merge, entries: add.entries ?? [], followUpIds: add.followUpIds ?? [] }));
  const writes: object[] = [];
  const folded: object[] = [];
  const rewritten = new Set<string>();

  for (const [docId, doc] of docs) {
    const read = readDocument(doc);
    if (!read.ok || read.deleted) continue;
    const { synced } = read;
    // Only while the kept person is still there to take it; otherwise the record stays as it is.
    const keptDocId = (id: string) => documentId('contact', keptOf(id));
    if (synced.kind === 'entry') {
      const merges = synced.record.contactIds.flatMap((id) => (open.has(id) && keptDocs.has(keptDocId(id)) ? [open.get(id)!] : []));
      if (merges.length === 0) continue;
      const moved = { id: synced.record.id, at: synced.record.at, contactIds: synced.record.contactIds };
      for (const merge of merges) grow(merge, { entries: [moved] });
      const keep = (id: string) => (open.has(id) && keptDocs.has(keptDocId(id)) ? keptOf(id) : id);
      writes.push({ _id: docId, _rev: doc._rev, kind: 'entry', record: redirectEntry(synced.record, keep) });
    } else if (synced.kind === 'followup') {
      const merge = open.get(synced.record.contactId);
      if (!merge || !keptDocs.has(keptDocId(merge.mergedId))) continue;
      grow(merge, { followUpIds: [synced.record.id] });
      writes.push({ _id: docId, _rev: doc._rev, ...redirectFollowUp(synced, keptOf(merge.mergedId), merge) });
    } else {
      const merge = open.get(synced.record.id);
      const kept = merge && keptDocs.get(keptDocId(merge.mergedId));
      if (!merge || !kept) continue;
      const result = foldMergedPerson(merge, synced, kept);
      keptDocs.set(keptDocId(merge.mergedId), { ...(result.synced as ContactDoc), _rev: kept._rev });
      if (result.lostWhatMatters) writes.push(keptEntryDoc(result.synced as ContactDoc, result.lostWhatMatters));
      folded.push({ _id: docId, _rev: doc._rev, _deleted: true });
      // The kept person is written once, after every person folded into them.
      rewritten.add(keptDocId(merge.mergedId));
    }
    rewritten.add(docId);
  }
  if (writes.length === 0 && folded.length === 0) return NONE;
  const mergeDocs = await currentDocs(replica, [...grown.keys()].map(mergeDocumentId));
  // Merge records first: a device reading the feed learns the fact before the records it redirected.
  const mergeWrites = [...grown.values()].map((record) => {
    const current = mergeDocs.get(mergeDocumentId(record.id));
    const held = current && readMergeDocument(current);
    return mergeDocument(held?.ok ? unionMerges(held.record, record) : record, current?._rev);
  });
  const keptWrites = [...rewritten].flatMap((docId) => {
    const kept = keptDocs.get(docId);
    return kept ? [{ _id: docId, _rev: kept._rev, kind: 'contact', record: kept.record, fieldsAt: kept.fieldsAt }] : [];
  });
  // Entries and follow-ups before the people: the merged person's deletion finds their history moved.
  const all = [...mergeWrites, ...writes, ...keptWrites, ...folded] as Doc[];
  await replica.bulkDocs(all);
  return { rewritten, written: all.map((doc) => doc._id) };
}

/** Merges not undone, by the id of the person each took away: those Tend holds, with those of this batch. */
async function openMerges(db: TendDatabase, batch: readonly Doc[]): Promise<Map<string, MergeRecord>> {
  const merges = new Map((await listAllMerges(readTx(db, ['merges']))).map((record) => [record.id, record]));
  for (const doc of batch) {
    if (!isMergeDocumentId(doc._id)) continue;
    const read = readMergeDocument(doc);
    if (!read.ok) continue;
    const held = merges.get(read.record.id);
    merges.set(read.record.id, held ? unionMerges(held, read.record) : read.record);
  }
  const open = new Map<string, MergeRecord>();
  for (const record of merges.values()) if (record.undoneAt === undefined) open.set(record.mergedId, record);
  return open;
}

/** True for a document of this batch that points at a person an open merge took away. */
function pointsAtMerged(doc: Doc, open: ReadonlyMap<string, MergeRecord>): boolean {
  const read = readDocument(doc);
  if (!read.ok || read.deleted) return false;
  const { synced } = read;
  if (synced.kind === 'entry') return synced.record.contactIds.some((id) => open.has(id));
  if (synced.kind === 'followup') return open.has(synced.record.contactId);
  return open.has(synced.record.id);
}

/** For each open merge in this batch whose merged person Tend still holds: the documents of that person and their history. */
async function heldOfMerged(db: TendDatabase, batch: readonly Doc[], open: ReadonlyMap<string, MergeRecord>): Promise<string[]> {
  const arriving = batch.filter((doc) => isMergeDocumentId(doc._id)).map(readMergeDocument);
  const ids: string[] = [];
  for (const read of arriving) {
    if (!read.ok || open.get(read.record.mergedId)?.id !== read.record.id) continue;
    const mergedId = read.record.mergedId;
    const tx = readTx(db, ['contacts', 'timeline', 'interactions', 'followUps']);
    if (!(await getContact(tx, mergedId))) continue;
    const [entries, followUps] = await Promise.all([listAllEntriesOf(tx, mergedId), listFollowUpsOf(tx, mergedId)]);
    ids.push(documentId('contact', mergedId), ...entries.map((entry) => documentId('entry', entry.id)), ...followUps.map((f) => documentId('followup', f.id)));
  }
  return ids;
}

/** The replica's current (winning) documents for these ids, by id; missing and deleted ones left out. */
async function currentDocs(replica: Replica, docIds: readonly string[]): Promise<Map<string, Doc>> {
  if (docIds.length === 0) return new Map();
  const found = await replica.allDocs({ keys: [...docIds], include_docs: true });
  const docs = new Map<string, Doc>();
  for (const row of found.rows as { id?: string; doc?: Doc | null }[]) if (row.doc && row.id) docs.set(row.id, row.doc);
  return docs;
}

/** The document of the history entry keeping a "What matters" text the fold replaced. */
function keptEntryDoc(kept: ContactDoc, text: string): { _id: string; kind: 'entry'; record: Interaction } {
  const entry = keptWhatMattersEntry(kept.record.id, text, kept.fieldsAt.whatMatters ?? kept.record.updatedAt);
  return { _id: documentId('entry', entry.id), kind: 'entry', record: entry };
}
