/**
 * Restoring a backup that is not as Tend writes it (issue 15): identities in another form are
 * normalised and counted, records naming people nobody has make the whole file refused, and
 * dates and numbers out of range are skipped with the record named.
 */
import { describe, expect, test } from 'vitest';
import { openTendDb } from '../../utils/db/open';
import { newId } from '../../utils/ids';
import { DEFAULT_SETTINGS, type Contact, type FollowUp, type Interaction } from '../../utils/model/records';
import { restoreBackup } from '../../utils/portability/backup/backup';
import { backupOf } from '../../utils/portability/backup/format';
import { parseBackupJson } from '../../utils/portability/backup/read';
import { exportInteractionsCsv } from '../../utils/portability/csv/export';
import { recordSighting } from '../../utils/services/sightings/sightings';
import { ADA, freshDb, rulesWith, threadSighting } from './helpers';

const NOON = Date.UTC(2024, 4, 1, 12);
/** The last instant JavaScript dates can hold: year 275760. */
const END_OF_TIME = 8.64e15;

const person = (displayName: string, emails: string[] = []): Contact => ({
  id: newId(NOON),
  displayName,
  identities: emails.map((value) => ({ kind: 'email' as const, value })),
  tags: [],
  createdAt: NOON,
  updatedAt: NOON,
});
const rowsOf = (contact: Contact) => contact.identities.map((i) => ({ key: `${i.kind}:${i.value}`, kind: i.kind, value: i.value, contactId: contact.id }));
const entryOf = (contactIds: string[], at = NOON): Interaction => ({ id: newId(NOON), contactIds, kind: 'note', at, summary: 'Lunch', createdAt: NOON });
const followUpOf = (contactId: string, due = NOON): FollowUp => ({ id: newId(NOON), contactId, due, text: 'Call back', done: false });

/** A backup file's JSON of these records, as a hand or another tool might have written it. */
function fileOf(records: { contacts?: Contact[]; identities?: unknown[]; interactions?: unknown[]; followUps?: unknown[] }) {
  const contacts = records.contacts ?? [];
  return JSON.parse(
    JSON.stringify(
      backupOf(
        {
          contacts,
          identities: (records.identities ?? contacts.flatMap(rowsOf)) as never,
          interactions: (records.interactions ?? []) as never,
          followUps: (records.followUps ?? []) as never,
          settings: DEFAULT_SETTINGS,
        },
        NOON,
      ),
    ),
  );
}

async function everything(db: Awaited<ReturnType<typeof openTendDb>>) {
  const [contacts, identities, interactions, followUps] = await Promise.all([
    db.getAll('contacts'),
    db.getAll('identities'),
    db.getAll('interactions'),
    db.getAll('followUps'),
  ]);
  return { contacts, identities, interactions, followUps };
}

describe('identities not in Tend’s form', () => {
  test('upper case, spaces and invisible marks are restored in Tend’s form, and counted', async () => {
    const ada = person('Ada', ['Ada@Analytical.EXAMPLE ', '\u200Bcountess@lovelace.example', 'plain@lovelace.example']);
    const db = await openTendDb('tend-restore-normal');
    const report = await restoreBackup(db, fileOf({ contacts: [ada] }));
    const stored = await everything(db);
    expect(stored.contacts[0]!.identities.map((i) => i.value)).toEqual(['ada@analytical.example', 'countess@lovelace.example', 'plain@lovelace.example']);
    expect(stored.identities.map((row) => row.key).sort()).toEqual([
      'email:ada@analytical.example',
      'email:countess@lovelace.example',
      'email:plain@lovelace.example',
    ]);
    expect(report.normalised).toBe(2);
    expect(report.added).toMatchObject({ contacts: 1, identities: 3 });
  });

  test('an address Tend gives to someone, written in capitals in the file, is not a silent second owner', async () => {
    const db = await freshDb();
    await recordSighting(db, threadSighting('t1', 'Plan', [ADA]), rulesWith(), NOON);
    const [known] = await db.getAll('contacts');
    const twin = person('Ada (old file)', [ADA.email.toUpperCase()]);
    const report = await restoreBackup(db, fileOf({ contacts: [twin] }));
    const rows = (await db.getAll('identities')).filter((row) => row.key === `email:${ADA.email}`);
    expect(rows.map((row) => row.contactId)).toEqual([known!.id]);
    expect((await db.get('contacts', twin.id))!.identities).toEqual([]);
    expect(report.conflicts).toEqual([{ store: 'identities', id: `email:${ADA.email}`, reason: expect.stringContaining('Already belongs to another person') }]);
    expect(report.normalised).toBe(1);
  });
});

