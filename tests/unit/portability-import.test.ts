import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { newId } from '../../utils/ids';
import type { Contact } from '../../utils/model/records';
import { parseContactsCsv } from '../../utils/portability/csv/import';
import { textOfFile } from '../../utils/portability/file-text';
import { applyImport } from '../../utils/portability/import/apply';
import type { ImportPreview } from '../../utils/model/import';
import { previewImport } from '../../utils/portability/import/preview';
import type { ImportsDatabase } from '../../utils/portability/import/store';
import { undoImport } from '../../utils/portability/import/undo';
import { listImports } from '../../utils/portability/import/history';
import { vCardImportInput } from '../../utils/portability/vcard/import';
import { parseVCards } from '../../utils/portability/vcard/parse';
import { recordSighting } from '../../utils/services/sightings/sightings';
import { ADA, CHARLES, DAY, freshDb, rulesWith, threadSighting } from './helpers';

const NOON = Date.UTC(2024, 4, 1, 12);
const LATER = NOON + DAY;
const STORES = ['contacts', 'identities', 'interactions', 'timeline', 'followUps', 'imports', 'restores'] as const;

/** Every record of every store (the imports store and the batches' notes included), in key order. */
async function dump(db: ImportsDatabase) {
  const tx = db.transaction([...STORES], 'readonly');
  const [contacts, identities, interactions, timeline, followUps, imports, restores] = await Promise.all([
    tx.objectStore('contacts').getAll(),
    tx.objectStore('identities').getAll(),
    tx.objectStore('interactions').getAll(),
    tx.objectStore('timeline').getAll(),
    tx.objectStore('followUps').getAll(),
    tx.objectStore('imports').getAll(),
    tx.objectStore('restores').getAll(),
  ]);
  await tx.done;
  return { contacts, identities, interactions, timeline, followUps, imports, restores };
}

const crlf = (...lines: string[]) => lines.join('\r\n') + '\r\n';
const vcard = (...props: string[]) => crlf('BEGIN:VCARD', 'VERSION:3.0', ...props, 'END:VCARD');

/**
 * Line 1 Ada (known by address), 7 Grace (known by profile), 13 and 21 one new person across two
 * cards, 28 a name-only person Tend has, 33 an unusable address only, 37 a phone only, 41 cut short.
 */
const FILE = [
  vcard('FN:Ada Lovelace', 'EMAIL:ADA@Analytical.example', 'CATEGORIES:friends'),
  vcard('FN:Grace Hopper', 'URL:https://www.github.com/Grace/', 'TITLE:Rear Admiral'),
  vcard('FN:Noor Haddad', 'EMAIL:noor@haddad.example', 'URL:http://www.company.example', 'NOTE:Allergic to nuts', 'CATEGORIES:new'),
  vcard('FN:Noor H.', 'EMAIL:noor@haddad.example', 'EMAIL:noor@work.example', 'CATEGORIES:new,work'),
  vcard('FN:Mystery Person', 'NOTE:Met on a train'),
  vcard('EMAIL:not-an-address'),
  vcard('TEL:+1 555 0100'),
  'BEGIN:VCARD\r\nFN:Cut',
].join('');

let db: ImportsDatabase;
let ada: Contact;
let grace: Contact;
let mystery: Contact;

beforeEach(async () => {
  db = await freshDb();
  await recordSighting(db, threadSighting('t1', 'Plan', [ADA, CHARLES]), rulesWith(), NOON);
  await recordSighting(db, threadSighting('t2', 'Repo', [{ name: 'Grace', profileUrl: 'https://github.com/grace' }]), rulesWith(), NOON);
  const tx = db.transaction('contacts', 'readwrite');
  mystery = { id: newId(NOON), displayName: 'Mystery Person', identities: [], tags: [], createdAt: NOON, updatedAt: NOON };
  await tx.store.add(mystery);
  await tx.done;
  const contacts = await db.getAll('contacts');
  ada = contacts.find((c) => c.displayName === ADA.name)!;
  grace = contacts.find((c) => c.displayName === 'Grace')!;
});

const previewFile = async (text = FILE) => {
  const { candidates, rejected, warnings } = vCardImportInput(parseVCards(text));
  return previewImport(db, candidates, { source: 'vCard', rejected, warnings, now: LATER });
};

