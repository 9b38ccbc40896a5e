import { describe, expect, test } from 'vitest';
import { openTendDb } from '../../utils/db/open';
import { addInteraction } from '../../utils/db/interactions-repo';
import { writeTx, type TendDatabase } from '../../utils/db/schema';
import { newId } from '../../utils/ids';
import { DEFAULT_SETTINGS, type FollowUp, type Settings } from '../../utils/model/records';
import { Backup } from '../../utils/portability/backup/format';
import { exportBackup, restoreBackup } from '../../utils/portability/backup/backup';
import { parseBackupJson } from '../../utils/portability/backup/read';
import { writeBackupParts } from '../../utils/portability/backup/write';
import { recordSighting } from '../../utils/services/sightings/sightings';
import { ADA, CHARLES, DAY, freshDb, rulesWith, threadSighting } from './helpers';

const NOON = Date.UTC(2024, 4, 1, 12);
const STORES = ['contacts', 'identities', 'interactions', 'timeline', 'followUps'] as const;
const SETTINGS: Settings = {
  ...DEFAULT_SETTINGS,
  ownAddresses: ['me@self.example'],
  neverCapture: { addresses: ['x@y.example'], domains: ['spam.example'], sites: ['bank.example'] },
  ignoreAutomatedSenders: false,
};

/** Every record of every store, in key order. */
async function dump(db: TendDatabase) {
  const tx = db.transaction([...STORES], 'readonly');
  const [contacts, identities, interactions, timeline, followUps] = await Promise.all([
    tx.objectStore('contacts').getAll(),
    tx.objectStore('identities').getAll(),
    tx.objectStore('interactions').getAll(),
    tx.objectStore('timeline').getAll(),
    tx.objectStore('followUps').getAll(),
  ]);
  await tx.done;
  return { contacts, identities, interactions, timeline, followUps };
}

/** A database with a bit of everything: sightings, notes, a shared interaction, follow-ups, all optional fields. */
async function populated(): Promise<TendDatabase> {
  const db = await freshDb();
  const rules = rulesWith();
  await recordSighting(db, threadSighting('t1', 'Quarterly plan', [ADA, CHARLES]), rules, NOON);
  await recordSighting(db, threadSighting('t2', 'Launch', [ADA, { name: 'Grace', profileUrl: 'https://github.com/grace' }]), rules, NOON + DAY);
  const tx = writeTx(db, ['contacts', 'interactions', 'timeline', 'followUps']);
  const [ada, charles] = await tx.objectStore('contacts').getAll();
  await tx.objectStore('contacts').put({
    ...ada!,
    org: 'Engines',
    title: 'Countess',
    tags: ['maths', 'poetry'],
    stage: 'active',
    whatMatters: 'Poetical science;\nengines, always.',
    cadenceDays: 14,
  });
  const shared = {
    id: newId(NOON),
    contactIds: [ada!.id, charles!.id],
    kind: 'meeting' as const,
    at: NOON + 5,
    summary: 'Lunch',
    body: 'Long talk',
    experience: 'positive' as const,
    source: { url: 'https://cal.example/e/1', title: 'Lunch', site: 'calendar' },
    createdAt: NOON,
  };
  await tx.objectStore('interactions').add(shared);
  for (const contactId of shared.contactIds) await tx.objectStore('timeline').put({ contactId, at: shared.at, interactionId: shared.id });
  const followUps: FollowUp[] = [
    { id: newId(NOON), contactId: ada!.id, due: NOON + 7 * DAY, text: 'Send the notes', done: false },
    { id: newId(NOON), contactId: charles!.id, due: NOON + DAY, text: 'Call back', done: true, snoozedUntil: NOON + 2 * DAY },
  ];
  for (const followUp of followUps) await tx.objectStore('followUps').add(followUp);
  await addInteraction(tx, {
    id: newId(NOON),
    contactIds: [ada!.id],
    kind: 'note',
    at: NOON + 2 * DAY,
    summary: 'Asked about the Difference Engine',
    createdAt: NOON + 2 * DAY,
  });
  // Stage changes: one as data, one as an older Tend wrote it (its summary only).
  await addInteraction(tx, {
    id: newId(NOON + 3 * DAY),
    contactIds: [ada!.id],
    kind: 'stage',
    at: NOON + 3 * DAY,
    summary: 'Stage: prospect → active',
    stage: { from: 'prospect', to: 'active' },
    createdAt: NOON + 3 * DAY,
  });
  await addInteraction(tx, {
    id: newId(NOON + 2),
    contactIds: [ada!.id],
    kind: 'stage',
    at: NOON + 2,
    summary: 'Stage: no stage → prospect',
    createdAt: NOON + 2,
  });
  await tx.done;
  return db;
}

