/**
 * A restore writes in batches, each one transaction, and stays all or nothing: a restore that is
 * cancelled, fails, or is cut short by the worker stopping leaves nothing of the file behind.
 */
import { describe, expect, test } from 'vitest';
import { onCommit } from '../../utils/db/commit';
import { openTendDb } from '../../utils/db/open';
import { addInteraction } from '../../utils/db/interactions-repo';
import { writeTx, type TendDatabase } from '../../utils/db/schema';
import { newId } from '../../utils/ids';
import { DEFAULT_SETTINGS } from '../../utils/model/records';
import { restoreBackup, restoreBackupTexts } from '../../utils/portability/backup/backup';
import { backupOf } from '../../utils/portability/backup/format';
import { takeBackUnfinishedTransfers } from '../../utils/portability/take-back';
import { abortingNth } from './aborting-transactions';
import { deleteEverything } from '../../utils/portability/delete-everything';

const NOON = Date.UTC(2024, 4, 1, 12);
const STORES = ['contacts', 'identities', 'interactions', 'timeline', 'followUps', 'restores'] as const;

/** Every record of the stores a restore writes, and its notes. */
async function dump(db: TendDatabase) {
  const tx = db.transaction([...STORES], 'readonly');
  const all = await Promise.all(STORES.map((store) => tx.objectStore(store).getAll()));
  await tx.done;
  return Object.fromEntries(STORES.map((store, i) => [store, all[i]]));
}

/** A backup of `count` people, each with an address at `domain` and a note. */
function backupOfPeople(count: number, domain = 'batch.example') {
  const contacts = Array.from({ length: count }, (_, p) => ({
    id: newId(NOON + p),
    displayName: `Person ${p}`,
    identities: [{ kind: 'email' as const, value: `p${p}@${domain}` }],
    tags: [],
    createdAt: NOON,
    updatedAt: NOON,
  }));
  return backupOf(
    {
      contacts,
      identities: contacts.map((c, p) => ({ key: `email:p${p}@${domain}`, kind: 'email' as const, value: `p${p}@${domain}`, contactId: c.id })),
      interactions: contacts.map((c, p) => ({
        id: newId(NOON + 10_000 + p),
        contactIds: [c.id],
        kind: 'note' as const,
        at: NOON,
        summary: `Note ${p}`,
        createdAt: NOON,
      })),
      followUps: [],
      settings: DEFAULT_SETTINGS,
    },
    NOON,
  );
}

/** A database holding one person of its own, so "as it was" is not simply empty. */
async function withOnePerson(name: string): Promise<TendDatabase> {
  const db = await openTendDb(name);
  await restoreBackup(db, backupOfPeople(1, 'own.example'));
  return db;
}

/** The records of each restored store a commit wrote. */
const restoredWrites = (changes: readonly { store: string; op: string }[]) =>
  changes.filter((change) => change.op === 'put' && ['contacts', 'identities', 'interactions', 'followUps'].includes(change.store)).length;

