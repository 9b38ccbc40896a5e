/** The files the options page exports: made by the worker, saved by the page as downloads. */
import type { MessageKey } from '../../utils/i18n';
import { ask } from '../../utils/messaging/client';
import type { ExportChoice } from '../../utils/messaging/features/portability';
import type { MadeFile } from '../shared/download-file';
import { receiveText } from './transfer';

/** Button labels, in the order they are offered. */
export const EXPORT_LABELS: Record<ExportChoice, MessageKey> = {
  backup: 'exportBackup',
  vcard4: 'exportVCard4',
  vcard3: 'exportVCard3',
  'people-csv': 'exportPeopleCsv',
  'interactions-csv': 'exportHistoryCsv',
};

/** The file for one export choice, with its whole text (a worker cannot make a download link). */
export async function makeExportFile(choice: ExportChoice): Promise<MadeFile> {
  const file = await ask({ type: 'exportFile', choice });
  return { name: file.name, type: file.type, text: await receiveText(file.content) };
}
