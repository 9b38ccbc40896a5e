/**
 * An import writes in batches of people, each one transaction, and stays all or nothing: an import
 * that is cancelled, fails, or is cut short by the worker stopping leaves nothing of the file behind,
 * and the user's own writes between its batches are never overwritten.
 */
import { describe, expect, test } from 'vitest';
import { onCommit } from '../../utils/db/commit';
import { putContact } from '../../utils/db/contacts-repo';
import { openTendDb } from '../../utils/db/open';
import { addInteraction } from '../../utils/db/interactions-repo';
import { writeTx, type TendDatabase } from '../../utils/db/schema';
import { newId } from '../../utils/ids';
import type { Contact, Interaction } from '../../utils/model/records';
import { applyImport } from '../../utils/portability/import/apply';
import { deleteEverything } from '../../utils/portability/delete-everything';
import { previewImport } from '../../utils/portability/import/preview';
import { undoImport } from '../../utils/portability/import/undo';
import { takeBackUnfinishedTransfers } from '../../utils/portability/take-back';
import { vCardImportInput } from '../../utils/portability/vcard/import';
import { parseVCards } from '../../utils/portability/vcard/parse';
import { recordSighting } from '../../utils/services/sightings/sightings';
import { abortingNth } from './aborting-transactions';
import { ADA, DAY, rulesWith, threadSighting } from './helpers';

const NOON = Date.UTC(2024, 4, 1, 12);
const LATER = NOON + DAY;
const STORES = ['contacts', 'identities', 'interactions', 'timeline', 'followUps', 'imports', 'restores'] as const;

/** Every record of the stores an import writes, its history and its notes. */
async function dump(db: TendDatabase) {
  const tx = db.transaction([...STORES], 'readonly');
  const all = await Promise.all(STORES.map((store) => tx.objectStore(store).getAll()));
  await tx.done;
  return Object.fromEntries(STORES.map((store, i) => [store, all[i]])) as { [S in (typeof STORES)[number]]: unknown[] };
}

const crlf = (...lines: string[]) => lines.join('\r\n') + '\r\n';
const vcard = (...props: string[]) => crlf('BEGIN:VCARD', 'VERSION:3.0', ...props, 'END:VCARD');

/** `count` new people, one address each, then Ada (whom Tend knows) with an organisation, a note and a tag. */
const FILE = (count: number) =>
  Array.from({ length: count }, (_, i) => vcard(`FN:Person ${i}`, `EMAIL:person${i}@batch.example`)).join('') +
  vcard(`FN:${ADA.name}`, `EMAIL:${ADA.email}`, 'ORG:Analytical Engines', 'NOTE:Prefers mornings', 'CATEGORIES:friends');

/** A database that knows Ada from a thread, so "as it was" is not empty and the file has someone to add to. */
async function withAda(name: string): Promise<TendDatabase> {
  const db = await openTendDb(name);
  await recordSighting(db, threadSighting('t1', 'Plan', [ADA]), rulesWith(), NOON);
  return db;
}

async function previewOf(db: TendDatabase, count: number) {
  const { candidates, rejected, warnings } = vCardImportInput(parseVCards(FILE(count)));
  return previewImport(db, candidates, { source: 'vCard', rejected, warnings, now: LATER });
}

/** People cards a commit wrote. */
const peopleWritten = (changes: readonly { store: string; op: string }[]) =>
  changes.filter((change) => change.store === 'contacts' && change.op === 'put').length;

/** The user's call with someone the import wrote, logged while it runs. */
const callWith = (contactId: string): Interaction => ({
  id: newId(LATER + 6),
  contactIds: [contactId],
  kind: 'call',
  at: LATER,
  summary: 'Called while importing',
  createdAt: LATER,
});

const adaIn = async (db: TendDatabase) => ((await dump(db)).contacts as Contact[]).find((contact) => contact.displayName === ADA.name)!;

