/**
 * The backup round trip's Node half (bench/round-trip-node.ts, issue 17): its seed file is a
 * backup Tend restores, and its digest reads Tend's own export record for record, so the 100k row
 * can only pass when every record came back.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { digestBackupFile, digestDifferences, writeSeedBackup } from '../../bench/round-trip-node';
import { DEFAULT_SETTINGS } from '../../utils/model/records';
import { restoreBackup } from '../../utils/portability/backup/backup';
import { parseBackupJson } from '../../utils/portability/backup/read';
import { writeBackupParts } from '../../utils/portability/backup/write';
import { freshDb } from './helpers';

const NOW = Date.UTC(2026, 11, 7, 12);
let folder: string;
beforeEach(() => void (folder = mkdtempSync(join(tmpdir(), 'tend-round-trip-'))));
afterEach(() => rmSync(folder, { recursive: true, force: true }));

/** The seed restored into a database, then exported by Tend's writer in small parts: the export's path. */
async function restoredAndExported(seedPath: string): Promise<string> {
  const db = await freshDb();
  const report = await restoreBackup(db, parseBackupJson(readFileSync(seedPath, 'utf8')));
  expect([report.invalid, report.conflicts, report.normalised]).toEqual([[], [], 0]);
  const path = join(folder, 'export.json');
  writeFileSync(path, (await writeBackupParts(db, DEFAULT_SETTINGS, NOW + 1, { pageSize: 7, partChars: 100 })).join(''));
  return path;
}

test('the seed is a backup Tend restores whole, and the digest of Tend’s export of it equals the seed’s', async () => {
  const seedPath = join(folder, 'seed.json');
  const counts = await writeSeedBackup(seedPath, 30, 3, NOW);
  expect(counts).toEqual({ contacts: 30, identities: 30, interactions: 90, followUps: 3 });
  const seed = await digestBackupFile(seedPath);
  expect(Object.fromEntries(Object.entries(seed).map(([store, digest]) => [store, digest.records]))).toEqual(counts);

  const exported = await digestBackupFile(await restoredAndExported(seedPath));
  expect(digestDifferences(seed, exported)).toEqual([]);
});

test('the digest ignores the order of records and finds a changed, a missing and an unreadable one', async () => {
  const seedPath = join(folder, 'seed.json');
  await writeSeedBackup(seedPath, 12, 2, NOW);
  const seed = await digestBackupFile(seedPath);
  const lines = readFileSync(seedPath, 'utf8').split('\n');
  const entryLines = lines.flatMap((line, at) => (line.startsWith('    {') && line.includes('"kind":"note"') ? [at] : []));
  const variant = (change: (copy: string[]) => void) => {
    const copy = [...lines];
    change(copy);
    const path = join(folder, `variant-${Math.random()}.json`);
    writeFileSync(path, copy.join('\n'));
    return digestBackupFile(path);
  };
  const [first, last] = [entryLines[0]!, entryLines.at(-1)!];
  // The first and last entries swapped (the last one has no comma after it).
  const swapped = await variant((copy) => {
    [copy[first], copy[last]] = [`${lines[last]},`, lines[first]!.slice(0, -1)];
  });
  expect(digestDifferences(seed, swapped)).toEqual([]);
  const changed = await variant((copy) => void (copy[first] = lines[first]!.replace('Note 0 about person 0', 'Note 0 about person 1')));
  expect(digestDifferences(seed, changed)).toEqual(['interactions: the same count, different records']);
  const missing = await variant((copy) => void copy.splice(first, 1));
  expect(digestDifferences(seed, missing)).toEqual(['interactions: 23 records of 24']);
  const unreadable = await variant((copy) => void (copy[first] = '    {"id": '));
  expect(digestDifferences(seed, unreadable)).toEqual(['interactions: 1 lines not JSON']);
});
