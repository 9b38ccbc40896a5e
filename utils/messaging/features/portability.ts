/**
 * Page requests of the portability feature (import, undo, restore, export, delete everything):
 * schemas and result schemas, merged into PageRequest in ../protocol.ts. The worker is the only
 * writer of the database, so the options page sends files and previews here and gets files back.
 *
 * Chrome sends a runtime message as JSON (the messaging docs: "a JSON-serializable message") and
 * refuses one over 64 MiB: Chromium 156 throws "Message exceeded maximum allowed size of 64MiB"
 * for 64.1 MiB of JSON and delivers 63.9 MiB (tried from the options page; older builds said
 * "Message length exceeded maximum allowed length"). The docs give no number.
 * A backup may be far larger than that (files up to 512 MB are accepted), so a long text travels
 * in chunks: uploadChunk stages it in the worker, downloadChunk reads a staged answer back.
 */
import { z } from 'zod';
import { ImportIssue, PlannedMerge, PlannedNewPerson } from '../../model/import';
import { CsvColumnMapping } from '../../portability/csv/mapping';
import { MAX_NAME, MAX_URL, Settings } from '../../model/records';

/**
 * Longest text one message carries, in UTF-16 units. JSON escapes a unit into at most 6 bytes
 * (`\u001f`), so a chunk is at most 48 MiB on the wire, under Chrome's 64 MiB whatever it holds.
 */
export const CHUNK_CHARS = 8 * 1024 * 1024;
/**
 * Most chunks one text may have. The options page sends a backup one 128 KiB slice of the file per
 * chunk (utils/portability/file-text.ts SLICE_BYTES: a longer message costs the page a long task):
 * 4,096 of them for the largest file it reads (512 MB).
 */
export const MAX_CHUNKS = 4_096;
/** Most characters one text sent to the worker may have: 512 Mi units, the largest backup file the options page reads. */
export const MAX_TEXT_CHARS = 512 * 1024 * 1024;

/**
 * The name of the port a page holds while the worker applies its file: this prefix, then the
 * request's progress id. The port going (the page closed) cancels the apply (utils/services/portability/transfer-port.ts).
 */
export const TRANSFER_PORT_PREFIX = 'tend-transfer:';

const transferId = z.uuid();
const count = z.number().int().nonnegative();

/** A text sent or answered: inline when it fits one message, else staged in chunks under an id. */
export const TextPayload = z.union([
  z.object({ text: z.string().max(CHUNK_CHARS) }),
  z.object({ transferId, chunks: z.number().int().min(2).max(MAX_CHUNKS) }),
]);
export type TextPayload = z.infer<typeof TextPayload>;

/** What the options page can export. */
export const ExportChoice = z.enum(['backup', 'vcard4', 'vcard3', 'people-csv', 'interactions-csv']);
export type ExportChoice = z.infer<typeof ExportChoice>;

/**
 * Most parts a file the worker made may have. A backup is written in parts of 2 Mi characters
 * (utils/portability/backup/write.ts), so this allows far more than any store holds.
 */
export const MAX_PARTS = 1_000_000;

/** A file's text as the worker answers it: inline when it is one short part, else staged part by part under an id. */
export const PartsPayload = z.union([z.object({ text: z.string().max(CHUNK_CHARS) }), z.object({ transferId, parts: z.number().int().min(1).max(MAX_PARTS) })]);
export type PartsPayload = z.infer<typeof PartsPayload>;

/** A file the worker made, for the page to offer as a download (a worker cannot make object URLs). */
export const ExportedFile = z.object({
  name: z.string(),
  /** MIME type, e.g. `text/csv;charset=utf-8`. */
  type: z.string(),
  content: PartsPayload,
});
export type ExportedFile = z.infer<typeof ExportedFile>;

/** Most people, matches and problems of a preview the page lists (the rest are counted): a page nobody reads otherwise. */
export const PREVIEW_SHOWN = 50;

/**
 * What the options page shows of an import preview: the first PREVIEW_SHOWN of each list and how
 * many each has. The whole preview (tens of MB for 60,000 cards) stays text the page never parses.
 */
export const ImportPreviewShown = z.object({
  source: z.string(),
  newPeople: z.array(PlannedNewPerson).max(PREVIEW_SHOWN),
  matches: z.array(PlannedMerge).max(PREVIEW_SHOWN),
  rejected: z.array(ImportIssue).max(PREVIEW_SHOWN),
  warnings: z.array(ImportIssue).max(PREVIEW_SHOWN),
  counts: z.object({ newPeople: count, matches: count, rejected: count, warnings: count }),
});
export type ImportPreviewShown = z.infer<typeof ImportPreviewShown>;

/** The worker's answer to a contacts file: its preview (shown, and whole as parts), or the columns of a CSV to map first. */
export const ImportFilePreview = z.union([
  z.object({ step: z.literal('preview'), shown: ImportPreviewShown, preview: PartsPayload }),
  z.object({ step: z.literal('mapping'), headers: z.array(z.string()), suggested: CsvColumnMapping }),
]);
export type ImportFilePreview = z.infer<typeof ImportFilePreview>;

/** One applied import, summarised for the import history. */
export const ImportSummary = z.object({
  id: z.uuid(),
  at: count,
  source: z.string(),
  createdPeople: count,
  changedPeople: count,
  undoneAt: count.optional(),
});
export type ImportSummary = z.infer<typeof ImportSummary>;