describe('an import in batches', () => {
  test('commits batch by batch: no commit holds more than a batch of people, the end records it for Undo and leaves no notes', async () => {
    const db = await withAda('import-batches-commit');
    const before = await dump(db);
    const commits: number[] = [];
    onCommit(db, (commit) => void commits.push(peopleWritten(commit.changes)));
    const { importId } = await applyImport(db, await previewOf(db, 450), { now: LATER, batchSize: 100 });
    // 100 people at a time: the new people, then Ada's additions with the last 50.
    expect(commits.filter((people) => people > 0)).toEqual([100, 100, 100, 100, 51]);
    const after = await dump(db);
    expect(after.contacts).toHaveLength(before.contacts.length + 450);
    expect(after.restores).toEqual([]);
    expect(after.imports).toMatchObject([{ id: importId, createdContacts: expect.any(Array) }]);
    expect((after.imports[0] as { createdContacts: unknown[]; changedContacts: unknown[]; addedIdentities: unknown[] }).createdContacts).toHaveLength(450);
    expect(await adaIn(db)).toMatchObject({ org: 'Analytical Engines', tags: ['friends'] });
    // Undo takes every batch back as one import.
    expect(await undoImport(db, importId, LATER + 1)).toMatchObject({ removedContacts: 450, removedIdentities: 450, restoredContacts: 1, kept: [] });
    expect({ ...(await dump(db)), imports: [] }).toEqual(before);
  });

  test('cancelled after several batches committed, it takes them back: the database is as it was, and the preview applies again', async () => {
    const db = await withAda('import-batches-cancel');
    const before = await dump(db);
    const preview = await previewOf(db, 450);
    const cancel = new AbortController();
    let committed = 0;
    const stop = onCommit(db, (commit) => {
      if (peopleWritten(commit.changes) > 0 && ++committed === 3) cancel.abort();
    });
    await expect(applyImport(db, preview, { now: LATER, batchSize: 100, signal: cancel.signal })).rejects.toThrow(
      'Import cancelled: nothing of the file was imported.',
    );
    stop();
    expect(committed).toBeGreaterThanOrEqual(3);
    expect(await dump(db)).toEqual(before);
    await applyImport(db, preview, { now: LATER, batchSize: 100 });
    expect((await dump(db)).contacts).toHaveLength(before.contacts.length + 450);
  });

  test('a batch the database fails takes back the batches before it, and the failure is what the import says', async () => {
    const db = await withAda('import-batches-failure');
    const before = await dump(db);
    const preview = await previewOf(db, 450);
    // The fourth batch (three of 100 people committed) is aborted by the database.
    await expect(applyImport(abortingNth(db, 4), preview, { now: LATER, batchSize: 100 })).rejects.toMatchObject({ name: 'AbortError' });
    expect(await dump(db)).toEqual(before);
  });

  test('the worker stopped after three batches: its next start takes back what they wrote', async () => {
    const name = 'import-batches-stopped';
    const db = await withAda(name);
    const before = await dump(db);
    const preview = await previewOf(db, 450);
    let committed = 0;
    // The worker stops after three batches: its connection goes, and nothing after runs.
    onCommit(db, (commit) => {
      if (peopleWritten(commit.changes) > 0 && ++committed === 3) db.close();
    });
    await expect(applyImport(db, preview, { now: LATER, batchSize: 100 })).rejects.toThrow(
      // Its own take-back fails too (the database went): the user is told it goes on at the next start.
      'The import stopped before the end, and Tend could not yet take back what it had written: it will when its background next starts.',
    );
    const restarted = await openTendDb(name);
    const left = await dump(restarted);
    expect(left.contacts).toHaveLength(before.contacts.length + 300);
    expect(left.restores).toHaveLength(3);
    expect(left.imports).toEqual([]);
    expect(await takeBackUnfinishedTransfers(restarted)).toBe(1);
    expect(await dump(restarted)).toEqual(before);
  });

  test('what the user writes between batches is kept: a field they filled is not overwritten, a person they wrote on stays', async () => {
    const db = await withAda('import-batches-user');
    const preview = await previewOf(db, 250);
    const ada = await adaIn(db);
    let committed = 0;
    // After the first batch the user gives Ada an organisation of their own and calls Person 7.
    const stop = onCommit(db, async (commit) => {
      if (peopleWritten(commit.changes) === 0 || ++committed !== 1) return;
      const person7 = ((await dump(db)).contacts as Contact[]).find((contact) => contact.displayName === 'Person 7')!;
      const tx = writeTx(db, ['contacts', 'interactions', 'timeline']);
      await putContact(tx, { ...ada, org: 'Babbage & Co', whatMatters: 'Night owl', updatedAt: LATER + 5 });
      await addInteraction(tx, callWith(person7.id));
      await tx.done;
    });
    const { importId } = await applyImport(db, preview, { now: LATER, batchSize: 100 });
    stop();
    // The file's organisation and note filled empty fields at the preview; the user's are there now and
    // stay, and the file's note joins Ada's history instead (as it would have had she had one before).
    expect(await adaIn(db)).toMatchObject({ org: 'Babbage & Co', whatMatters: 'Night owl', tags: ['friends'] });
    expect((await dump(db)).interactions).toContainEqual(expect.objectContaining({ contactIds: [ada.id], kind: 'note', summary: 'Prefers mornings' }));
    // Undo keeps the person the user called (with their address) and the user's organisation.
    const report = await undoImport(db, importId, LATER + 9);
    expect(report.kept.map((kept) => kept.displayName).sort()).toEqual(['Person 7']);
    const after = await dump(db);
    expect((after.contacts as Contact[]).filter((contact) => contact.displayName.startsWith('Person ')).map((c) => c.displayName)).toEqual(['Person 7']);
    expect(await adaIn(db)).toMatchObject({ org: 'Babbage & Co', whatMatters: 'Night owl', tags: [] });
  });

  test('an address a Gmail thread gave someone between two batches joins the file’s person to them: no second person, no failure', async () => {
    const db = await withAda('import-batches-sighting');
    const before = await dump(db);
    const preview = await previewOf(db, 250);
    let committed = 0;
    // After the first batch, a thread from person 200 (not yet written by the import) is seen.
    const stop = onCommit(db, async (commit) => {
      if (peopleWritten(commit.changes) === 0 || ++committed !== 1) return;
      await recordSighting(db, threadSighting('t9', 'Hello', [{ name: 'P. Two Hundred', email: 'person200@batch.example', role: 'from' }]), rulesWith(), LATER);
    });
    const { importId } = await applyImport(db, preview, { now: LATER, batchSize: 100 });
    stop();
    const after = await dump(db);
    const holders = (after.identities as { key: string; contactId: string }[]).filter((row) => row.key === 'email:person200@batch.example');
    expect(holders).toHaveLength(1);
    // One person 200: the one the thread made, keeping its name, the file's data added; 249 others new.
    expect(after.contacts).toHaveLength(before.contacts.length + 250);
    expect((after.contacts as Contact[]).find((contact) => contact.id === holders[0]!.contactId)).toMatchObject({ displayName: 'P. Two Hundred' });
    expect((after.contacts as Contact[]).filter((contact) => contact.displayName === 'Person 200')).toEqual([]);
    expect(after.imports).toMatchObject([{ id: importId }]);
    // Undo leaves the person the thread made (with the thread), and takes the 249 others back.
    await undoImport(db, importId, LATER + 9);
    expect((await dump(db)).contacts).toHaveLength(before.contacts.length + 1);
  });

  test('a person the user called during an import that is then cancelled stays, with their address; the rest is taken back', async () => {
    const db = await withAda('import-batches-kept');
    const before = await dump(db);
    const preview = await previewOf(db, 250);
    const cancel = new AbortController();
    let committed = 0;
    const stop = onCommit(db, async (commit) => {
      if (peopleWritten(commit.changes) === 0) return;
      if (++committed === 2) return cancel.abort();
      const person7 = ((await dump(db)).contacts as Contact[]).find((contact) => contact.displayName === 'Person 7')!;
      const tx = writeTx(db, ['interactions', 'timeline']);
      await addInteraction(tx, callWith(person7.id));
      await tx.done;
    });
    await expect(applyImport(db, preview, { now: LATER, batchSize: 100, signal: cancel.signal })).rejects.toThrow(
      'Import cancelled: of the file, Tend kept only the 1 person you worked on while it ran.',
    );
    stop();
    const after = await dump(db);
    const person7 = (after.contacts as Contact[]).find((contact) => contact.displayName === 'Person 7')!;
    expect(after.contacts).toEqual([...before.contacts, person7].sort((a, b) => ((a as Contact).id < (b as Contact).id ? -1 : 1)));
    expect(after.identities).toContainEqual({ key: 'email:person7@batch.example', kind: 'email', value: 'person7@batch.example', contactId: person7.id });
    expect(after.identities).toHaveLength(before.identities.length + 1);
    expect(after.restores).toEqual([]);
  });

  test('Delete everything while an import is under way stops it first: nothing of the file is written after the delete', async () => {
    const db = await withAda('import-batches-delete');
    const preview = await previewOf(db, 450);
    let committed = 0;
    let deleting: Promise<string[]> | undefined;
    const stop = onCommit(db, (commit) => {
      if (peopleWritten(commit.changes) > 0 && ++committed === 2) deleting = deleteEverything(db, LATER);
    });
    await expect(applyImport(db, preview, { now: LATER, batchSize: 100 })).rejects.toThrow('Import cancelled');
    await deleting;
    stop();
    const after = await dump(db);
    expect({ contacts: after.contacts, identities: after.identities, imports: after.imports, restores: after.restores }).toEqual({
      contacts: [],
      identities: [],
      imports: [],
      restores: [],
    });
  });

  test('the same preview applied again while it is being applied is refused, and the first goes on', async () => {
    const db = await withAda('import-batches-twice');
    const preview = await previewOf(db, 250);
    const first = applyImport(db, preview, { now: LATER, batchSize: 100 });
    await expect(applyImport(db, preview, { now: LATER, batchSize: 100 })).rejects.toThrow('This import is being applied already.');
    await first;
    expect((await dump(db)).imports).toHaveLength(1);
  });
});
