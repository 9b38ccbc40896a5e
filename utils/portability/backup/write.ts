/**
 * Writing a backup file piece by piece: records are read a page at a time and each is serialised
 * on its own, so no string ever holds the whole file (V8 caps one string at about 512 MB, which a
 * backup of 100,000 people passes). The file is the JSON `backupOf` describes, one record per line.
 */
import { readStoresInPages, type PagedStore } from '../../db/all-stores-repo';
import type { TendDatabase } from '../../db/schema';
import type { Settings } from '../../model/records';
import { BACKUP_FORMAT, BACKUP_VERSION } from './format';

/** The stores of a backup, in the order the file lists them. */
const STORES: readonly PagedStore[] = ['contacts', 'identities', 'interactions', 'followUps'];

/** How a backup is cut: records per read, and the length a part grows to before a new one starts. */
export interface BackupWriteOptions {
  pageSize?: number;
  partChars?: number;
  /** Told after each page: records written so far, and in all. */
  onProgress?: (done: number, total: number) => void;
}

/** Records read per request: large enough for few round trips, small enough to serialise in a few ms. */
export const BACKUP_PAGE_SIZE = 1_000;
/** A part's length: one message from the worker to the page, read (parsed, made a Blob) in a task of ~25 ms; 2 Mi took ~100 ms. */
export const BACKUP_PART_CHARS = 512 * 1024;

/** Texts appended into parts of about `partChars` each (a part ends where a text ends). */
class Parts {
  readonly parts: string[] = [];
  private pending: string[] = [];
  private length = 0;
  constructor(private readonly partChars: number) {}
  add(text: string): void {
    this.pending.push(text);
    this.length += text.length;
    if (this.length >= this.partChars) this.cut();
  }
  cut(): string[] {
    if (this.pending.length) this.parts.push(this.pending.join(''));
    this.pending = [];
    this.length = 0;
    return this.parts;
  }
}

/**
 * The backup file of everything Tend stores, as parts whose concatenation is the file. Every
 * record is read in one read transaction (a consistent picture); `settings` are the user's own.
 */
export async function writeBackupParts(db: TendDatabase, settings: Settings, now: number, options: BackupWriteOptions = {}): Promise<string[]> {
  const { pageSize = BACKUP_PAGE_SIZE, partChars = BACKUP_PART_CHARS, onProgress } = options;
  const out = new Parts(partChars);
  out.add(`{\n  "format": ${JSON.stringify(BACKUP_FORMAT)},\n  "version": ${BACKUP_VERSION},\n  "exportedAt": ${JSON.stringify(new Date(now).toISOString())}`);
  let total = 0;
  let done = 0;
  // The store being written, and whether a record of it has been (a comma goes before the next).
  let open: PagedStore | undefined;
  let first = true;
  // Open every store of the file up to `last` (closing the one before): stores with no record still get `[]`.
  const openUpTo = (last: number) => {
    for (const store of STORES.slice(open ? STORES.indexOf(open) + 1 : 0, last + 1)) {
      if (open) out.add(first ? '[]' : '\n  ]');
      out.add(`,\n  ${JSON.stringify(store)}: `);
      open = store;
      first = true;
    }
  };
  await readStoresInPages(
    db,
    STORES,
    pageSize,
    (counts) => (total = Object.values<number>(counts).reduce((sum, count) => sum + count, 0)),
    (store, records) => {
      openUpTo(STORES.indexOf(store));
      for (const record of records) {
        out.add(`${first ? '[\n    ' : ',\n    '}${JSON.stringify(record)}`);
        first = false;
      }
      done += records.length;
      onProgress?.(done, total);
    },
  );
  openUpTo(STORES.length - 1);
  out.add(first ? '[]' : '\n  ]');
  out.add(`,\n  "settings": ${JSON.stringify(settings)}\n}\n`);
  return out.cut();
}