describe('previewImport', () => {
  test('new people, matches with their reasons, rejected lines, warnings; nothing written', async () => {
    const before = await dump(db);
    const preview = await previewFile();
    expect(await dump(db)).toEqual(before);

    expect(preview.newPeople).toEqual([
      {
        lines: [13, 21],
        displayName: 'Noor Haddad',
        identities: [
          { kind: 'email', value: 'noor@haddad.example' },
          { kind: 'email', value: 'noor@work.example' },
        ],
        tags: ['new', 'work'],
        note: 'Allergic to nuts',
      },
    ]);
    expect(preview.matches).toEqual([
      {
        lines: [1],
        contactId: ada.id,
        displayName: 'Ada Lovelace',
        reasons: [{ kind: 'email', value: ADA.email }],
        addIdentities: [],
        addTags: ['friends'],
        fill: {},
      },
      {
        lines: [7],
        contactId: grace.id,
        displayName: 'Grace',
        reasons: [{ kind: 'url', value: 'https://github.com/grace' }],
        addIdentities: [],
        addTags: [],
        fill: { title: 'Rear Admiral' },
      },
      {
        lines: [28],
        contactId: mystery.id,
        displayName: 'Mystery Person',
        reasons: [{ kind: 'name', value: 'Mystery Person' }],
        addIdentities: [],
        addTags: [],
        fill: { whatMatters: 'Met on a train' },
      },
    ]);
    expect(preview.rejected).toEqual([
      { line: 33, reason: 'No name, usable email address or profile URL.' },
      { line: 37, reason: 'This card has no name, email address or web address.' },
      { line: 41, reason: 'This card is not closed (END:VCARD is missing): the file may be cut short.' },
    ]);
    expect(preview.warnings).toEqual([
      { line: 13, reason: 'https://company.example is a website, not a profile page: not used to recognise this person.' },
      { line: 33, reason: '"not-an-address" is not an email address.' },
    ]);
    expect(preview).toMatchObject({ source: 'vCard', createdAt: LATER });
  });

  test.each([
    [
      'two name-only cards, and Tend has a person of that name without identities',
      vcard('FN:Mystery Person') + vcard('FN:mystery person', 'CATEGORIES:x'),
      { newPeople: [], matches: [{ lines: [1, 5], displayName: 'Mystery Person', reasons: [{ kind: 'name', value: 'Mystery Person' }], addTags: ['x'] }] },
    ],
    [
      'two name-only cards with a new name',
      vcard('FN:Lin Wu') + vcard('FN:Lin Wu'),
      { newPeople: [{ lines: [1, 5], displayName: 'Lin Wu', identities: [] }], matches: [] },
    ],
    ['an organisation only', vcard('ORG:Acme Ltd;Sales'), { newPeople: [{ lines: [1], displayName: 'Acme Ltd', org: 'Acme Ltd' }], matches: [] }],
    [
      'a name-only card never matches a person who has identities',
      vcard('FN:Ada Lovelace'),
      { newPeople: [{ lines: [1], displayName: 'Ada Lovelace', identities: [] }], matches: [] },
    ],
  ])('%s', async (_, text, expected) => {
    expect(await previewFile(text)).toMatchObject(expected);
  });

  test('a person known only by address takes the name the file gives', async () => {
    const tx = db.transaction('contacts', 'readwrite');
    await tx.store.put({ ...ada, displayName: ADA.email });
    await tx.done;
    const preview = await previewFile(vcard('FN:Ada Lovelace', `EMAIL:${ADA.email}`));
    expect(preview.matches[0]!.fill).toEqual({ displayName: 'Ada Lovelace' });
  });

  test('an address another contact holds stays with them, with a warning', async () => {
    const preview = await previewFile(vcard('FN:Ada Lovelace', `EMAIL:${ADA.email}`, `EMAIL:${CHARLES.email}`));
    expect(preview.matches).toHaveLength(1);
    expect(preview.matches[0]!.addIdentities).toEqual([]);
    expect(preview.warnings).toEqual([{ line: 1, reason: `${CHARLES.email} already belongs to another person in Tend; it stays there.` }]);
  });

  test('CSV rows go through the same preview (Google Contacts export)', async () => {
    const parsed = parseContactsCsv(textOfFile(readFileSync(resolve('tests/fixtures/portability/google-contacts-older.csv'))));
    if (parsed.format === 'unknown') throw new Error('not detected');
    const preview = await previewImport(db, parsed.candidates, { source: 'Google Contacts CSV', rejected: parsed.rejected });
    expect(preview.newPeople.map((p) => p.displayName)).toEqual([
      'Maren Quist',
      'Dr. Tobias Ferreira-Lind',
      'Nameless Bakery, Ltd.',
      '=HYPERLINK("http://evil.example")',
    ]);
    expect(preview.newPeople[0]!.identities).toContainEqual({ kind: 'url', value: 'https://github.com/marenquist' });
    expect(preview.rejected.map((r) => r.line)).toEqual([6]);
  });
});

