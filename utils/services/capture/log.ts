import { getContact, putContact } from '../../db/contacts-repo';
import { addInteraction, findByDedupeKey, getInteraction, newestEntryAt, removeInteraction, updateInteraction } from '../../db/interactions-repo';
import { writeTx, type TendDatabase } from '../../db/schema';
import { TendError } from '../../errors';
import { t } from '../../i18n';
import { newId } from '../../ids';
import type { Contact, Interaction, LoggableKind, Source } from '../../model/records';
import type { DraftAbout, ListedPerson } from '../../model/drafts';
import { isInThePast } from '../../time/followup-times';
import { clearDraftIn, forgetDraftKeptInSession } from '../drafts/drafts';
import { createFollowUp } from '../followups/writes';
import { linkListedPerson } from '../../storage/tab-people';
import { localDay } from '../../time/local-day';
import { listedPersonOf } from '../sightings/listed';
import { resolveContact, type KeptPerson } from '../sightings/sightings';
import { whenProblem } from './when';

export interface LogInput {
  contactIds: string[];
  kind: LoggableKind;
  text: string;
  experience?: Interaction['experience'];
  source?: Source;
  /** Makes the log idempotent: the same request id logs once. */
  requestId: string;
  /** When it happened ("When was it?"), for a past interaction; absent means now. */
  at?: number;
  /** The draft this note was written in: removed in the same transaction that saves the note. */
  draft?: DraftAbout;
  /** A follow-up on the note for each of its people (the quick note's "Add a follow-up"). */
  followUp?: { text: string; due: number; confirmPast: boolean };
  /** People the tab `fromTab` only listed: saved in the note's transaction (nothing is saved if the note is not). */
  listed?: ListedPerson[];
  fromTab?: number;
  /** Shared with the user's team (sync's team space). */
  shared?: boolean | undefined;
}

/** Refuse a date no interaction can have: later than now (beyond a minute), or before 1970. */
function checkWhen(at: number | undefined, now: number): void {
  const problem = at === undefined ? undefined : whenProblem(at, now);
  if (problem) throw new TendError('invalid', t(problem));
}

/**
 * Log a note or interaction to every selected person in one transaction (removing the draft it was
 * written in), count it as their latest interaction, then add its follow-ups. Logging the same
 * request twice returns the first entry and adds nothing.
 */
export async function logInteraction(db: TendDatabase, input: LogInput, now: number): Promise<Interaction> {
  checkWhen(input.at, now);
  // Checked before anything is written: a refused follow-up must not leave a note without it.
  if (input.followUp && isInThePast(input.followUp.due, now) && !input.followUp.confirmPast) throw new TendError('invalid', t('errorFollowUpPast'));
  if (input.contactIds.length === 0 && !input.listed?.length) throw new TendError('invalid', t('quickNoteChoosePeople'));
  // Read from the tab's storage before the transaction: an await outside IndexedDB would commit it.
  const listed = await Promise.all((input.listed ?? []).map((choice) => listedPersonOf(input.fromTab, choice)));
  const { entry, created, listedContacts } = await logEntry(db, input, listed, now);
  // The tab's rows of the people just saved show them as saved (as Add does).
  for (const [i, contact] of listedContacts.entries()) {
    if (input.fromTab !== undefined)
      await linkListedPerson(input.fromTab, contact, input.listed![i]!.displayName, localDay(contact.createdAt) === localDay(now));
  }
  if (input.draft) await forgetDraftKeptInSession(input.draft);
  if (created && input.followUp) {
    for (const contactId of entry.contactIds) await createFollowUp(db, { id: newId(now), contactId, entryId: entry.id, ...input.followUp }, now);
  }
  return entry;
}

