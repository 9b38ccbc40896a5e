/** vCard parse results as import input: candidates plus the issues the preview shows. */
import type { ImportCandidate, ImportIssue } from '../../model/import';
import type { ParsedCard, VCardParseResult } from './parse';

/**
 * A card as an import candidate (CATEGORIES become tags). A display name that is only the
 * card's address is left out, so a card whose address turns out unusable names no one.
 */
export function candidateFromCard({ categories, displayName, ...card }: ParsedCard): ImportCandidate {
  const isAnIdentity = card.emails.includes(displayName) || card.urls.includes(displayName);
  return { ...card, ...(!isAnIdentity && { displayName }), tags: categories };
}

/** Everything `previewImport` needs from a parsed vCard file. */
export function vCardImportInput(result: VCardParseResult): { candidates: ImportCandidate[]; rejected: ImportIssue[]; warnings: ImportIssue[] } {
  return { candidates: result.cards.map(candidateFromCard), rejected: result.rejected, warnings: result.skipped };
}