describe('a restore in batches', () => {
  test('commits batch by batch: no commit holds more than a batch of records, and the last leaves no notes', async () => {
    const db = await openTendDb('batches-commit');
    const commits: number[] = [];
    onCommit(db, (commit) => void commits.push(restoredWrites(commit.changes)));
    const report = await restoreBackup(db, backupOfPeople(450), { batchSize: 100 });
    expect(report.added).toEqual({ contacts: 450, identities: 450, interactions: 450, followUps: 0 });
    // 5 batches per store (100, 100, 100, 100, 50), for three stores, and the end.
    expect(commits.filter((writes) => writes > 0)).toEqual([100, 100, 100, 100, 50, 100, 100, 100, 100, 50, 100, 100, 100, 100, 50]);
    expect((await dump(db)).restores).toEqual([]);
  });

  test('a restore from pieces of text cut inside records restores every record, and again finds each unchanged', async () => {
    const db = await openTendDb('batches-text');
    const text = JSON.stringify(backupOfPeople(120), null, 2);
    // Cut anywhere, even inside records: the pieces a page's upload arrives in.
    const pieces = [text.slice(0, 1000), text.slice(1000, 7777), text.slice(7777)];
    const heard: string[] = [];
    const report = await restoreBackupTexts(db, pieces, {
      batchSize: 50,
      onChecking: (done, total) => heard.push(`checked ${done}/${total}`),
      onProgress: (done, total) => heard.push(`wrote ${done}/${total}`),
    });
    expect(report.added).toEqual({ contacts: 120, identities: 120, interactions: 120, followUps: 0 });
    // The whole file is checked, piece by piece, before the first record is written.
    expect(heard.slice(0, 5)).toEqual(['checked 0/3', 'checked 1/3', 'checked 2/3', 'checked 3/3', 'wrote 50/360']);
    expect(heard.at(-1)).toBe('wrote 360/360');
    const again = await restoreBackupTexts(db, pieces, { batchSize: 50 });
    expect(again.unchanged).toEqual({ contacts: 120, identities: 120, interactions: 120, followUps: 0 });
    expect(again.added).toEqual({ contacts: 0, identities: 0, interactions: 0, followUps: 0 });
  });

  test('a file listing its stores in another order (entries before people) restores the same: one walk per store', async () => {
    const db = await openTendDb('batches-order');
    const { format, version, exportedAt, contacts, identities, interactions, followUps, settings } = backupOfPeople(120);
    const text = JSON.stringify({ format, version, exportedAt, interactions, followUps, identities, settings, contacts });
    const report = await restoreBackupTexts(db, [text], { batchSize: 50 });
    expect(report.added).toEqual({ contacts: 120, identities: 120, interactions: 120, followUps: 0 });
    expect(report.conflicts).toEqual([]);
  });

  test('cancelled after several batches committed, it takes them back: the database is as it was', async () => {
    const db = await withOnePerson('batches-cancel');
    const before = await dump(db);
    const cancel = new AbortController();
    let committed = 0;
    onCommit(db, (commit) => {
      if (restoredWrites(commit.changes) > 0 && ++committed === 7) cancel.abort();
    });
    await expect(restoreBackup(db, backupOfPeople(450), { batchSize: 100, signal: cancel.signal })).rejects.toThrow(
      'Restore cancelled: nothing of the backup was kept.',
    );
    expect(committed).toBeGreaterThanOrEqual(7);
    expect(await dump(db)).toEqual(before);
  });

  test('a person the user wrote a note on during the restore stays, with their address and the note; the rest is taken back', async () => {
    const db = await withOnePerson('batches-kept');
    const before = await dump(db);
    const backup = backupOfPeople(300);
    // The file's own notes are left out: what the person has is only what the user wrote.
    backup.interactions = [];
    const kept = backup.contacts[5]!;
    const cancel = new AbortController();
    let committed = 0;
    onCommit(db, async (commit) => {
      if (restoredWrites(commit.changes) === 0 || ++committed !== 1) return;
      const tx = writeTx(db, ['interactions', 'timeline']);
      await addInteraction(tx, { id: newId(NOON + 99), contactIds: [kept.id], kind: 'call', at: NOON, summary: 'Called while restoring', createdAt: NOON });
      await tx.done;
    });
    onCommit(db, (commit) => {
      if (commit.changes.some((change) => change.store === 'identities' && change.op === 'put')) cancel.abort();
    });
    await expect(restoreBackup(db, backup, { batchSize: 100, signal: cancel.signal })).rejects.toThrow(
      'Restore cancelled: of the backup, Tend kept only the 1 person you worked on while it ran.',
    );
    const after = await dump(db);
    const ids = (rows: unknown[] | undefined) => (rows as { id: string }[]).map((row) => row.id).sort();
    expect(ids(after.contacts)).toEqual(ids([...before.contacts!, kept]));
    expect((after.interactions as { summary: string }[]).map((entry) => entry.summary).sort()).toEqual(['Called while restoring', 'Note 0']);
    expect(after.identities).toEqual(
      [...before.identities!, { key: 'email:p5@batch.example', kind: 'email', value: 'p5@batch.example', contactId: kept.id }].sort((a, b) =>
        (a as { key: string }).key < (b as { key: string }).key ? -1 : 1,
      ),
    );
    expect(after.restores).toEqual([]);
  });

  test('Delete everything while a restore is under way stops it first: nothing of the file is written after the delete', async () => {
    const db = await withOnePerson('batches-delete');
    let committed = 0;
    let deleting: Promise<string[]> | undefined;
    const stop = onCommit(db, (commit) => {
      if (restoredWrites(commit.changes) > 0 && ++committed === 2) deleting = deleteEverything(db, NOON);
    });
    await expect(restoreBackup(db, backupOfPeople(450), { batchSize: 100 })).rejects.toThrow('Restore cancelled');
    await deleting;
    stop();
    const after = await dump(db);
    expect([after.contacts, after.identities, after.interactions, after.restores]).toEqual([[], [], [], []]);
  });

  test('a batch the database fails takes back the batches before it, and the failure is what the restore says', async () => {
    const db = await withOnePerson('batches-failure');
    const before = await dump(db);
    // The fourth batch (three of 100 people committed) is aborted by the database.
    await expect(restoreBackup(abortingNth(db, 4), backupOfPeople(450), { batchSize: 100 })).rejects.toMatchObject({ name: 'AbortError' });
    expect(await dump(db)).toEqual(before);
  });
});

describe('a restore cut short by the worker stopping', () => {
  test('the next start takes back what its batches wrote; a take-back cut short goes on where it stopped', async () => {
    const name = 'batches-stopped';
    const db = await withOnePerson(name);
    const before = await dump(db);
    let committed = 0;
    // The worker stops after three batches: its connection goes, and nothing after runs.
    onCommit(db, (commit) => {
      if (restoredWrites(commit.changes) > 0 && ++committed === 3) db.close();
    });
    await expect(restoreBackup(db, backupOfPeople(450), { batchSize: 100 })).rejects.toThrow(
      // Its own take-back fails too (the database went): the user is told it goes on at the next start.
      'The restore stopped before the end, and Tend could not yet take back what it had written: it will when its background next starts.',
    );
    const restarted = await openTendDb(name);
    const left = await dump(restarted);
    expect(left.contacts).toHaveLength(1 + 300);
    expect(left.restores).toHaveLength(3);
    // The first start's take-back is itself cut short after one batch: the notes of the other two remain.
    await expect(takeBackUnfinishedTransfers(abortingNth(restarted, 2))).rejects.toMatchObject({ name: 'AbortError' });
    expect((await dump(restarted)).restores).toHaveLength(2);
    expect(await takeBackUnfinishedTransfers(restarted)).toBe(1);
    expect(await dump(restarted)).toEqual(before);
    expect(await takeBackUnfinishedTransfers(restarted)).toBe(0);
  });
});
