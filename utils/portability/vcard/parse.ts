/**
 * Reading vCard 2.1, 3.0 and 4.0 files into the fields Tend keeps. Written for this project after
 * running the npm vCard parsers over shared/interop: vcf (node-vcf) leaves quoted-printable
 * undecoded and escapes in place, ical.js and vcard4-ts refuse or misread 2.1 and iOS files.
 */
import { z } from 'zod';
import { cleanName } from '../../identity/addresses';
import { MAX_NAME, MAX_NOTE } from '../../model/records';
import { t } from '../../i18n';
import { textOfFile, unreadableFileIssue } from '../file-text';
import type { ImportIssue } from '../../model/import';
import { logicalLines, parseContentLine, type ContentLine } from './lines';
import { decodedValue, splitUnescaped, structuredValue, unescapeText } from './values';

/** One card as Tend reads it. `line` is where its BEGIN:VCARD is. */
export const ParsedCard = z.object({
  line: z.number().int().positive(),
  displayName: z.string(),
  /** As written (unescaped, trimmed); checked as addresses when an import preview is built. */
  emails: z.array(z.string()),
  urls: z.array(z.string()),
  org: z.string().optional(),
  title: z.string().optional(),
  /** CATEGORIES: Tend's tags. */
  categories: z.array(z.string()),
  note: z.string().optional(),
});
export type ParsedCard = z.infer<typeof ParsedCard>;

/** The cards of a file and what could not be read, with line numbers. */
export interface VCardParseResult {
  cards: ParsedCard[];
  /** Cards (or the whole file, line 0) that could not be read, and why. */
  rejected: ImportIssue[];
  /** Lines inside cards that were not content lines: skipped, the card kept. */
  skipped: ImportIssue[];
}

// Properties Tend reads; all others (PHOTO, KEY, TEL, ADR, X-...) are never decoded.
const READ = new Set(['FN', 'N', 'ORG', 'TITLE', 'EMAIL', 'URL', 'CATEGORIES', 'NOTE']);

const text = (prop: ContentLine): string => unescapeText(decodedValue(prop)).trim();
const nonEmpty = (values: string[]): string[] => values.map((v) => v.trim()).filter(Boolean);

/** The name N spells, in display order: prefix, given, additional, family, suffix. */
function nameFromN(prop: ContentLine): string | undefined {
  const [family = [], given = [], additional = [], prefix = [], suffix = []] = structuredValue(decodedValue(prop));
  const parts = [prefix, given, additional, family, suffix].flatMap(nonEmpty);
  return cleanName(parts.join(' '), MAX_NAME);
}

/** The organisation's name: the first ORG component (the others are departments). */
const orgName = (prop: ContentLine): string | undefined => cleanName(structuredValue(decodedValue(prop))[0]?.join(','), MAX_NAME);

/** A card's fields from its properties; undefined when it names no one at all. */
function cardFrom(line: number, props: ContentLine[]): ParsedCard | undefined {
  const all = (name: string) => props.filter((p) => p.name === name);
  const first = (name: string) => all(name)[0];
  const emails = nonEmpty(all('EMAIL').map(text));
  const urls = nonEmpty(all('URL').map(text));
  const org = all('ORG').map(orgName).find(Boolean);
  const fn = first('FN');
  const n = first('N');
  const displayName = (fn && cleanName(text(fn), MAX_NAME)) || (n && nameFromN(n)) || org || emails[0] || urls[0];
  if (!displayName) return undefined;
  const notes = nonEmpty(all('NOTE').map(text));
  const title = all('TITLE')
    .map((p) => cleanName(text(p), MAX_NAME))
    .find(Boolean);
  const categories = [...new Set(all('CATEGORIES').flatMap((p) => nonEmpty(splitUnescaped(decodedValue(p), ','))))];
  return {
    line,
    displayName,
    emails: [...new Set(emails)],
    urls: [...new Set(urls)],
    ...(org && { org }),
    ...(title && { title }),
    categories: categories.map((c) => cleanName(c, MAX_NAME)!),
    ...(notes.length > 0 && { note: notes.join('\n\n').slice(0, MAX_NOTE) }),
  };
}

const isBoundary = (prop: ContentLine, kind: 'BEGIN' | 'END') => prop.name === kind && prop.value.trim().toUpperCase() === 'VCARD';

/**
 * Every card in a vCard file (text, or bytes: UTF-8 else Windows-1252). Cards may come several
 * to a file, in any version, without FN (the name then comes from N, else ORG, else the first
 * address). A card that is never closed (truncated file) or names no one is rejected with its line.
 */
export function parseVCards(input: string | Uint8Array): VCardParseResult {
  const source = typeof input === 'string' ? input : textOfFile(input);
  const unreadable = unreadableFileIssue(source, 'vCard');
  if (unreadable) return { cards: [], rejected: [unreadable], skipped: [] };
  const cards: ParsedCard[] = [];
  const rejected: ImportIssue[] = [];
  const skipped: ImportIssue[] = [];
  let open: { line: number; props: ContentLine[]; nested: number } | undefined;
  let sawBegin = false;
  for (const logical of logicalLines(source)) {
    const prop = parseContentLine(logical);
    if (!open) {
      if (prop && isBoundary(prop, 'BEGIN')) {
        open = { line: logical.line, props: [], nested: 0 };
        sawBegin = true;
      } else if (sawBegin) {
        skipped.push({ line: logical.line, reason: t('vcardBetweenCards') });
      }
      continue;
    }
    if (!prop) {
      if (open.nested === 0) skipped.push({ line: logical.line, reason: t('vcardNotAProperty') });
      continue;
    }
    // vCard 2.1 AGENT can embed a whole card: skip it rather than end the outer one early.
    if (isBoundary(prop, 'BEGIN')) open.nested++;
    else if (isBoundary(prop, 'END') && open.nested > 0) open.nested--;
    else if (isBoundary(prop, 'END')) {
      const card = cardFrom(open.line, open.props);
      if (card) cards.push(card);
      else rejected.push({ line: open.line, reason: t('vcardNoOne') });
      open = undefined;
    } else if (open.nested === 0 && READ.has(prop.name)) open.props.push(prop);
  }
  if (open) rejected.push({ line: open.line, reason: t('vcardNotClosed') });
  if (!sawBegin) rejected.push({ line: 0, reason: t('vcardNone') });
  return { cards, rejected, skipped };
}
