/** The files the options page exports: made by the worker, saved by the page as downloads. */
import type { MessageKey } from '../../utils/i18n';
import { ask } from '../../utils/messaging/client';
import type { ExportChoice } from '../../utils/messaging/features/portability';
import type { MadeFile } from '../shared/download-file';
import { receiveParts } from './transfer';

/** Button labels, in the order they are offered. */
export const EXPORT_LABELS: Record<ExportChoice, MessageKey> = {
  backup: 'exportBackup',
  vcard4: 'exportVCard4',
  vcard3: 'exportVCard3',
  'people-csv': 'exportPeopleCsv',
  'interactions-csv': 'exportHistoryCsv',
};

/** How often the page asks how far the worker has gone while it writes a file. */
const PROGRESS_EVERY_MS = 250;

/**
 * The file for one export choice, as a Blob (a worker cannot make a download link). `onProgress`
 * hears the share done, 0 to 1: the worker writing the records is the first half, the page
 * reading the parts the second.
 */
export async function makeExportFile(choice: ExportChoice, onProgress?: (share: number) => void): Promise<MadeFile> {
  const progressId = crypto.randomUUID();
  let writing = true;
  const poll =
    onProgress &&
    setInterval(() => {
      void ask({ type: 'transferProgress', progressId }).then(
        ({ done, total }) => writing && total > 0 && onProgress(done / total / 2),
        () => undefined,
      );
    }, PROGRESS_EVERY_MS);
  try {
    const file = await ask({ type: 'exportFile', choice, progressId });
    writing = false;
    onProgress?.(0.5);
    const blob = await receiveParts(file.content, file.type, (read, parts) => onProgress?.(0.5 + read / parts / 2));
    onProgress?.(1);
    return { name: file.name, type: file.type, text: blob };
  } finally {
    writing = false;
    clearInterval(poll);
  }
}