describe('applyImport', () => {
  test('writes the preview: new people with their identities, additions to matched people', async () => {
    const preview = await previewFile();
    const { importId } = await applyImport(db, preview, { now: LATER });
    expect(importId).toBe(preview.id);
    const after = await dump(db);

    const noor = after.contacts.find((c) => c.displayName === 'Noor Haddad')!;
    expect(noor).toMatchObject({ tags: ['new', 'work'], whatMatters: 'Allergic to nuts', createdAt: LATER, updatedAt: LATER });
    expect(after.identities.filter((row) => row.contactId === noor.id).map((row) => row.key)).toEqual(['email:noor@haddad.example', 'email:noor@work.example']);
    expect(after.contacts.find((c) => c.id === ada.id)).toEqual({ ...ada, tags: ['friends'], updatedAt: LATER });
    expect(after.contacts.find((c) => c.id === grace.id)).toEqual({ ...grace, title: 'Rear Admiral', updatedAt: LATER });
    expect(after.contacts.find((c) => c.id === mystery.id)).toEqual({ ...mystery, whatMatters: 'Met on a train', updatedAt: LATER });
    expect(after.imports).toHaveLength(1);
    expect(after.imports[0]).toMatchObject({ id: importId, source: 'vCard', at: LATER, createdContacts: [noor], addedInteractionIds: [] });
  });

  test('a note for someone whose "what matters" is written joins their history instead', async () => {
    const tx = db.transaction('contacts', 'readwrite');
    await tx.store.put({ ...mystery, whatMatters: 'Reads a lot' });
    await tx.done;
    const preview = await previewFile(vcard('FN:Mystery Person', 'NOTE:Met on a train'));
    expect(preview.matches[0]).toMatchObject({ fill: {}, note: 'Met on a train' });
    await applyImport(db, preview, { now: LATER });
    const after = await dump(db);
    const note = after.interactions.find((i) => i.summary === 'Met on a train')!;
    expect(note).toMatchObject({ contactIds: [mystery.id], kind: 'note', at: LATER });
    expect(after.timeline).toContainEqual({ contactId: mystery.id, at: LATER, interactionId: note.id });
    expect(after.contacts.find((c) => c.id === mystery.id)!.whatMatters).toBe('Reads a lot');
  });

  // 1 new contact + 2 identities, 3 changed contacts, a note of each batch (one, or one per person), the import's record.
  test.each([
    { batchSize: undefined, writes: 3 + 3 + 1 + 1 },
    { batchSize: 1, writes: 3 + 1 + 3 * 2 + 1 },
  ])('a failure after any number of writes leaves the database exactly as it was ($writes writes)', async ({ batchSize, writes }) => {
    const preview = await previewFile();
    const before = await dump(db);
    // Fail after the 1st write, then the 2nd, ... until a run has fewer writes than that and succeeds.
    let failAt = 1;
    for (; ; failAt++) {
      const failing = applyImport(db, preview, {
        now: LATER,
        batchSize,
        testOnlyAfterWrite: (n) => {
          if (n === failAt) throw new Error(`disk full after write ${n}`);
        },
      });
      const outcome = await failing.then(
        () => 'applied',
        (error: Error) => error.message,
      );
      if (outcome === 'applied') break;
      expect(outcome).toBe(`disk full after write ${failAt}`);
      expect(await dump(db)).toEqual(before);
    }
    expect(failAt - 1).toBe(writes);
    expect((await dump(db)).imports).toHaveLength(1);
  });

  /** A file of `count` new people, one address each. */
  const manyPeople = (count: number) => Array.from({ length: count }, (_, i) => vcard(`FN:Person ${i}`, `EMAIL:person${i}@many.example`)).join('');

  test('says how far it has gone, by people written of all, rising to all of them', async () => {
    const preview = await previewFile(manyPeople(600));
    const heard: [number, number][] = [];
    await applyImport(db, preview, { now: LATER, onProgress: (done, total) => heard.push([done, total]) });
    expect(heard).toEqual([
      [0, 600],
      [250, 600],
      [500, 600],
      [600, 600],
    ]);
  });

  test('a cancel half-way stops at the next step and leaves the database exactly as it was', async () => {
    const preview = await previewFile(manyPeople(600));
    const before = await dump(db);
    const cancel = new AbortController();
    const heard: number[] = [];
    const onProgress = (done: number) => {
      heard.push(done);
      if (done === 250) cancel.abort();
    };
    await expect(applyImport(db, preview, { now: LATER, onProgress, signal: cancel.signal })).rejects.toThrow(
      'Import cancelled: nothing of the file was imported.',
    );
    expect(heard).toEqual([0, 250]);
    expect(await dump(db)).toEqual(before);
    // Not applied: the same preview applies once the user asks again.
    await applyImport(db, preview, { now: LATER });
    expect((await dump(db)).contacts).toHaveLength(before.contacts.length + 600);
  });

  test('a step’s writes are all made before the first is answered: one round trip per step, not per record', async () => {
    const preview = await previewFile(manyPeople(10));
    // Writes made to the people and identity stores when IndexedDB answered the first of them.
    const realAdd = IDBObjectStore.prototype.add;
    let made = 0;
    let madeAtFirstAnswer: number | undefined;
    IDBObjectStore.prototype.add = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      const request = realAdd.call(this, value, key);
      if (this.name === 'contacts' || this.name === 'identities') {
        made++;
        request.addEventListener('success', () => (madeAtFirstAnswer ??= made));
      }
      return request;
    };
    try {
      await applyImport(db, preview, { now: LATER });
    } finally {
      IDBObjectStore.prototype.add = realAdd;
    }
    // 10 people and their 10 addresses, asked for at once (awaiting each, the first answer came after 1).
    expect(madeAtFirstAnswer).toBe(20);
    expect((await dump(db)).contacts.filter((contact) => contact.displayName.startsWith('Person '))).toHaveLength(10);
  });

  test('a write the database itself refuses half-way (duplicate key) rolls everything back', async () => {
    const preview = await previewFile();
    const before = await dump(db);
    // The second identity row written repeats the first one's key: IndexedDB raises ConstraintError.
    const realAdd = IDBObjectStore.prototype.add;
    const added: unknown[] = [];
    IDBObjectStore.prototype.add = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      if (this.name !== 'identities') return realAdd.call(this, value, key);
      added.push(value);
      return realAdd.call(this, added.length === 2 ? added[0] : value, key);
    };
    try {
      await expect(applyImport(db, preview, { now: LATER })).rejects.toThrow(/constraint/i);
    } finally {
      IDBObjectStore.prototype.add = realAdd;
    }
    expect(added).toHaveLength(2);
    expect(await dump(db)).toEqual(before);
  });

  test('applying the same preview twice is refused and changes nothing', async () => {
    const preview = await previewFile();
    await applyImport(db, preview, { now: LATER });
    const once = await dump(db);
    await expect(applyImport(db, preview, { now: LATER + 1 })).rejects.toThrow('This import has already been applied.');
    expect(await dump(db)).toEqual(once);
  });

  test('a preview made stale by a change to the database is refused', async () => {
    const preview = await previewFile();
    const tx = db.transaction(['contacts', 'identities'], 'readwrite');
    await tx.objectStore('identities').put({ key: 'email:noor@work.example', kind: 'email', value: 'noor@work.example', contactId: grace.id });
    await tx.done;
    const before = await dump(db);
    await expect(applyImport(db, preview, { now: LATER })).rejects.toThrow("Tend's data changed since this preview was made: preview the import again.");
    expect(await dump(db)).toEqual(before);
  });

  test('a preview that is not one is refused', async () => {
    await expect(applyImport(db, { id: 'nope' } as unknown as ImportPreview)).rejects.toThrow('This import preview is not valid; read the file again.');
  });
});