describe('JSON backup', () => {
  test('export then restore into an empty database reproduces every record of every store', async () => {
    const source = await populated();
    const before = await dump(source);
    expect(before.contacts).toHaveLength(3);
    expect(before.timeline.length).toBeGreaterThan(before.interactions.length);

    const file = JSON.stringify(await exportBackup(source, SETTINGS, NOON));
    const target = await openTendDb('tend-restore');
    const report = await restoreBackup(target, parseBackupJson(file));

    expect(await dump(target)).toEqual(before);
    expect(report.added).toEqual({ contacts: 3, identities: before.identities.length, interactions: before.interactions.length, followUps: 2 });
    expect(report.conflicts).toEqual([]);
    expect(report.invalid).toEqual([]);
    expect(report.settings).toEqual(SETTINGS);
  });

  test('written in small pages and parts, the file is the same and every record comes back intact', async () => {
    const source = await populated();
    const before = await dump(source);
    const records = before.contacts.length + before.identities.length + before.interactions.length + before.followUps.length;
    const progress: [number, number][] = [];
    // Two records per read and parts of 64 characters: every record is read and serialised on its own path.
    const parts = await writeBackupParts(source, SETTINGS, NOON, { pageSize: 2, partChars: 64, onProgress: (done, total) => progress.push([done, total]) });
    expect(parts.length).toBeGreaterThan(records);
    const longestRecord = Math.max(
      ...[...before.contacts, ...before.identities, ...before.interactions, ...before.followUps].map((r) => JSON.stringify(r).length),
    );
    for (const part of parts) expect(part.length).toBeLessThan(64 + longestRecord + 16);
    // The layout does not depend on the cut: one page and one part write the same text.
    const whole = await writeBackupParts(source, SETTINGS, NOON, { pageSize: 10_000, partChars: Infinity });
    expect(whole).toHaveLength(1);
    expect(parts.join('')).toBe(whole[0]);
    // Progress after each page, up to every record.
    expect(progress.length).toBeGreaterThanOrEqual(Math.ceil(records / 2));
    expect(progress.at(-1)).toEqual([records, records]);
    expect(progress.every(([done], i) => i === 0 || done > progress[i - 1]![0])).toBe(true);

    const target = await openTendDb('tend-restore-parts');
    const report = await restoreBackup(target, parseBackupJson(parts.join('')));
    expect(await dump(target)).toEqual(before);
    expect(report.invalid).toEqual([]);
    expect(report.settings).toEqual(SETTINGS);
  });

  test('stores with no record are written as empty lists, wherever they fall', async () => {
    const db = await freshDb();
    expect(JSON.parse((await writeBackupParts(db, SETTINGS, NOON, { pageSize: 1, partChars: 1 })).join(''))).toEqual({
      format: 'tend-backup',
      version: 1,
      exportedAt: '2024-05-01T12:00:00.000Z',
      contacts: [],
      identities: [],
      interactions: [],
      followUps: [],
      settings: SETTINGS,
    });
    const tx = writeTx(db, ['followUps']);
    const followUp: FollowUp = { id: newId(NOON), contactId: newId(NOON), due: NOON, text: 'Only this', done: false };
    await tx.objectStore('followUps').add(followUp);
    await tx.done;
    expect(JSON.parse((await writeBackupParts(db, SETTINGS, NOON, { pageSize: 1, partChars: 1 })).join(''))).toMatchObject({
      contacts: [],
      interactions: [],
      followUps: [followUp],
    });
  });

  test('a stage change’s data goes into the file and comes back; a stage Tend does not know is refused', async () => {
    const backup = JSON.parse(JSON.stringify(await exportBackup(await populated(), SETTINGS, NOON)));
    const byTime = (a: { at: number }, b: { at: number }) => a.at - b.at;
    const stages = backup.interactions.filter((entry: { kind: string }) => entry.kind === 'stage').sort(byTime);
    expect(stages.map((entry: { stage?: unknown }) => entry.stage)).toEqual([undefined, { from: 'prospect', to: 'active' }]);
    backup.interactions.push({ ...stages[1], id: newId(NOON + 9), stage: { from: 'prospect', to: 'promoted' } });
    const target = await openTendDb('tend-restore');
    const report = await restoreBackup(target, backup);
    expect(report.invalid.map(({ store, index }) => [store, index])).toEqual([['interactions', backup.interactions.length - 1]]);
    const restored = (await dump(target)).interactions.filter((entry) => entry.kind === 'stage').sort(byTime);
    expect(restored).toEqual(stages);
  });

  test('the file is versioned, valid against its schema, and has no timeline', async () => {
    const backup = await exportBackup(await populated(), SETTINGS, NOON);
    expect(backup).toMatchObject({ format: 'tend-backup', version: 1, exportedAt: '2024-05-01T12:00:00.000Z' });
    expect(Backup.safeParse(JSON.parse(JSON.stringify(backup))).success).toBe(true);
    expect(Object.keys(backup)).not.toContain('timeline');
  });

  test('restoring the same backup again changes nothing and reports everything unchanged', async () => {
    const db = await populated();
    const backup = JSON.parse(JSON.stringify(await exportBackup(db, SETTINGS)));
    const before = await dump(db);
    const report = await restoreBackup(db, backup);
    expect(await dump(db)).toEqual(before);
    expect(report.added).toEqual({ contacts: 0, identities: 0, interactions: 0, followUps: 0 });
    expect(report.unchanged.contacts).toBe(3);
    expect(report.conflicts).toEqual([]);
  });

  test('into a used database: merge by id, existing records win, every difference reported', async () => {
    const db = await populated();
    const backup = JSON.parse(JSON.stringify(await exportBackup(db, SETTINGS)));
    const ada = backup.contacts.find((c: { displayName: string }) => c.displayName === 'Ada Lovelace');
    // The database moves on after the backup: Ada renamed, one follow-up deleted.
    const tx = db.transaction(['contacts', 'followUps'], 'readwrite');
    await tx.objectStore('contacts').put({ ...ada, displayName: 'Ada King' });
    await tx.objectStore('followUps').delete(backup.followUps[0].id);
    await tx.done;
    // And the backup holds a person the database never had, whose address someone else now has.
    const stranger = {
      ...ada,
      id: newId(NOON + 99),
      displayName: 'Old Ada',
      identities: [
        { kind: 'email', value: ADA.email },
        { kind: 'email', value: 'old@ada.example' },
      ],
    };
    backup.contacts.push(stranger);
    backup.identities.push({ key: 'email:old@ada.example', kind: 'email', value: 'old@ada.example', contactId: stranger.id });

    const report = await restoreBackup(db, backup);
    const after = await dump(db);
    expect(after.contacts.find((c) => c.id === ada.id)!.displayName).toBe('Ada King');
    expect(after.followUps).toHaveLength(2);
    // The stranger is restored without the address that belongs to Ada.
    expect(after.contacts.find((c) => c.id === stranger.id)!.identities).toEqual([{ kind: 'email', value: 'old@ada.example' }]);
    expect(after.identities.find((row) => row.key === `email:${ADA.email}`)!.contactId).toBe(ada.id);
    expect(report.added).toMatchObject({ contacts: 1, identities: 1, followUps: 1 });
    expect(report.conflicts).toEqual([
      { store: 'contacts', id: ada.id, reason: 'Tend has a different version of this person; kept that one.' },
      { store: 'identities', id: `email:${ADA.email}`, reason: 'Already belongs to another person in Tend; left there, not given to Old Ada.' },
    ]);
  });

  test('an automatic entry recorded again under another id is a conflict, not a failed restore', async () => {
    const db = await populated();
    const backup = JSON.parse(JSON.stringify(await exportBackup(db, SETTINGS)));
    const sighting = backup.interactions.find((i: { dedupeKey?: string }) => i.dedupeKey);
    backup.interactions.push({ ...sighting, id: newId(NOON + 500) });
    const report = await restoreBackup(db, backup);
    expect(report.conflicts).toEqual([{ store: 'interactions', id: backup.interactions.at(-1).id, reason: 'Tend already recorded this automatic entry.' }]);
  });

  test('a record the file holds twice meets its first copy, as if already in Tend (records are written without waiting for each)', async () => {
    const backup = JSON.parse(JSON.stringify(await exportBackup(await populated(), SETTINGS)));
    const [ada, charles] = backup.contacts;
    const sighting = backup.interactions.find((i: { dedupeKey?: string }) => i.dedupeKey);
    backup.contacts.push({ ...ada }, { ...charles, displayName: 'Charles, again' });
    backup.interactions.push({ ...sighting }, { ...sighting, id: newId(NOON + 501) });
    backup.followUps.push({ ...backup.followUps[0], text: 'Changed' });
    const target = await openTendDb('tend-restore');
    const report = await restoreBackup(target, backup);
    expect(report.unchanged).toMatchObject({ contacts: 1, interactions: 1 });
    expect(report.conflicts.map(({ store, id }) => [store, id])).toEqual([
      ['contacts', charles.id],
      ['interactions', backup.interactions.at(-1).id],
      ['followUps', backup.followUps[0].id],
    ]);
    expect((await dump(target)).contacts.find((c) => c.id === charles.id)!.displayName).toBe(charles.displayName);
  });

  test('a write that fails early (the first person) fails the restore with its own error, and nothing is written', async () => {
    const backup = JSON.parse(JSON.stringify(await exportBackup(await populated(), SETTINGS)));
    const target = await openTendDb('tend-restore');
    const realAdd = IDBObjectStore.prototype.add;
    IDBObjectStore.prototype.add = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
      if (this.name === 'contacts') return realAdd.call(this, { broken: true } as never);
      return realAdd.apply(this, args);
    };
    try {
      await expect(restoreBackup(target, backup)).rejects.toMatchObject({ name: 'DataError' });
    } finally {
      IDBObjectStore.prototype.add = realAdd;
    }
    expect(await dump(target)).toEqual({ contacts: [], identities: [], interactions: [], timeline: [], followUps: [] });
  });

  test('invalid records are skipped and listed; the valid rest is restored', async () => {
    const backup = JSON.parse(JSON.stringify(await exportBackup(await populated(), SETTINGS)));
    backup.contacts[1].displayName = 42;
    backup.identities.push({ key: 'email:wrong@key.example', kind: 'email', value: 'other@x.example', contactId: backup.contacts[0].id });
    backup.settings = { version: 99 };
    const target = await openTendDb('tend-restore');
    const report = await restoreBackup(target, backup);
    expect(report.invalid.map(({ store, index }) => [store, index])).toEqual([
      ['settings', 0],
      ['contacts', 1],
      ['identities', backup.identities.length - 1],
    ]);
    expect(report.added.contacts).toBe(2);
    expect(report.settings).toBeUndefined();
    // Identity rows of the skipped contact have no one to belong to; nor have its entries and follow-ups (skipped with it).
    const [rows, others] = [report.conflicts.filter((c) => c.store === 'identities'), report.conflicts.filter((c) => c.store !== 'identities')];
    expect(rows.every((c) => c.reason.startsWith('Belongs to a person who is neither'))).toBe(true);
    expect(rows.length).toBeGreaterThan(0);
    expect(others.every((c) => c.reason === 'Belongs to a person whose record in the backup is damaged and was skipped.')).toBe(true);
  });

  test.each([
    ['not JSON', () => parseBackupJson('BEGIN:VCARD'), 'This file is not a Tend backup (it is not JSON).'],
    ['another JSON file', () => restoreBackup(null as never, { hello: 'world' }), 'This file is not a Tend backup.'],
    [
      'a newer version',
      () => restoreBackup(null as never, { format: 'tend-backup', version: 2 }),
      'This backup was made by a newer Tend (format version 2); update Tend to restore it.',
    ],
    [
      'a part missing',
      () => restoreBackup(null as never, { format: 'tend-backup', version: 1, exportedAt: '2024-05-01T12:00:00.000Z', contacts: [] }),
      'This Tend backup is damaged: a part of it is missing.',
    ],
  ])('refused with a clear message: %s', async (_, run, message) => {
    await expect(async () => run()).rejects.toThrow(message);
  });

  test('a restore that fails half-way writes nothing', async () => {
    const db = await populated();
    const backup = JSON.parse(JSON.stringify(await exportBackup(db, SETTINGS)));
    const target = await openTendDb('tend-restore');
    // A follow-up restored after everything else, made to fail by a key the store refuses.
    backup.followUps.push({ ...backup.followUps[0], id: newId(NOON + 7) });
    const realAdd = IDBObjectStore.prototype.add;
    let calls = 0;
    IDBObjectStore.prototype.add = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
      if (this.name === 'followUps' && ++calls === 3) return realAdd.call(this, { broken: true } as never);
      return realAdd.apply(this, args);
    };
    try {
      await expect(restoreBackup(target, backup)).rejects.toThrow();
    } finally {
      IDBObjectStore.prototype.add = realAdd;
    }
    expect(calls).toBe(3);
    expect(await dump(target)).toEqual({ contacts: [], identities: [], interactions: [], timeline: [], followUps: [] });
  });
});

