/** The files the options page exports: made by the worker, saved by the page as downloads. */
import type { MessageKey } from '../../utils/i18n';
import { ask } from '../../utils/messaging/client';
import type { ExportChoice } from '../../utils/messaging/features/portability';
import type { MadeFile } from '../shared/download-file';
import { receiveParts } from './transfer';
import { followWorkerProgress } from './worker-progress';

/** Button labels, in the order they are offered. */
export const EXPORT_LABELS: Record<ExportChoice, MessageKey> = {
  backup: 'exportBackup',
  vcard4: 'exportVCard4',
  vcard3: 'exportVCard3',
  'people-csv': 'exportPeopleCsv',
  'interactions-csv': 'exportHistoryCsv',
};

/**
 * The file for one export choice, as a Blob (a worker cannot make a download link). `onProgress`
 * hears the share done, 0 to 1: the worker writing the records is the first half, the page
 * reading the parts the second.
 */
export async function makeExportFile(choice: ExportChoice, onProgress?: (share: number) => void): Promise<MadeFile> {
  const progressId = crypto.randomUUID();
  const stopFollowing = onProgress ? followWorkerProgress(progressId, (share) => onProgress(share / 2)) : () => undefined;
  try {
    const file = await ask({ type: 'exportFile', choice, progressId });
    stopFollowing();
    onProgress?.(0.5);
    const blob = await receiveParts(file.content, file.type, (read, parts) => onProgress?.(0.5 + read / parts / 2));
    onProgress?.(1);
    return { name: file.name, type: file.type, text: blob };
  } finally {
    stopFollowing();
  }
}
