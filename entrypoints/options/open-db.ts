import { openTendDb } from '../../utils/db/open';
import type { TendDatabase } from '../../utils/db/schema';

let opened: Promise<TendDatabase> | undefined;

/**
 * Tend's database, opened once for this page. The options page opens it itself instead of asking
 * the background: it is an extension page (trusted, the extension's own origin), and bulk import
 * and export through runtime messages would copy megabytes through structured clone twice.
 */
export function optionsDb(): Promise<TendDatabase> {
  opened ??= openTendDb();
  return opened;
}