describe('a restore followed and cancelled', () => {
  /** A backup of the populated database with `extra` more people: enough for several chunks of 500. */
  async function largeBackup(extra: number) {
    const backup = JSON.parse(JSON.stringify(await exportBackup(await populated(), SETTINGS, NOON)));
    for (let p = 0; p < extra; p++) {
      const id = newId(NOON + p);
      backup.contacts.push({
        id,
        displayName: `Person ${p}`,
        identities: [{ kind: 'email', value: `p${p}@bulk.example` }],
        tags: [],
        createdAt: NOON,
        updatedAt: NOON,
      });
      backup.identities.push({ key: `email:p${p}@bulk.example`, kind: 'email', value: `p${p}@bulk.example`, contactId: id });
    }
    return backup;
  }

  test('reports the records decided after each chunk, up to all of them', async () => {
    const backup = await largeBackup(1200);
    const target = await openTendDb('tend-restore');
    const heard: [number, number][] = [];
    const report = await restoreBackup(target, backup, { onProgress: (done, total) => heard.push([done, total]) });
    const total = backup.contacts.length + backup.identities.length + backup.interactions.length + backup.followUps.length;
    expect(report.added.contacts).toBe(backup.contacts.length);
    expect(report.invalid).toEqual([]);
    expect(heard.length).toBeGreaterThanOrEqual(6);
    expect(heard.every(([, of]) => of === total)).toBe(true);
    expect(heard.map(([done]) => done)).toEqual([...heard.map(([done]) => done)].sort((a, b) => a - b));
    expect(heard.at(-1)).toEqual([total, total]);
  });

  test('cancelled half-way, it stops with a clear message and the database is as it was', async () => {
    const backup = await largeBackup(1200);
    const target = await populated();
    const before = await dump(target);
    const cancel = new AbortController();
    let chunks = 0;
    const restoring = restoreBackup(target, backup, { signal: cancel.signal, onProgress: () => ++chunks === 2 && cancel.abort() });
    await expect(restoring).rejects.toThrow('Restore cancelled: nothing of the backup was kept.');
    expect(chunks).toBe(2);
    expect(await dump(target)).toEqual(before);
  });
});
