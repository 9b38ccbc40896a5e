/**
 * The backup round trip's Node half (issue 17: a backup of 100,000 people and 1,000,000 entries
 * exports and restores with every record intact). The seed backup is written to disk record by
 * record and the files are compared record for record as they are read, line by line: at that size
 * a backup passes V8's string limit, so neither side ever holds one as a string.
 */
import { once } from 'node:events';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, rmSync, type WriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createInterface } from 'node:readline';
import { BACKUP_FORMAT, BACKUP_VERSION } from '../utils/portability/backup/format';
import { DEFAULT_SETTINGS } from '../utils/model/records';
import { identityRowsOf } from '../tests/e2e/pages/backup-file';
import { syntheticPeople } from '../tests/e2e/pages/synthetic-people';
export { OptionsPage } from '../tests/e2e/pages/options';

/** The stores of a backup, in the order its file lists them. */
const STORES = ['contacts', 'identities', 'interactions', 'followUps'] as const;
type Store = (typeof STORES)[number];
const isStore = (name: string): name is Store => (STORES as readonly string[]).includes(name);

/** People made at a time: their records are on disk before the next are made. */
const BATCH = 2_000;

/** How many records of each store a file holds. */
export type StoreCounts = Record<Store, number>;

/** Write one record line per call to a store's own file, waiting when the disk is behind. */
class StoreLines {
  readonly counts = Object.fromEntries(STORES.map((store) => [store, 0])) as StoreCounts;
  private readonly writers: Record<Store, WriteStream>;
  constructor(readonly paths: Record<Store, string>) {
    this.writers = Object.fromEntries(STORES.map((store) => [store, createWriteStream(paths[store])])) as Record<Store, WriteStream>;
  }
  async add(store: Store, record: unknown): Promise<void> {
    const fits = this.writers[store].write(`${this.counts[store] ? ',\n' : ''}    ${JSON.stringify(record)}`);
    this.counts[store] += 1;
    if (!fits) await once(this.writers[store], 'drain');
  }
  async close(): Promise<void> {
    await Promise.all(STORES.map((store) => new Promise((resolve) => this.writers[store].end(resolve))));
  }
}

/**
 * A backup of `people` made-up people with `entriesEach` notes each and a follow-up for every
 * tenth, written to `path` in the layout of Tend's own export (one record a line).
 */
export async function writeSeedBackup(path: string, people: number, entriesEach: number, now: number): Promise<StoreCounts> {
  const lines = new StoreLines(Object.fromEntries(STORES.map((store) => [store, `${path}.${store}`])) as Record<Store, string>);
  try {
    for (let first = 0; first < people; first += BATCH) {
      const made = syntheticPeople({
        first,
        count: Math.min(BATCH, people - first),
        surname: 'Kept',
        domain: 'round-trip.example',
        now,
        tags: ['heavy'],
        more: (p) => ({ org: `Org ${p % 500}`, whatMatters: `Person ${p} cares about being asked before being introduced.` }),
        notesPerPerson: entriesEach,
        note: (p, e) => `Note ${e} about person ${p}: what we talked about, what I promised to send, and when to write again.`,
        followUpEvery: 10,
      });
      for (const contact of made.contacts) await lines.add('contacts', contact);
      for (const row of identityRowsOf(made.contacts)) await lines.add('identities', row);
      for (const entry of made.interactions) await lines.add('interactions', entry);
      for (const followUp of made.followUps) await lines.add('followUps', followUp);
    }
    await lines.close();
    const out = createWriteStream(path);
    out.write(
      `{\n  "format": ${JSON.stringify(BACKUP_FORMAT)},\n  "version": ${BACKUP_VERSION},\n  "exportedAt": ${JSON.stringify(new Date(now).toISOString())}`,
    );
    for (const store of STORES) {
      out.write(`,\n  ${JSON.stringify(store)}: [\n`);
      await pipeline(createReadStream(lines.paths[store]), out, { end: false });
      out.write('\n  ]');
    }
    out.write(`,\n  "settings": ${JSON.stringify(DEFAULT_SETTINGS)}\n}\n`);
    await new Promise((resolve) => out.end(resolve));
    return lines.counts;
  } finally {
    for (const part of Object.values(lines.paths)) rmSync(part, { force: true });
  }
}

/** A value with its objects' keys sorted: two records equal field for field have one text. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  return value;
}

/** What a file holds of one store: its records, the sum of their hashes (equal sums, equal records), lines that were not JSON. */
export interface StoreDigest {
  records: number;
  hashSum: string;
  unreadable: number;
}
export type BackupDigest = Record<Store, StoreDigest>;

/**
 * The digest of a backup file in the layout Tend's export writes (a store's array opened on a line
 * of its own, then one record a line): per store, the count and the sum of each record's hash
 * (120 bits of SHA-256 of its canonical JSON), so the order of records does not matter.
 */
export async function digestBackupFile(path: string): Promise<BackupDigest> {
  const sums = Object.fromEntries(STORES.map((store) => [store, { records: 0, sum: 0n, unreadable: 0 }])) as Record<
    Store,
    { records: number; sum: bigint; unreadable: number }
  >;
  let store: Store | undefined;
  for await (const line of createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity })) {
    const opened = /^ {2}"(\w+)": \[/.exec(line);
    if (opened) {
      store = isStore(opened[1]!) ? opened[1] : undefined;
      continue;
    }
    if (/^ {2}\]/.test(line)) store = undefined;
    if (!store || !line.startsWith('    {')) continue;
    const digest = sums[store];
    try {
      const record: unknown = JSON.parse(line.endsWith(',') ? line.slice(4, -1) : line.slice(4));
      digest.sum += BigInt(
        `0x${createHash('sha256')
          .update(JSON.stringify(canonical(record)))
          .digest('hex')
          .slice(0, 30)}`,
      );
      digest.records += 1;
    } catch {
      digest.unreadable += 1;
    }
  }
  return Object.fromEntries(
    STORES.map((name) => [name, { records: sums[name].records, hashSum: sums[name].sum.toString(16), unreadable: sums[name].unreadable }]),
  ) as BackupDigest;
}

/** Where two digests differ, in words (empty when every store holds the same records). */
export function digestDifferences(expected: BackupDigest, actual: BackupDigest): string[] {
  return STORES.flatMap((store) => {
    const [want, got] = [expected[store], actual[store]];
    if (got.unreadable) return [`${store}: ${got.unreadable} lines not JSON`];
    if (want.records !== got.records) return [`${store}: ${got.records} records of ${want.records}`];
    return want.hashSum === got.hashSum ? [] : [`${store}: the same count, different records`];
  });
}