/** What undoing an import did (see utils/portability/import/undo.ts). */
export const UndoImportResult = z.object({
  removedContacts: count,
  removedIdentities: count,
  removedInteractions: count,
  restoredContacts: count,
  kept: z.array(z.object({ contactId: z.uuid(), displayName: z.string(), reason: z.string() })),
});
export type UndoImportResult = z.infer<typeof UndoImportResult>;

/** Problems of a restore sent to the page: the first ones, and how many there were in all. */
export const RESTORE_PROBLEMS_SENT = 200;
const RestoredStore = z.enum(['contacts', 'identities', 'interactions', 'followUps']);
const StoreCounts = z.object({ contacts: count, identities: count, interactions: count, followUps: count });

/** What a restore did (see utils/portability/backup/backup.ts RestoreReport), its lists cut short. */
export const RestoreResult = z.object({
  added: StoreCounts,
  unchanged: StoreCounts,
  /** The first RESTORE_PROBLEMS_SENT conflicts. */
  conflicts: z.array(z.object({ store: RestoredStore, id: z.string(), reason: z.string() })),
  /** The first RESTORE_PROBLEMS_SENT damaged records of the file. */
  invalid: z.array(z.object({ store: z.union([RestoredStore, z.literal('settings')]), index: count, reason: z.string() })),
  /** Conflicts and damaged records in all. */
  problemCount: count,
  /** Identities the file wrote in another form than Tend's, restored in Tend's. */
  normalised: count,
  /** The backup's settings, for the page to ask the background to save (absent when damaged). */
  settings: Settings.optional(),
});
export type RestoreResult = z.infer<typeof RestoreResult>;

/** Which chunk of a transfer, from 0. */
const chunkIndex = z
  .number()
  .int()
  .min(0)
  .max(MAX_CHUNKS - 1);

/** How far a long request has gone: records done and in all (both 0 while it has not started). */
/** How far a followed request has gone; `checking` while a restore checks its file, before it writes anything. */
export const TransferProgress = z.object({ done: count, total: count, checking: z.literal(true).optional() });
export type TransferProgress = z.infer<typeof TransferProgress>;

/** What a backup holds (utils/portability/backup/survey.ts countBackup): valid records per store, damaged ones. */
export const BackupTally = z.object({
  exportedAt: z.string().max(64),
  valid: z.object({ contacts: count, identities: count, interactions: count, followUps: count }),
  invalid: count,
});

/** The portability feature's page requests. */
export const portabilityRequests = [
  /** One chunk of a long text the page sends; chunks come in order, from 0. */
  z.object({
    type: z.literal('uploadChunk'),
    transferId,
    index: chunkIndex,
    text: z.string().max(CHUNK_CHARS),
  }),
  /** One chunk (or part of an exported file) of a long answer the worker staged; the last one read releases it. */
  z.object({
    type: z.literal('downloadChunk'),
    transferId,
    index: z
      .number()
      .int()
      .min(0)
      .max(MAX_PARTS - 1),
  }),
  /** How far the long request the page named `progressId` has gone. */
  z.object({ type: z.literal('transferProgress'), progressId: z.uuid() }),
  /**
   * The preview of importing a vCard or CSV file (`file` is its text; `mapping` the columns the user
   * chose for a CSV Tend does not know). The worker parses it. Reads only.
   */
  z.object({ type: z.literal('previewImport'), fileName: z.string().max(MAX_NAME * 4), file: TextPayload, mapping: CsvColumnMapping.optional() }),
  /** Apply a confirmed preview (`preview` is its JSON), all or nothing; `progressId` names it for `transferProgress` and `cancelTransfer`. */
  z.object({ type: z.literal('applyImport'), preview: TextPayload, progressId: z.uuid().optional() }),
  z.object({ type: z.literal('undoImport'), importId: z.uuid() }),
  /** The most recent imports, newest first. */
  z.object({ type: z.literal('listImports'), limit: z.number().int().min(1).max(100).default(20) }),
  /** What a backup file holds, counted by the worker (the page never reads a large file itself). Reads only. */
  z.object({ type: z.literal('countBackup'), backup: TextPayload }),
  /** Restore a backup file (its text, read by the worker piece by piece), in one transaction. */
  z.object({ type: z.literal('restoreBackup'), backup: TextPayload, progressId: z.uuid().optional() }),
  /** Cancel the long request the page named `progressId` (a restore, an import): it writes nothing. */
  z.object({ type: z.literal('cancelTransfer'), progressId: z.uuid() }),
  /** Delete every record and Chrome storage area of Tend; the page asks only once the user typed the word. */
  z.object({ type: z.literal('deleteEverything'), confirmed: z.literal(true) }),
  /** Make an export file; `progressId` names it for `transferProgress` while it is made. */
  z.object({ type: z.literal('exportFile'), choice: ExportChoice, progressId: z.uuid().optional() }),
] as const;

/** What each of the portability requests answers with. */
export const portabilityResults = {
  uploadChunk: z.object({ received: count }),
  downloadChunk: z.object({ text: z.string() }),
  transferProgress: TransferProgress,
  previewImport: ImportFilePreview,
  applyImport: z.object({ importId: z.uuid() }),
  undoImport: UndoImportResult,
  listImports: z.array(ImportSummary),
  countBackup: BackupTally,
  restoreBackup: RestoreResult,
  cancelTransfer: z.object({ cancelled: z.literal(true) }),
  /** `syncServerLeft`: sync was on with this server; it is off now and the server's copy was left as it was. */
  deleteEverything: z.object({ deletedPeople: count, syncServerLeft: z.string().max(MAX_URL).optional() }),
  exportFile: ExportedFile,
} satisfies Record<string, z.ZodType>;
