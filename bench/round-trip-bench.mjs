/**
 * Issue 17's backup round trip at a heavy user's size, run by hand: `node bench/run.mjs --only
 * roundtrip --scale 100k` (100,000 people, 1,000,000 entries: a file of about 350 MB, past what
 * one V8 string holds; the 10k default takes minutes, 100k about an hour on the shared 2-core
 * machine). In the built extension on a disk-backed profile: a seed backup is restored through the
 * options page, exported, everything deleted, that export restored and exported again. The row
 * counts the records that are not as seeded in either export (budget 0), compared store by store
 * by a digest of every record (round-trip-node.ts); the times are its note.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extensionWorker, refuseWebRequests, withDiskProfile } from './browser.mjs';
import { importTypeScript } from './node-module.mjs';
import { keepFrames } from './people-bench.mjs';
import { valueRow } from './report.mjs';

/** @typedef {import('./report.mjs').Row} Row */
/** @typedef {typeof import('./round-trip-node')} NodeHalf */
/** @typedef {import('./round-trip-node').BackupDigest} BackupDigest */

/** People per scale; each has ten notes. */
const SCALES = /** @type {const} */ ({ '10k': 10_000, '50k': 50_000, '100k': 100_000 });
const ENTRIES_EACH = 10;
/** A stuck step fails the run instead of hanging it (a 100k restore took tens of minutes before issue 17). */
const BOUND_MS = 3 * 3_600_000;

/** @param {number} ms */
const minutes = (ms) => `${(ms / 60_000).toFixed(1)} min`;
/** @param {string} path */
const megabytes = (path) => `${(statSync(path).size / 1024 / 1024).toFixed(0)} MB`;

/**
 * @template T @param {() => Promise<T>} work
 * @returns {Promise<{ result: T, ms: number }>}
 */
async function timed(work) {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
}

/**
 * The round trip's row at a scale.
 * @param {keyof typeof SCALES} scale
 * @returns {Promise<Row[]>}
 */
export async function roundTripRows(scale = '10k') {
  const people = SCALES[scale];
  /** @type {NodeHalf} */
  const node = await importTypeScript(new URL('./round-trip-node.ts', import.meta.url));
  const files = mkdtempSync(join(tmpdir(), 'tend-bench-round-trip-'));
  try {
    return await withDiskProfile('round-trip', { acceptDownloads: true }, async (context) => {
      await refuseWebRequests(context);
      const worker = await extensionWorker(context);
      const options = await node.OptionsPage.open(await context.newPage(), new URL('options.html', worker.url()).href);
      options.page.setDefaultTimeout(BOUND_MS);
      await keepFrames(context, options.page, new URL('welcome.html', worker.url()).href);

      const [seedPath, firstPath, secondPath] = [join(files, 'seed.json'), join(files, 'export-1.json'), join(files, 'export-2.json')];
      const seeded = await timed(() => node.writeSeedBackup(seedPath, people, ENTRIES_EACH, Date.now()));
      const seedDigest = await node.digestBackupFile(seedPath);
      const seedSize = megabytes(seedPath);
      const firstRestore = await timed(() => options.restoreBackupFile(seedPath, BOUND_MS));
      rmSync(seedPath);
      const firstExport = await timed(() => options.downloadTo('Full backup (JSON)', firstPath, BOUND_MS));
      const firstDigest = await node.digestBackupFile(firstPath);
      await options.deleteEverything();
      const emptied = Object.entries(await options.recordCounts()).filter(([store, count]) => count !== (store === 'settings' ? 1 : 0));
      const secondRestore = await timed(() => options.restoreBackupFile(firstPath, BOUND_MS));
      const secondExport = await timed(() => options.downloadTo('Full backup (JSON)', secondPath, BOUND_MS));
      const secondDigest = await node.digestBackupFile(secondPath);

      const differences = [
        ...node.digestDifferences(seedDigest, firstDigest).map((words) => `first export: ${words}`),
        ...node.digestDifferences(seedDigest, secondDigest).map((words) => `second export: ${words}`),
        ...emptied.map(([store, count]) => `after Delete everything: ${count} in ${store}`),
      ];
      const records = Object.values(seeded.result).reduce((sum, count) => sum + count, 0);
      const seedRecords = Object.values(seedDigest).reduce((sum, digest) => sum + digest.records, 0);
      if (seedRecords !== records) differences.push(`the seed file read back ${seedRecords} of the ${records} records written`);
      return [
        valueRow(
          `round trip: a backup of ${people.toLocaleString('en')} people, ${seeded.result.interactions.toLocaleString('en')} entries restored, exported, deleted, restored, exported: stores not as seeded`,
          differences.length,
          'stores',
          0,
          [
            ...differences,
            `${seedSize} seed (${records.toLocaleString('en')} records), restored in ${minutes(firstRestore.ms)}, exported in ${minutes(firstExport.ms)} (${megabytes(firstPath)}); ` +
              `its export restored in ${minutes(secondRestore.ms)}, exported again in ${minutes(secondExport.ms)}`,
          ].join('; '),
        ),
      ];
    });
  } finally {
    rmSync(files, { recursive: true, force: true });
  }
}
