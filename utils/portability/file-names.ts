/** Names for exported files, dated so several exports sort and never overwrite each other. */
import { localDay } from '../time/local-day';

/** What is exported: JSON backup, people CSV, interactions CSV, vCards. */
export type ExportKind = 'backup' | 'people' | 'interactions' | 'contacts';

const EXTENSIONS: Record<ExportKind, string> = { backup: 'json', people: 'csv', interactions: 'csv', contacts: 'vcf' };

/** `tend-backup-2024-05-01.json`, `tend-people-2024-05-01.csv`... in the user's local date. */
export const exportFileName = (kind: ExportKind, now = Date.now()): string => `tend-${kind}-${localDay(now)}.${EXTENSIONS[kind]}`;
