/**
 * Team pull, after replication brought the team database into its local replica: the cards,
 * shared notes and shared follow-ups of teammates written into Tend's stores (a shared entry with
 * its author), 100 changes at a time, each batch with its checkpoint in the same transaction.
 * `knows` documents stay in the replica (the side panel reads them there). A teammate's card for
 * someone already here under another id (the same address) is not a second person: its id is
 * kept as an alias of the person here, and what is shared about it lands on that person.
 */
import { getContact } from '../../db/contacts-repo';
import { getFollowUp, putFollowUp } from '../../db/followups-repo';
import { ownerOfIdentityKey } from '../../db/identities-repo';
import { getInteraction } from '../../db/interactions-repo';
import { identityKey, writeTx, type TendDatabase, type WriteTx } from '../../db/schema';
import { getSyncStateRecord, putSyncStateRecord } from '../../db/sync-repo';
import type { Contact } from '../../model/records';
import { SyncState } from '../../model/sync';
import { APPLY_STORES, writeContact, writeEntry } from './apply';
import { sameValue } from './documents';
import { SYNC_ORIGIN } from './pull';
import type { Replica } from './replicas';
import { readState } from './state';
import { cardDocId, cardOf, readTeamDocument, type TeamCard, type TeamDocument } from './team-documents';

const BATCH = 100;
const ALIASES = '_local/aliases';

type Shared = Extract<TeamDocument, { kind: 'entry' | 'followup' }>;

/** What a team pull did. */
export interface TeamPulled {
  applied: number;
  rejected: number;
}

/** Apply the team replica's changes since the saved team checkpoint to Tend's stores; `member` is this user. */
export async function applyTeamChanges(db: TendDatabase, replica: Replica, member: string, now: number): Promise<TeamPulled> {
  const total: TeamPulled = { applied: 0, rejected: 0 };
  const aliases = await readAliases(replica);
  for (;;) {
    const since = (await readState(db)).teamPulledSeq ?? 0;
    const batch = await replica.changes({ since, limit: BATCH, include_docs: true });
    if (batch.results.length === 0) break;
    const read = batch.results.flatMap((change) => (change.doc && !change.deleted ? [readTeamDocument(change.doc)] : []));
    let rejected = read.filter((doc) => !doc.ok).length;
    const docs = read.flatMap((doc) => (doc.ok ? [doc.doc] : []));
    // A teammate's own sharing is applied; what this user shared comes back unchanged and is skipped.
    const shared = docs.filter((doc): doc is Shared => (doc.kind === 'entry' || doc.kind === 'followup') && doc.author !== member);
    // The cards of the people shared entries name, read before the transaction (it cannot wait on the replica).
    const cards = [...docs.flatMap((doc) => (doc.kind === 'card' ? [doc.record] : [])), ...(await cardsOf(replica, shared))];
    const tx = writeTx(db, [...APPLY_STORES], { origin: SYNC_ORIGIN });
    for (const card of cards) if (await applyCard(tx, card, aliases)) total.applied++;
    for (const doc of shared) {
      const applied = await applyShared(tx, doc, aliases);
      if (applied === 'written') total.applied++;
      if (applied === 'no-person') rejected++;
    }
    const state = SyncState.parse((await getSyncStateRecord(tx)) ?? {});
    await putSyncStateRecord(tx, { ...state, teamPulledSeq: batch.last_seq, rejected: state.rejected + rejected }, now);
    await tx.done;
    total.rejected += rejected;
  }
  await writeAliases(replica, aliases);
  return total;
}

/** The cards of the people these shared documents name, from the replica (any it lacks are left out). */
async function cardsOf(replica: Replica, shared: Shared[]): Promise<TeamCard[]> {
  const ids = [...new Set(shared.flatMap((doc) => (doc.kind === 'entry' ? doc.record.contactIds : [doc.record.contactId])))];
  if (ids.length === 0) return [];
  const rows = await replica.allDocs({ keys: ids.map(cardDocId), include_docs: true });
  return rows.rows.flatMap((row) => {
    const read = 'doc' in row && row.doc ? readTeamDocument(row.doc) : undefined;
    return read?.ok && read.doc.kind === 'card' ? [read.doc.record] : [];
  });
}

/**
 * Write a teammate's card: a person new here is added; one here with the same id takes the card's
 * fields when the card is newer (what matters, cadence and history stay this user's); one whose
 * address another person here holds becomes an alias of that person. True when something changed.
 */
async function applyCard(tx: WriteTx, card: TeamCard, aliases: Map<string, string>): Promise<boolean> {
  if (aliases.has(card.id)) return false;
  const local = await getContact(tx, card.id);
  if (!local) {
    for (const identity of card.identities) {
      const owner = await ownerOfIdentityKey(tx, identityKey(identity));
      if (owner !== undefined) {
        aliases.set(card.id, owner);
        return false;
      }
    }
    await writeContact(tx, card, undefined);
    return true;
  }
  if (local.updatedAt >= card.updatedAt || sameValue(cardOf(local), card)) return false;
  const { org: _org, title: _title, stage: _stage, ...own } = local;
  const next: Contact = { ...own, ...card };
  await writeContact(tx, next, local);
  return true;
}

/** Write a teammate's shared entry or follow-up on the people here it is about, with its author. */
async function applyShared(tx: WriteTx, doc: Shared, aliases: Map<string, string>): Promise<'written' | 'unchanged' | 'no-person'> {
  const here = (id: string) => aliases.get(id) ?? id;
  if (doc.kind === 'entry') {
    const entry = { ...doc.record, contactIds: [...new Set(doc.record.contactIds.map(here))], shared: true as const, author: doc.author };
    for (const id of entry.contactIds) if (!(await getContact(tx, id))) return 'no-person';
    const local = await getInteraction(tx, entry.id);
    if (local && sameValue(local, entry)) return 'unchanged';
    await writeEntry(tx, entry, local);
    return 'written';
  }
  const local = await getFollowUp(tx, doc.record.id);
  // The reminder state (snoozed, notified) is this user's own and stays.
  const followUp = {
    ...doc.record,
    contactId: here(doc.record.contactId),
    shared: true as const,
    author: doc.author,
    ...(local?.snoozedUntil !== undefined && { snoozedUntil: local.snoozedUntil }),
    ...(local?.notifiedFor !== undefined && { notifiedFor: local.notifiedFor }),
  };
  if (!(await getContact(tx, followUp.contactId))) return 'no-person';
  if (local && sameValue(local, followUp)) return 'unchanged';
  await putFollowUp(tx, followUp);
  return 'written';
}

/** Teammates' person ids -> the person here they are (kept in the replica, never replicated). */
export async function readAliases(replica: Replica): Promise<Map<string, string>> {
  const doc = await replica.get<{ aliases: Record<string, string> }>(ALIASES).catch(() => undefined);
  return new Map(Object.entries(doc?.aliases ?? {}));
}

async function writeAliases(replica: Replica, aliases: Map<string, string>): Promise<void> {
  const previous = await replica.get<{ aliases: Record<string, string> }>(ALIASES).catch(() => undefined);
  const next = Object.fromEntries(aliases);
  if (previous && sameValue(previous.aliases, next)) return;
  if (!previous && aliases.size === 0) return;
  await replica.put({ _id: ALIASES, ...(previous && { _rev: previous._rev }), aliases: next });
}
