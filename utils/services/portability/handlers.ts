import type { TendDatabase } from '../../db/schema';
import { TendError } from '../../errors';
import { t } from '../../i18n';
import { ImportFileContents, RESTORE_PROBLEMS_SENT, type RestoreResult } from '../../messaging/features/portability';
import type { ParsedPageRequest } from '../../messaging/protocol';
import type { ImportPreview } from '../../model/import';
import { restoreBackup, type RestoreReport } from '../../portability/backup/backup';
import { parseBackupJson } from '../../portability/backup/read';
import { applyImport } from '../../portability/import/apply';
import { listImports } from '../../portability/import/history';
import { previewImport } from '../../portability/import/preview';
import { undoImport } from '../../portability/import/undo';
import { afterBulkWrite } from './after-bulk-write';
import { deleteEverything } from './delete-everything';
import { makeExportFile } from './export-files';
import { failingAs } from './failures';
import { changesOfImport } from './import-changes';
import { payloadOf, receiveChunk, sendChunk, textOf } from './transfers';

type Request<T extends ParsedPageRequest['type']> = Extract<ParsedPageRequest, { type: T }>;

/** JSON a page sent, or a TendError: only a broken page sends text that is not JSON. */
function jsonOf(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new TendError('invalid', t('transferDamaged'));
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The ids of the people a backup file holds (for the `changed` broadcast; damaged records left out). */
function contactIdsIn(backup: unknown): string[] {
  const contacts = (backup as { contacts?: unknown } | null)?.contacts;
  if (!Array.isArray(contacts)) return [];
  return contacts.flatMap((contact: unknown) => {
    const id = (contact as { id?: unknown } | null)?.id;
    return typeof id === 'string' && UUID.test(id) ? [id] : [];
  });
}

/** A restore report as the page gets it: its lists of problems cut short, with the total. */
function restoreResult(report: RestoreReport): RestoreResult {
  return {
    added: report.added,
    unchanged: report.unchanged,
    conflicts: report.conflicts.slice(0, RESTORE_PROBLEMS_SENT),
    invalid: report.invalid.slice(0, RESTORE_PROBLEMS_SENT),
    problemCount: report.conflicts.length + report.invalid.length,
    ...(report.settings && { settings: report.settings }),
  };
}

/**
 * Handlers of the portability feature's page requests (see utils/messaging/features/portability.ts).
 * Every bulk write is followed by the search index update, the alarm resync and the broadcast.
 */
export function createPortabilityHandlers(db: Promise<TendDatabase>, clock: () => number) {
  return {
    uploadChunk: async ({ transferId, index, text }: Request<'uploadChunk'>) => ({ received: receiveChunk(transferId, index, text, clock()) }),
    downloadChunk: async ({ transferId, index }: Request<'downloadChunk'>) => ({ text: sendChunk(transferId, index, clock()) }),
    previewImport: ({ file }: Request<'previewImport'>) =>
      failingAs('read-file', async () => {
        const contents = ImportFileContents.safeParse(jsonOf(textOf(file)));
        if (!contents.success) throw new TendError('invalid', t('transferDamaged'));
        const { candidates, source, rejected, warnings } = contents.data;
        const preview = await previewImport(await db, candidates, { source, rejected, warnings, now: clock() });
        return payloadOf(JSON.stringify(preview), clock());
      }),
    applyImport: ({ preview }: Request<'applyImport'>) =>
      failingAs('import', async () => {
        const opened = await db;
        // applyImport checks the preview against its schema, and against the database, itself.
        const { importId } = await applyImport(opened, jsonOf(textOf(preview)) as ImportPreview, { now: clock() });
        await afterBulkWrite(opened, await changesOfImport(opened, importId), clock);
        return { importId };
      }),
    undoImport: ({ importId }: Request<'undoImport'>) =>
      failingAs('undo-import', async () => {
        const opened = await db;
        const report = await undoImport(opened, importId, clock());
        await afterBulkWrite(opened, await changesOfImport(opened, importId), clock);
        return report;
      }),
    listImports: ({ limit }: Request<'listImports'>) => failingAs('list-imports', async () => listImports(await db, limit)),
    restoreBackup: ({ backup }: Request<'restoreBackup'>) =>
      failingAs('restore', async () => {
        const opened = await db;
        const parsed = parseBackupJson(textOf(backup));
        const report = await restoreBackup(opened, parsed);
        await afterBulkWrite(opened, { kind: 'everything', contactIds: contactIdsIn(parsed) }, clock);
        return restoreResult(report);
      }),
    deleteEverything: (_request: Request<'deleteEverything'>) =>
      failingAs('delete-everything', async () => {
        const opened = await db;
        const contactIds = await deleteEverything(opened);
        await afterBulkWrite(opened, { kind: 'everything', contactIds }, clock);
        return { deletedPeople: contactIds.length };
      }),
    exportFile: ({ choice }: Request<'exportFile'>) =>
      failingAs(choice === 'backup' ? 'backup' : 'export', async () => {
        const file = await makeExportFile(await db, choice, clock());
        return { name: file.name, type: file.type, content: payloadOf(file.text, clock()) };
      }),
  };
}
