/** Reading an import file's bytes as text, and the checks every import format shares. */
import { t } from '../i18n';
import type { ImportIssue } from '../model/import';

/**
 * The text of a file: UTF-16 when it starts with a UTF-16 byte-order mark (Windows address books
 * and Excel's "Unicode text" write it, little- or big-endian), UTF-8 when the bytes are valid
 * UTF-8 (BOM dropped), else Windows-1252, which is what Outlook's CSV export and old 2.1 vCards
 * without CHARSET are written in.
 */
export function textOfFile(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** The file-level problem that makes a text unusable as an import (empty, binary), if any; `kind` names the format (vCard, CSV...). */
export function unreadableFileIssue(text: string, kind: string): ImportIssue | undefined {
  if (text.replace(/^\ufeff/, '').trim() === '') return { line: 0, reason: t('importFileEmpty') };
  // NUL never appears in a text export; it does in images, archives and spreadsheets (.xlsx).
  if (text.slice(0, 65_536).includes('\u0000')) return { line: 0, reason: t('importFileBinary', kind) };
  return undefined;
}