async function logEntry(
  db: TendDatabase,
  input: LogInput,
  listed: KeptPerson[],
  now: number,
): Promise<{ entry: Interaction; created: boolean; listedContacts: Contact[] }> {
  const tx = writeTx(db, ['contacts', 'identities', 'interactions', 'timeline', 'drafts']);
  const dedupeKey = `request|${input.requestId}`;
  const earlier = await findByDedupeKey(tx, dedupeKey);
  if (earlier) {
    if (input.draft) await clearDraftIn(tx, input.draft, input.requestId);
    await tx.done;
    return { entry: earlier, created: false, listedContacts: [] };
  }
  const chosen = await Promise.all([...new Set(input.contactIds)].map((id) => getContact(tx, id)));
  if (chosen.some((contact) => !contact)) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new TendError('not-found', t('errorPeopleGoneNotSaved'));
  }
  // A listed person is saved here, or found when one of their identities is someone's already.
  const byId = new Map((chosen as Contact[]).map((contact) => [contact.id, contact]));
  const listedContacts: Contact[] = [];
  for (const person of listed) {
    // Read in this transaction: the newest record of its person, with any identity it gained.
    const { contact } = await resolveContact(tx, person, now);
    byId.set(contact.id, contact);
    listedContacts.push(contact);
  }
  const contactIds = [...byId.keys()];
  const contacts = [...byId.values()];
  const at = input.at ?? now;
  const entry: Interaction = {
    id: newId(now),
    contactIds,
    kind: input.kind,
    at,
    summary: input.text,
    ...(input.experience && { experience: input.experience }),
    ...(input.source && { source: input.source }),
    ...(input.shared && { shared: true as const }),
    dedupeKey,
    createdAt: now,
  };
  await addInteraction(tx, entry);
  for (const contact of contacts) {
    await putContact(tx, { ...contact, lastInteractionAt: Math.max(contact.lastInteractionAt ?? 0, at), updatedAt: now });
  }
  if (input.draft) await clearDraftIn(tx, input.draft, input.requestId);
  await tx.done;
  return { entry, created: true, listedContacts };
}

/**
 * Delete a logged entry (the undo of a log). Sightings are facts Tend observed and stay. Each
 * person's "last interaction" falls back to their newest remaining entry.
 */
export async function deleteInteraction(db: TendDatabase, interactionId: string, now: number): Promise<Interaction | undefined> {
  const tx = writeTx(db, ['contacts', 'interactions', 'timeline']);
  const existing = await getInteraction(tx, interactionId);
  if (existing?.kind === 'sighting') {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new TendError('forbidden', t('errorSightingNotDeletable'));
  }
  const removed = await removeInteraction(tx, interactionId);
  for (const contactId of removed?.contactIds ?? []) {
    const contact = await getContact(tx, contactId);
    if (!contact) continue;
    const lastInteractionAt = await newestEntryAt(tx, contactId);
    const { lastInteractionAt: _dropped, ...rest } = contact;
    await putContact(tx, { ...rest, ...(lastInteractionAt !== undefined && { lastInteractionAt }), updatedAt: now });
  }
  await tx.done;
  return removed;
}

/** Edit a logged entry's text, kind or experience mark; it keeps its id and time. */
export async function editInteraction(
  db: TendDatabase,
  interactionId: string,
  change: { text: string; kind?: LoggableKind; experience?: Interaction['experience'] | null },
  now: number,
): Promise<Interaction> {
  const tx = writeTx(db, ['interactions']);
  const existing = await getInteraction(tx, interactionId);
  // A teammate's shared entry is theirs to change.
  if (!existing || existing.kind === 'sighting' || existing.kind === 'stage' || existing.author !== undefined) {
    tx.abort();
    await tx.done.catch(() => undefined);
    const why =
      existing?.author !== undefined
        ? t('errorTeammateEntryNotEditable', existing.author)
        : existing
          ? t('errorAutomaticNotEditable')
          : t('errorEntryGoneShort');
    throw new TendError(existing ? 'forbidden' : 'not-found', why);
  }
  const { experience: _old, ...rest } = existing;
  const experience = change.experience === undefined ? existing.experience : (change.experience ?? undefined);
  const edited: Interaction = { ...rest, summary: change.text, kind: change.kind ?? existing.kind, ...(experience && { experience }), editedAt: now };
  await updateInteraction(tx, edited);
  await tx.done;
  return edited;
}

/** Put back an entry exactly as it was before it was deleted (the undo of a delete). */
export async function restoreInteraction(db: TendDatabase, entry: Interaction): Promise<Interaction> {
  const tx = writeTx(db, ['contacts', 'interactions', 'timeline']);
  if (await getInteraction(tx, entry.id)) {
    await tx.done;
    return entry;
  }
  const contacts = await Promise.all(entry.contactIds.map((id) => getContact(tx, id)));
  await addInteraction(tx, entry);
  for (const contact of contacts) {
    if (contact && (contact.lastInteractionAt ?? 0) < entry.at) await putContact(tx, { ...contact, lastInteractionAt: entry.at });
  }
  await tx.done;
  return entry;
}