describe('undoImport', () => {
  test('takes the import back exactly: the database is as before, the import marked undone', async () => {
    const tx = db.transaction('contacts', 'readwrite');
    await tx.store.put({ ...mystery, whatMatters: 'Reads a lot' });
    await tx.done;
    const before = await dump(db);
    const { importId } = await applyImport(db, await previewFile(), { now: LATER });
    expect((await dump(db)).interactions.length).toBe(before.interactions.length + 1);

    const report = await undoImport(db, importId, LATER + 5);
    const after = await dump(db);
    expect({ ...after, imports: [] }).toEqual(before);
    expect(after.imports).toMatchObject([{ id: importId, undoneAt: LATER + 5 }]);
    expect(report).toEqual({ removedContacts: 1, removedIdentities: 2, removedInteractions: 1, restoredContacts: 3, kept: [] });
  });

  test('keeps work done since: a new person with history stays, an edited person loses only what the import added', async () => {
    const { importId } = await applyImport(db, await previewFile(), { now: LATER });
    const imported = await dump(db);
    const noor = imported.contacts.find((c) => c.displayName === 'Noor Haddad')!;
    const tx = db.transaction(['contacts', 'followUps'], 'readwrite');
    await tx.objectStore('followUps').add({ id: newId(LATER), contactId: noor.id, due: LATER + DAY, text: 'Send menu', done: false });
    const adaNow = imported.contacts.find((c) => c.id === ada.id)!;
    await tx.objectStore('contacts').put({ ...adaNow, displayName: 'Ada King', tags: [...adaNow.tags, 'vip'], updatedAt: LATER + 1 });
    await tx.done;

    const report = await undoImport(db, importId, LATER + 5);
    const after = await dump(db);
    expect(after.contacts.find((c) => c.id === noor.id)).toEqual(noor);
    expect(after.identities.filter((row) => row.contactId === noor.id)).toHaveLength(2);
    expect(after.contacts.find((c) => c.id === ada.id)).toEqual({ ...ada, displayName: 'Ada King', tags: ['vip'], updatedAt: LATER + 5 });
    expect(after.contacts.find((c) => c.id === grace.id)).toEqual(grace);
    expect(report.kept.map((k) => k.contactId).sort()).toEqual([ada.id, noor.id].sort());
    expect(report).toMatchObject({ removedContacts: 0, removedIdentities: 0, restoredContacts: 2 });
  });

  test('undoing twice, or an unknown import, is refused', async () => {
    const { importId } = await applyImport(db, await previewFile(), { now: LATER });
    await undoImport(db, importId, LATER + 1);
    const once = await dump(db);
    await expect(undoImport(db, importId, LATER + 2)).rejects.toThrow('That import has already been undone.');
    await expect(undoImport(db, newId(LATER), LATER + 2)).rejects.toThrow('That import is not in Tend’s import history.');
    expect(await dump(db)).toEqual(once);
  });
});

