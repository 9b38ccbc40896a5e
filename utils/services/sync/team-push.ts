/**
 * Team push, first half: what the team may see of Tend's changes since the last team push, copied
 * into the team's local replica. People become cards (private fields left out) and, once the user
 * has talked to them, a `knows` document; notes and follow-ups go only when the user shared them,
 * with the user as their author. Sightings, unshared notes, drafts and "what matters" never do.
 * What a teammate shared (it carries their name as `author`) is theirs: it is never pushed back.
 * A person deleted here (or merged into another) takes the user's `knows` document away, nothing else.
 */
import { changesSince, latestChangeSeq } from '../../db/changes-repo';
import { readTx, type TendDatabase } from '../../db/schema';
import { syncedRecordIds, syncedRecords } from '../../db/sync-repo';
import type { Contact, FollowUp, Interaction } from '../../model/records';
import type { LoggedStore } from '../../model/rows';
import type { Replica } from './replicas';
import { cardDocId, cardOf, knowsDocId, sameTeamDocument, sharedDocId, type TeamDocument } from './team-documents';

/** A document to write into the team replica, or one to delete from it. */
type TeamWrite = { id: string; doc: TeamDocument } | { id: string; deleted: true };

const STORES: readonly LoggedStore[] = ['contacts', 'interactions', 'followUps'];
const BATCH = 100;

/** What a team copy did: the change-log row it copied up to and how many documents it wrote. */
export interface TeamCopied {
  seq: number;
  written: number;
}

/** Copy what the team may see of Tend's changes after `pushedSeq` (every record when undefined) into the team replica. */
export async function copyToTeam(db: TendDatabase, replica: Replica, member: string, pushedSeq: number | undefined): Promise<TeamCopied> {
  const seq = await latestChangeSeq(db);
  const touched = await touchedSince(db, pushedSeq, seq);
  let written = 0;
  for (const store of STORES) {
    const ids = [...touched.get(store)!];
    for (let i = 0; i < ids.length; i += BATCH) {
      const batch = ids.slice(i, i + BATCH);
      const records = await syncedRecords(readTx(db, [store]), store, batch);
      written += await writeTeamDocuments(
        replica,
        records.flatMap((record, at) => (record ? teamDocumentsOf(store, record, member) : goneFromTeam(store, batch[at]!, member))),
      );
    }
  }
  return { seq, written };
}

/**
 * What the team loses when a record is deleted here: only the user's word that they know the
 * person. The card and what was shared stay the team's (teammates may know them too; a member
 * leaving, or deleting a person here, takes nothing of theirs away from the others), but the team
 * no longer lists the user among those who know someone the user chose to forget.
 */
function goneFromTeam(store: LoggedStore, id: string, member: string): TeamWrite[] {
  return store === 'contacts' ? [{ id: knowsDocId(id, member), deleted: true }] : [];
}

/** The team documents of one record. */
export function teamDocumentsOf(store: LoggedStore, record: Contact | Interaction | FollowUp, member: string): { id: string; doc: TeamDocument }[] {
  if (store === 'contacts') {
    const contact = record as Contact;
    const card = { id: cardDocId(contact.id), doc: { kind: 'card', record: cardOf(contact) } as const };
    if (contact.lastInteractionAt === undefined) return [card];
    const knows = { kind: 'knows', contactId: contact.id, member, lastTalkedAt: contact.lastInteractionAt } as const;
    return [card, { id: knowsDocId(contact.id, member), doc: knows }];
  }
  const shared = record as Interaction | FollowUp;
  // Not shared, or a teammate's (theirs to change): nothing of it goes.
  if (shared.shared !== true || shared.author !== undefined) return [];
  const kind = store === 'interactions' ? 'entry' : 'followup';
  // A follow-up's reminder state is the owner's own, not the team's.
  const body = kind === 'followup' ? withoutReminderState(shared as FollowUp) : shared;
  return [{ id: sharedDocId(kind, shared.id), doc: { kind, record: body, author: member } as TeamDocument }];
}

const withoutReminderState = ({ snoozedUntil: _snoozed, notifiedFor: _notified, ...rest }: FollowUp): FollowUp => rest;

/** Write the documents that differ from the replica's, delete those still there; returns how many were written. */
async function writeTeamDocuments(replica: Replica, documents: TeamWrite[]): Promise<number> {
  if (documents.length === 0) return 0;
  const existing = await replica.allDocs({ keys: documents.map((document) => document.id), include_docs: true });
  const writes = documents.flatMap((document, i): object[] => {
    const row = existing.rows[i] as { doc?: { _rev: string } & object; value?: { rev: string; deleted?: boolean } } | undefined;
    const rev = row?.doc?._rev ?? row?.value?.rev;
    // Never written, or deleted already: nothing to delete.
    if ('deleted' in document) return rev && !row?.value?.deleted ? [{ _id: document.id, _rev: rev, _deleted: true }] : [];
    if (sameTeamDocument(row?.doc, document.doc)) return [];
    return [{ _id: document.id, ...(rev && { _rev: rev }), ...document.doc }];
  });
  if (writes.length > 0) await replica.bulkDocs(writes);
  return writes.length;
}

/** Per store, the ids changed after `from` up to `to` (every id when `from` is undefined or a store was cleared). */
async function touchedSince(db: TendDatabase, from: number | undefined, to: number): Promise<Map<LoggedStore, Set<string>>> {
  const touched = new Map<LoggedStore, Set<string>>(STORES.map((store) => [store, new Set()]));
  const everything = async (store: LoggedStore) => {
    for (const id of await syncedRecordIds(readTx(db, [store]), store)) touched.get(store)!.add(id);
  };
  if (from === undefined) {
    for (const store of STORES) await everything(store);
    return touched;
  }
  for (const change of await changesSince(db, from)) {
    if ((change.seq ?? 0) > to) break;
    if (change.op === 'clear') await everything(change.store);
    else if (change.id !== undefined) touched.get(change.store)!.add(change.id);
  }
  return touched;
}
