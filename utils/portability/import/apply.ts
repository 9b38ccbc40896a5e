/** Applying a confirmed import preview: one readwrite transaction, all or nothing. */
import { addContact, getContact, putContact } from '../../db/contacts-repo';
import { addIdentity } from '../../db/identities-repo';
import { addImport, importExists } from '../../db/imports-repo';
import { addInteraction } from '../../db/interactions-repo';
import { identityKey, writeTx } from '../../db/schema';
import { TendError } from '../../errors';
import { t } from '../../i18n';
import { newId } from '../../ids';
import { Contact, type Interaction } from '../../model/records';
import { ImportPreview, ImportRecord, type PlannedMerge } from '../../model/import';
import { lookupInTransaction } from './lookup';
import { planImport } from './plan';
import type { ImportsDatabase } from './store';
import { rollBack } from './roll-back';
import { sameRecord } from './same-record';

/** People written between two progress reports, and two checks for a cancel. */
const PEOPLE_PER_STEP = 250;

/** Options of applyImport: the clock, how it is followed and stopped, and a hook tests use to fail an import half-way. */
export interface ApplyImportOptions {
  now?: number;
  /** Hears people written of all to write (after every PEOPLE_PER_STEP). */
  onProgress?: (done: number, total: number) => void;
  /** Cancels the import at its next step: the transaction is aborted, nothing is written. */
  signal?: AbortSignal;
  /** TEST-ONLY: called after each write with the number written so far; throwing fails the import there. */
  testOnlyAfterWrite?: (writes: number) => void;
}

const changesSomething = (merge: PlannedMerge) =>
  merge.addIdentities.length > 0 || merge.addTags.length > 0 || Object.keys(merge.fill).length > 0 || merge.note !== undefined;

/**
 * Write a previewed import: new people, and additions to matched people (identities, tags,
 * missing fields, a note; nothing is ever removed or overwritten). The plan is rebuilt inside
 * the transaction and must equal the preview, else nothing is written. Any failure, at any
 * point (a cancel through `signal` included), leaves the database as it was. Returns the id
 * `undoImport` takes.
 */
export async function applyImport(db: ImportsDatabase, previewInput: ImportPreview, options: ApplyImportOptions = {}): Promise<{ importId: string }> {
  const checked = ImportPreview.safeParse(previewInput);
  if (!checked.success) throw new TendError('invalid', t('importApplyInvalid'));
  const preview = checked.data;
  const now = options.now ?? Date.now();
  let writes = 0;
  const wrote = () => options.testOnlyAfterWrite?.(++writes);
  // Through the commit path: the change log, the search index, reminders and open pages follow it.
  const tx = writeTx(db, ['contacts', 'identities', 'interactions', 'timeline', 'imports']);
  try {
    if (await importExists(tx, preview.id)) {
      throw new TendError('invalid', t('importApplyAlready'));
    }
    const plan = await planImport(lookupInTransaction(tx), preview.candidates);
    if (!sameRecord({ newPeople: plan.newPeople, matches: plan.matches }, { newPeople: preview.newPeople, matches: preview.matches })) {
      throw new TendError('invalid', t('importApplyStale'));
    }
    const changing = plan.matches.filter(changesSomething);
    const total = plan.newPeople.length + changing.length;
    let people = 0;
    /** One more person written: every PEOPLE_PER_STEP, say how far, and stop here if cancelled. */
    const step = () => {
      if (++people % PEOPLE_PER_STEP !== 0 && people !== total) return;
      if (options.signal?.aborted) throw new TendError('failed', t('importCancelled'));
      options.onProgress?.(people, total);
    };
    options.onProgress?.(0, total);
    const record: ImportRecord = {
      id: preview.id,
      at: now,
      source: preview.source,
      createdContacts: [],
      changedContacts: [],
      addedIdentities: [],
      addedInteractionIds: [],
    };
    const claim = async (contactId: string, identity: Contact['identities'][number]) => {
      // add, not put: an identity someone else holds must fail the import, never move.
      await addIdentity(tx, identity, contactId);
      record.addedIdentities.push({ key: identityKey(identity), contactId });
      wrote();
    };
    for (const person of plan.newPeople) {
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
      await addContact(tx, contact);
      record.createdContacts.push(contact);
      wrote();
      for (const identity of contact.identities) await claim(contact.id, identity);
      step();
    }
    for (const merge of changing) {
      const before = await getContact(tx, merge.contactId);
      if (!before) throw new TendError('invalid', t('importApplyStale'));
      const after = Contact.parse({
        ...before,
        ...merge.fill,
        identities: [...before.identities, ...merge.addIdentities],
        tags: [...before.tags, ...merge.addTags],
        updatedAt: now,
      });
      await putContact(tx, after);
      record.changedContacts.push({ before, after });
      wrote();
      for (const identity of merge.addIdentities) await claim(after.id, identity);
      if (merge.note) {
        // The person already has "what matters": the file's note joins their history instead.
        // It does not move lastInteractionAt: importing is not talking to them.
        const note: Interaction = { id: newId(now), contactIds: [after.id], kind: 'note', at: now, summary: merge.note, createdAt: now };
        await addInteraction(tx, note);
        record.addedInteractionIds.push(note.id);
        wrote();
      }
      step();
    }
    await addImport(tx, ImportRecord.parse(record));
    wrote();
    await tx.done;
    return { importId: record.id };
  } catch (error) {
    await rollBack(tx);
    throw error;
  }
}