describe('records naming people nobody has', () => {
  const ada = person('Ada', ['ada@analytical.example']);
  const nobody = newId(NOON + 1);

  test.each([
    [
      'a follow-up',
      () => ({ followUps: [followUpOf(ada.id), followUpOf(nobody)] }),
      (file: ReturnType<typeof fileOf>) => `the follow-up ${file.followUps[1].id}`,
    ],
    [
      'a history entry',
      () => ({ interactions: [entryOf([ada.id, nobody])] }),
      (file: ReturnType<typeof fileOf>) => `the history entry ${file.interactions[0].id}`,
    ],
    [
      'an address',
      () => ({ identities: [...rowsOf(ada), { key: 'email:x@y.example', kind: 'email', value: 'x@y.example', contactId: nobody }] }),
      () => 'the address email:x@y.example',
    ],
  ])('%s naming a missing person: the file is refused, naming the first such record, and nothing is written', async (_, records, named) => {
    const file = fileOf({ contacts: [ada], ...records() });
    const db = await openTendDb('tend-restore-dangling');
    await expect(restoreBackup(db, file)).rejects.toThrow(
      `This backup is damaged: ${named(file)} ${named(file).includes('address') ? 'belongs to' : 'names'} a person who is neither in the backup nor in Tend (${nobody}). Nothing was restored.`,
    );
    expect(await everything(db)).toEqual({ contacts: [], identities: [], interactions: [], followUps: [] });
  });

  test('a person Tend already has may be named by the file without being in it', async () => {
    const db = await openTendDb('tend-restore-known');
    await restoreBackup(db, fileOf({ contacts: [ada] }));
    const report = await restoreBackup(db, fileOf({ followUps: [followUpOf(ada.id)], interactions: [entryOf([ada.id])] }));
    expect(report.added).toMatchObject({ interactions: 1, followUps: 1 });
  });

  test('what names a person whose record in the file is damaged is skipped with them, and listed', async () => {
    const damaged = { ...person('Broken'), createdAt: -5 };
    const entry = entryOf([damaged.id]);
    const file = fileOf({ contacts: [ada, damaged], interactions: [entry, entryOf([ada.id])] });
    const db = await openTendDb('tend-restore-skipped');
    const report = await restoreBackup(db, file);
    expect(report.invalid.map(({ store, index }) => [store, index])).toEqual([['contacts', 1]]);
    expect(report.conflicts).toEqual([
      { store: 'interactions', id: entry.id, reason: 'Belongs to a person whose record in the backup is damaged and was skipped.' },
    ]);
    expect(report.added).toMatchObject({ contacts: 1, interactions: 1 });
  });
});

describe('dates and numbers out of range', () => {
  test.each([
    [
      'a follow-up due in year 275760',
      'followUps',
      () => ({ followUps: [followUpOf(ADA_ID), followUpOf(ADA_ID, END_OF_TIME)] }),
      'A date is outside the years 1970 to 9999.',
    ],
    [
      'a follow-up snoozed past year 9999',
      'followUps',
      () => ({ followUps: [followUpOf(ADA_ID), { ...followUpOf(ADA_ID), snoozedUntil: Date.UTC(10_000, 0) }] }),
      'A date is outside the years 1970 to 9999.',
    ],
    ['an entry before 1970', 'interactions', () => ({ interactions: [entryOf([ADA_ID]), entryOf([ADA_ID], -1)] }), 'A date is outside the years 1970 to 9999.'],
    [
      'a person with a cadence of 9,007,199,254,740 days',
      'contacts',
      () => ({ contacts: [ADA_PERSON, { ...person('Zeno'), cadenceDays: 9_007_199_254_740 }] }),
      'A keep-in-touch cadence is 1 to 3650 days.',
    ],
    [
      'a person with a cadence of 0 days',
      'contacts',
      () => ({ contacts: [ADA_PERSON, { ...person('Zeno'), cadenceDays: 0 }] }),
      'A keep-in-touch cadence is 1 to 3650 days.',
    ],
    [
      'a person updated in year 275760',
      'contacts',
      () => ({ contacts: [ADA_PERSON, { ...person('Zeno'), updatedAt: END_OF_TIME }] }),
      'A date is outside the years 1970 to 9999.',
    ],
  ])('%s is skipped with its record named; the rest is restored', async (_, store, records, reason) => {
    const file = fileOf({ contacts: [ADA_PERSON], ...records() });
    const db = await openTendDb('tend-restore-range');
    const report = await restoreBackup(db, file);
    expect(report.invalid).toEqual([{ store, index: 1, reason }]);
    expect(report.added[store as 'contacts']).toBe(1);
  });
});

const ADA_PERSON = person('Ada', ['ada@analytical.example']);
const ADA_ID = ADA_PERSON.id;

test('the history export of an entry dated past JavaScript’s range (stored before the check) completes', () => {
  const contacts = new Map([[ADA_ID, ADA_PERSON]]);
  const csv = exportInteractionsCsv([entryOf([ADA_ID], END_OF_TIME + 1), entryOf([ADA_ID])], contacts);
  expect(csv).toContain(String(END_OF_TIME + 1));
  expect(csv).toContain('2024-05-01 12:00:00');
});

describe('a backup that is not whole JSON', () => {
  test('cut short: the message says so and names where the text ends (line, column, character)', async () => {
    const text = JSON.stringify(fileOf({ contacts: [ADA_PERSON] }), null, 2);
    const cut = text.slice(0, 200);
    const lines = cut.split('\n');
    expect(() => parseBackupJson(cut)).toThrow(
      `This Tend backup is cut short: its text ends at line ${lines.length}, column ${lines.at(-1)!.length + 1} (character 200) before the backup does.`,
    );
  });

  test('broken in the middle: the place where it stops being JSON is named', () => {
    expect(() => parseBackupJson('{\n  "format": "tend-backup",\n  "version": 1,,\n}')).toThrow(
      /^This file is not a Tend backup \(it is not JSON\)\. It stops being JSON at line 3, column 16 \(character 44\)\.$/,
    );
  });
});