describe('listImports', () => {
  test('newest first, with counts and whether each was undone', async () => {
    const first = await applyImport(db, await previewFile(vcard('FN:One', 'EMAIL:one@x.example')), { now: LATER });
    const second = await applyImport(db, await previewFile(vcard('FN:Ada Lovelace', `EMAIL:${ADA.email}`, 'CATEGORIES:x')), { now: LATER + 1 });
    await undoImport(db, first.importId, LATER + 2);
    expect(await listImports(db)).toEqual([
      { id: second.importId, at: LATER + 1, source: 'vCard', createdPeople: 0, changedPeople: 1 },
      { id: first.importId, at: LATER, source: 'vCard', createdPeople: 1, changedPeople: 0, undoneAt: LATER + 2 },
    ]);
    expect(await listImports(db, 1)).toHaveLength(1);
  });
});

test('an address longer than a name may be still names a new person (capped), and applies', async () => {
  const long = `${'a'.repeat(64)}@${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(50)}.example`; // 245 characters
  const preview = await previewImport(db, [{ line: 1, emails: [long], urls: [], tags: [] }], { source: 'x'.repeat(500) });
  expect(preview.newPeople[0]!.displayName).toHaveLength(200);
  expect(preview.newPeople[0]!.identities).toEqual([{ kind: 'email', value: long }]);
  await applyImport(db, preview);
  expect((await dump(db)).contacts.some((c) => c.identities[0]?.value === long)).toBe(true);
});
