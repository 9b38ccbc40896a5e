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

/** Bytes read per slice of a large file: its text decodes, and is sent or checked, in a short task. */
export const SLICE_BYTES = 128 * 1024;

/** The encoding a file starts with a byte-order mark for, if it is UTF-16. */
async function utf16Of(file: Blob): Promise<'utf-16le' | 'utf-16be' | undefined> {
  const head = new Uint8Array(await file.slice(0, 2).arrayBuffer());
  return head[0] === 0xff && head[1] === 0xfe ? 'utf-16le' : head[0] === 0xfe && head[1] === 0xff ? 'utf-16be' : undefined;
}

/**
 * The encoding textOfFile would read a file in, found a slice at a time (each a short task):
 * UTF-16 by its byte-order mark, UTF-8 when every byte is valid UTF-8, else Windows-1252.
 */
export async function encodingOfFile(file: Blob, sliceBytes = SLICE_BYTES): Promise<string> {
  const utf16 = await utf16Of(file);
  if (utf16) return utf16;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for (let start = 0; start < file.size; start += sliceBytes) {
      const end = Math.min(file.size, start + sliceBytes);
      decoder.decode(new Uint8Array(await file.slice(start, end).arrayBuffer()), { stream: end < file.size });
    }
  } catch {
    return 'windows-1252';
  }
  return 'utf-8';
}

/**
 * The text of a file a slice at a time, never the whole as one string (a backup may be longer than
 * one string can be): in `encoding` when given (see encodingOfFile), else UTF-16 when it starts with
 * a UTF-16 byte-order mark, else UTF-8 (BOM dropped; bytes that are not UTF-8 read as U+FFFD: a
 * backup Tend wrote is always UTF-8).
 */
export async function forEachTextSlice(
  file: Blob,
  onText: (text: string, bytesRead: number) => void | Promise<void>,
  sliceBytes = SLICE_BYTES,
  encoding?: string,
): Promise<void> {
  const decoder = new TextDecoder(encoding ?? (await utf16Of(file)) ?? 'utf-8');
  for (let start = 0; start < file.size; start += sliceBytes) {
    const end = Math.min(file.size, start + sliceBytes);
    const text = decoder.decode(new Uint8Array(await file.slice(start, end).arrayBuffer()), { stream: end < file.size });
    if (text) await onText(text, end);
  }
}
