/**
 * Writing an import's people inside one batch's transaction: new people, and what the file adds to
 * people Tend knows, read as they are now (an earlier batch's commit let the user's own writes in,
 * and nothing they wrote is overwritten). Used by apply.ts, a step of people at a time.
 */
import { addContact, getContact, putContact } from '../../db/contacts-repo';
import { addIdentity } from '../../db/identities-repo';
import { addInteraction } from '../../db/interactions-repo';
import { identityKey, type WriteTx } from '../../db/schema';
import { TendError } from '../../errors';
import { t } from '../../i18n';
import { newId } from '../../ids';
import { Contact, type Identity, type Interaction } from '../../model/records';
import type { ImportChanges, PlannedMerge, PlannedNewPerson } from '../../model/import';
import type { LateClaims } from './late-claims';
import { namedByIdentity } from './plan';

/** One person of the plan to write: someone new, or someone Tend knows with what the file adds. */
export type PersonToWrite = { person: PlannedNewPerson } | { merge: PlannedMerge };

/** What one batch writes with: its transaction, its unawaited writes, and its share of the import's record. */
export interface Batch {
  tx: WriteTx;
  write: (request: Promise<unknown>) => void;
  changes: ImportChanges;
  claims: LateClaims;
}

/** The identity `identity` given to `contactId`: added, never put (one someone else holds must fail the batch, never move). */
function claim({ tx, write, changes, claims }: Batch, contactId: string, identity: Identity): void {
  claims.ours(identityKey(identity), contactId);
  write(addIdentity(tx, identity, contactId));
  changes.addedIdentities.push({ key: identityKey(identity), contactId });
}

function writeNewPeople(batch: Batch, people: readonly PlannedNewPerson[], now: number): void {
  for (const person of people) {
    const contact = Contact.parse({
      id: newId(now),
      displayName: person.displayName,
      identities: person.identities,
      tags: person.tags,
      ...(person.org && { org: person.org }),
      ...(person.title && { title: person.title }),
      ...(person.note && { whatMatters: person.note }),
      createdAt: now,
      updatedAt: now,
    });
    batch.write(addContact(batch.tx, contact));
    batch.changes.createdContacts.push(contact);
    for (const identity of contact.identities) claim(batch, contact.id, identity);
  }
}

/**
 * What of a merge's fill still applies to the person as they are now, and the file's note that
 * becomes history instead. The person was read at the preview, and the user may have written since
 * (an earlier batch's commit lets their writes in): nothing they wrote is overwritten; a "what
 * matters" they wrote meanwhile keeps the file's text as a note in the person's history, as the
 * plan does for one written before.
 */
function stillToFill(before: Contact, merge: PlannedMerge): { fill: PlannedMerge['fill']; note?: string } {
  const { displayName, whatMatters, ...fields } = merge.fill;
  const empty = Object.entries(fields).filter(([field]) => before[field as keyof typeof fields] === undefined);
  const fill = {
    ...(displayName !== undefined && namedByIdentity(before) && { displayName }),
    ...(whatMatters !== undefined && before.whatMatters === undefined && { whatMatters }),
    ...Object.fromEntries(empty),
  };
  const lateNote = whatMatters !== undefined && before.whatMatters !== undefined && !before.whatMatters.includes(whatMatters) ? whatMatters : undefined;
  const note = merge.note ?? lateNote;
  return { fill, ...(note && { note }) };
}

async function writeMerges(batch: Batch, merges: readonly PlannedMerge[], now: number): Promise<void> {
  const { tx, write, changes } = batch;
  // A step's people are read at once, after every write before them (one transaction keeps the order).
  const befores = await Promise.all(merges.map((merge) => getContact(tx, merge.contactId)));
  merges.forEach((merge, i) => {
    const before = befores[i];
    if (!before) throw new TendError('invalid', t('importApplyStale'));
    const { fill, note: noteText } = stillToFill(before, merge);
    const known = new Set(before.identities.map(identityKey));
    const adding = merge.addIdentities.filter((identity) => !known.has(identityKey(identity)));
    const after = Contact.parse({
      ...before,
      ...fill,
      identities: [...before.identities, ...adding],
      tags: [...before.tags, ...merge.addTags.filter((tag) => !before.tags.includes(tag))],
      updatedAt: now,
    });
    write(putContact(tx, after));
    changes.changedContacts.push({ before, after });
    for (const identity of adding) claim(batch, after.id, identity);
    if (noteText) {
      // The person already has "what matters": the file's note joins their history instead.
      // It does not move lastInteractionAt: importing is not talking to them.
      const note: Interaction = { id: newId(now), contactIds: [after.id], kind: 'note', at: now, summary: noteText, createdAt: now };
      write(addInteraction(tx, note));
      changes.addedInteractionIds.push(note.id);
    }
  });
}

/** A new person of the file as a merge into `contactId`, who took one of their addresses since the preview. */
const joining = (person: PlannedNewPerson, contactId: string): PlannedMerge => ({
  lines: person.lines,
  contactId,
  displayName: person.displayName,
  reasons: [],
  addIdentities: person.identities,
  addTags: person.tags,
  fill: {
    displayName: person.displayName,
    ...(person.org && { org: person.org }),
    ...(person.title && { title: person.title }),
    ...(person.note && { whatMatters: person.note }),
  },
});

/**
 * Write one step's people: the new ones, then those the file adds to. An address another writer
 * gave someone since the preview is given to nobody else (late-claims.ts): a new person holding one
 * joins its holder instead, one at a time (two may join the same person).
 */
export async function writeStep(batch: Batch, step: readonly PersonToWrite[], now: number): Promise<void> {
  const holderOf = (identity: Identity) => batch.claims.holderOf(identityKey(identity));
  const free = (identity: Identity) => holderOf(identity) === undefined;
  const people: PlannedNewPerson[] = [];
  const merges: PlannedMerge[] = [];
  const joins: PlannedMerge[] = [];
  for (const item of step) {
    if ('merge' in item) merges.push({ ...item.merge, addIdentities: item.merge.addIdentities.filter(free) });
    else {
      const holder = item.person.identities.map(holderOf).find((id) => id !== undefined);
      if (holder === undefined) people.push(item.person);
      else joins.push({ ...joining(item.person, holder), addIdentities: item.person.identities.filter(free) });
    }
  }
  writeNewPeople(batch, people, now);
  await writeMerges(batch, merges, now);
  for (const join of joins) await writeMerges(batch, [join], now);
}
