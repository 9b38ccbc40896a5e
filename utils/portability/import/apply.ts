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
import { unawaitedWrites } from './unawaited-writes';
import { sameRecord } from './same-record';

/** People written between two progress reports, and two checks for a cancel (their writes are awaited together). */
const PEOPLE_PER_STEP = 250;

/** Options of applyImport: the clock, how it is followed and stopped, and a hook tests use to fail an import half-way. */
export interface ApplyImportOptions {
  now?: number;
  /** Hears people written of all to write (after every PEOPLE_PER_STEP). */
  onProgress?: (done: number, total: number) => void;
  /** Cancels the import at its next step: the transaction is aborted, nothing is written. */
  signal?: AbortSignal;
  /** TEST-ONLY: called as each write succeeds with the number written so far; throwing fails the import there. */
  testOnlyAfterWrite?: (writes: number) => void;
}

/** `items` in steps of PEOPLE_PER_STEP. */
function* inSteps<T>(items: readonly T[]): Generator<readonly T[]> {
  for (let at = 0; at < items.length; at += PEOPLE_PER_STEP) yield items.slice(at, at + PEOPLE_PER_STEP);
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
  // Through the commit path: the change log, the search index, reminders and open pages follow it.
  const tx = writeTx(db, ['contacts', 'identities', 'interactions', 'timeline', 'imports']);
  // Writes are made without waiting for each (one round trip per step, not per record); the first
  // that fails rolls the transaction back.
  const writes = unawaitedWrites(tx);
  let written = 0;
  const write = (request: Promise<unknown>) => writes.add(options.testOnlyAfterWrite ? request.then(() => options.testOnlyAfterWrite?.(++written)) : request);
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
    /** `count` more people written: once their writes are done, say how far, and stop here if cancelled. */
    const step = async (count: number) => {
      await writes.settle();
      people += count;
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
    const claim = (contactId: string, identity: Contact['identities'][number]) => {
      // add, not put: an identity someone else holds must fail the import, never move.
      write(addIdentity(tx, identity, contactId));
      record.addedIdentities.push({ key: identityKey(identity), contactId });
    };
    for (const newPeople of inSteps(plan.newPeople)) {
      for (const person of newPeople) {
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
        write(addContact(tx, contact));
        record.createdContacts.push(contact);
        for (const identity of contact.identities) claim(contact.id, identity);
      }
      await step(newPeople.length);
    }
    for (const merges of inSteps(changing)) {
      // A step's people are read at once, after every write before them (one transaction keeps the order).
      const befores = await Promise.all(merges.map((merge) => getContact(tx, merge.contactId)));
      merges.forEach((merge, i) => {
        const before = befores[i];
        if (!before) throw new TendError('invalid', t('importApplyStale'));
        const after = Contact.parse({
          ...before,
          ...merge.fill,
          identities: [...before.identities, ...merge.addIdentities],
          tags: [...before.tags, ...merge.addTags],
          updatedAt: now,
        });
        write(putContact(tx, after));
        record.changedContacts.push({ before, after });
        for (const identity of merge.addIdentities) claim(after.id, identity);
        if (merge.note) {
          // The person already has "what matters": the file's note joins their history instead.
          // It does not move lastInteractionAt: importing is not talking to them.
          const note: Interaction = { id: newId(now), contactIds: [after.id], kind: 'note', at: now, summary: merge.note, createdAt: now };
          write(addInteraction(tx, note));
          record.addedInteractionIds.push(note.id);
        }
      });
      await step(merges.length);
    }
    write(addImport(tx, ImportRecord.parse(record)));
    await writes.settle();
    await tx.done;
    return { importId: record.id };
  } catch (error) {
    await rollBack(tx);
    // A failed write aborts the transaction, so later requests fail too: the first cause is the error.
    throw writes.failed ? writes.failure : error;
  }
}
