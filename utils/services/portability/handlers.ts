import type { TendDatabase } from '../../db/schema';
import { TendError } from '../../errors';
import { broadcast } from '../../messaging/client';
import { changedPeople } from '../../messaging/changed';
import { t } from '../../i18n';
import { RESTORE_PROBLEMS_SENT, type ImportFilePreview, type RestoreResult } from '../../messaging/features/portability';
import type { ParsedPageRequest } from '../../messaging/protocol';
import type { ImportPreview } from '../../model/import';
import { restoreBackupTexts, type RestoreReport } from '../../portability/backup/backup';
import { countBackup } from '../../portability/backup/survey';
import { applyImport } from '../../portability/import/apply';
import { listImports } from '../../portability/import/history';
import { previewImport, shownPreview } from '../../portability/import/preview';
import { readContactsFile } from '../../portability/import/read-file';
import { undoImport } from '../../portability/import/undo';
import { deleteEverything } from '../../portability/delete-everything';
import { turnOffSyncBeforeDeleting } from '../sync/handlers';
import { makeExportFile } from '../../portability/export-files';
import { failingAs } from './failures';
import { pause } from '../../time/pause';
import { cancelRequest, followedRequest, progressOf } from './progress';
import { chunksOf, partsPayloadOf, partsPayloadOfText, receiveChunk, sendChunk, textOf } from './transfers';

/** Characters per part of a preview the page reads back: a message it receives in a short task. */
const PREVIEW_PART_CHARS = 512 * 1024;

type Request<T extends ParsedPageRequest['type']> = Extract<ParsedPageRequest, { type: T }>;

/** JSON a page sent, or a TendError: only a broken page sends text that is not JSON. */
function jsonOf(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new TendError('invalid', t('transferDamaged'));
  }
}

/** A restore report as the page gets it: its lists of problems cut short, with the total. */
function restoreResult(report: RestoreReport): RestoreResult {
  return {
    added: report.added,
    unchanged: report.unchanged,
    conflicts: report.conflicts.slice(0, RESTORE_PROBLEMS_SENT),
    invalid: report.invalid.slice(0, RESTORE_PROBLEMS_SENT),
    problemCount: report.conflicts.length + report.invalid.length,
    normalised: report.normalised,
    ...(report.settings && { settings: report.settings }),
  };
}

/**
 * Handlers of the portability feature's page requests (see utils/messaging/features/portability.ts).
 * The bulk writes go through the commit path (utils/db/commit.ts), like every other write: the
 * change log, the search index, the follow-up alarms and the `changed` broadcast follow them.
 */
export function createPortabilityHandlers(db: Promise<TendDatabase>, clock: () => number) {
  return {
    uploadChunk: async ({ transferId, index, text }: Request<'uploadChunk'>) => ({ received: receiveChunk(transferId, index, text, clock()) }),
    downloadChunk: async ({ transferId, index }: Request<'downloadChunk'>) => ({ text: sendChunk(transferId, index, clock()) }),
    previewImport: ({ fileName, file, mapping }: Request<'previewImport'>) =>
      failingAs('read-file', async (): Promise<ImportFilePreview> => {
        const read = readContactsFile(fileName, textOf(file), mapping);
        if (read.step === 'mapping') return read;
        const { candidates, source, rejected, warnings } = read;
        const preview = await previewImport(await db, candidates, { source, rejected, warnings, now: clock() });
        return { step: 'preview', shown: shownPreview(preview), preview: partsPayloadOfText(JSON.stringify(preview), PREVIEW_PART_CHARS, clock()) };
      }),
    applyImport: ({ preview, progressId }: Request<'applyImport'>) =>
      // applyImport checks the preview against its schema, and against the database, itself.
      failingAs('import', async () =>
        followedRequest(progressId, async (followed) => applyImport(await db, jsonOf(textOf(preview)) as ImportPreview, { now: clock(), ...followed })),
      ),
    undoImport: ({ importId }: Request<'undoImport'>) => failingAs('undo-import', async () => undoImport(await db, importId, clock())),
    listImports: ({ limit }: Request<'listImports'>) => failingAs('list-imports', async () => listImports(await db, limit)),
    countBackup: ({ backup }: Request<'countBackup'>) => failingAs('read-file', async () => countBackup(chunksOf(backup), { afterText: pause })),
    restoreBackup: ({ backup, progressId }: Request<'restoreBackup'>) =>
      failingAs('restore', async () =>
        followedRequest(progressId, async (followed) => restoreResult(await restoreBackupTexts(await db, chunksOf(backup), followed))),
      ),
    cancelTransfer: async ({ progressId }: Request<'cancelTransfer'>) => {
      cancelRequest(progressId);
      return { cancelled: true as const };
    },
    deleteEverything: (_request: Request<'deleteEverything'>) =>
      failingAs('delete-everything', async () => {
        // Sync goes off first: deleting here never deletes on the server (the page says so).
        const syncServerLeft = await turnOffSyncBeforeDeleting(db);
        const contactIds = await deleteEverything(await db);
        // A cleared store names nobody in its commit: the pages are told whom they may be showing.
        await broadcast({ type: 'changed', ...changedPeople(contactIds) });
        return { deletedPeople: contactIds.length, ...(syncServerLeft && { syncServerLeft }) };
      }),
    transferProgress: async ({ progressId }: Request<'transferProgress'>) => progressOf(progressId),
    exportFile: ({ choice, progressId }: Request<'exportFile'>) =>
      failingAs(choice === 'backup' ? 'backup' : 'export', async () =>
        followedRequest(progressId, async ({ onProgress }) => {
          const file = await makeExportFile(await db, choice, clock(), onProgress);
          return { name: file.name, type: file.type, content: partsPayloadOf(file.parts, clock()) };
        }),
      ),
  };
}
