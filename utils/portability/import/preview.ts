/** The preview of an import: what it would add and change, built without writing anything. */
import { newId } from '../../ids';
import { MAX_NAME } from '../../model/records';
import type { ImportCandidate, ImportIssue, ImportPreview } from '../../model/import';
import { lookupInTransaction } from './lookup';
import { planImport } from './plan';
import { readTx } from '../../db/schema';
import { PREVIEW_SHOWN, type ImportPreviewShown } from '../../messaging/features/portability';
import type { ImportsDatabase } from './store';

/** What the caller adds to a preview besides the candidates. */
export interface PreviewOptions {
  /** What the import reads (shown in the import history): 'vCard', 'Google Contacts CSV'... */
  source?: string;
  /** Problems the file reader already found (rejected cards or rows, skipped lines). */
  rejected?: ImportIssue[];
  warnings?: ImportIssue[];
  now?: number;
}

const byLine = (a: ImportIssue, b: ImportIssue) => a.line - b.line;

/**
 * How many people an import would add, which it would merge into people Tend knows (and why:
 * a shared address or profile URL), and which lines it rejects (and why). Reads only.
 */
export async function previewImport(db: ImportsDatabase, parsed: readonly ImportCandidate[], options: PreviewOptions = {}): Promise<ImportPreview> {
  const now = options.now ?? Date.now();
  const tx = readTx(db, ['contacts', 'identities']);
  const plan = await planImport(lookupInTransaction(tx), parsed);
  await tx.done;
  return {
    id: newId(now),
    source: (options.source ?? 'import').slice(0, MAX_NAME),
    createdAt: now,
    newPeople: plan.newPeople,
    matches: plan.matches,
    rejected: [...(options.rejected ?? []), ...plan.rejected].sort(byLine),
    warnings: [...(options.warnings ?? []), ...plan.warnings].sort(byLine),
    candidates: [...parsed],
  };
}

/** What the options page lists of a preview: the first PREVIEW_SHOWN of each list, and how many each has. */
export function shownPreview(preview: ImportPreview): ImportPreviewShown {
  const first = <T>(list: readonly T[]) => list.slice(0, PREVIEW_SHOWN);
  return {
    source: preview.source,
    newPeople: first(preview.newPeople),
    matches: first(preview.matches),
    rejected: first(preview.rejected),
    warnings: first(preview.warnings),
    counts: { newPeople: preview.newPeople.length, matches: preview.matches.length, rejected: preview.rejected.length, warnings: preview.warnings.length },
  };
}
