/**
 * Long texts between the options page and the worker, in chunks (Chrome caps one runtime message:
 * see utils/messaging/features/portability.ts). Staged texts live in the worker's memory only
 * for the minutes a transfer takes; a worker restart loses them and the page is told to retry.
 */
import { TendError } from '../../errors';
import { t } from '../../i18n';
import { newId } from '../../ids';
import { CHUNK_CHARS, MAX_TEXT_CHARS, type PartsPayload, type TextPayload } from '../../messaging/features/portability';

/** A staged text left untouched this long is dropped: its page went away. */
export const TRANSFER_TTL_MS = 10 * 60_000;
/** Most texts staged at once in each direction (a few open options pages at most). */
const MAX_STAGED = 4;

interface Staged {
  chunks: string[];
  /** Characters in all. */
  length: number;
  touchedAt: number;
}

const uploads = new Map<string, Staged>();
const downloads = new Map<string, Staged>();

/** Drop what expired, then the oldest while there are too many (Maps keep insertion order). */
function tidy(staged: Map<string, Staged>, now: number): void {
  for (const [id, entry] of staged) if (now - entry.touchedAt > TRANSFER_TTL_MS) staged.delete(id);
  for (const id of staged.keys()) {
    if (staged.size < MAX_STAGED) break;
    staged.delete(id);
  }
}

const lost = () => new TendError('not-found', t('transferLost'));

/** Stage one chunk a page sent; chunks arrive in order. Returns how many the text now has. */
export function receiveChunk(transferId: string, index: number, text: string, now = Date.now()): number {
  let entry = uploads.get(transferId);
  if (!entry) {
    if (index !== 0) throw lost();
    tidy(uploads, now);
    entry = { chunks: [], length: 0, touchedAt: now };
    uploads.set(transferId, entry);
  }
  if (index !== entry.chunks.length) throw lost();
  entry.length += text.length;
  if (entry.length > MAX_TEXT_CHARS) {
    uploads.delete(transferId);
    throw new TendError('invalid', t('transferTooLarge'));
  }
  entry.chunks.push(text);
  entry.touchedAt = now;
  return entry.chunks.length;
}

/** Forget an upload that will not be finished (a file the worker stopped reading). */
export function dropUpload(transferId: string): void {
  uploads.delete(transferId);
}

/** The whole text a payload carries: inline, or every chunk staged under its id (then released). */
export function textOf(payload: TextPayload): string {
  return chunksOf(payload).join('');
}

/** The text a payload carries, in the chunks it came in (a backup may be longer than one string can be); released. */
export function chunksOf(payload: TextPayload): string[] {
  if ('text' in payload) return [payload.text];
  const entry = uploads.get(payload.transferId);
  uploads.delete(payload.transferId);
  if (!entry || entry.chunks.length !== payload.chunks) throw lost();
  return entry.chunks;
}

/** A made file's parts as an answer: inline when it is one short part, else staged for the page to read part by part. */
export function partsPayloadOf(parts: string[], now = Date.now()): PartsPayload {
  if (parts.length <= 1 && (parts[0] ?? '').length <= CHUNK_CHARS) return { text: parts[0] ?? '' };
  // A part longer than one message (a vCard or CSV export is one text) is cut to fit.
  const chunks = parts.flatMap((part) => (part.length <= CHUNK_CHARS ? [part] : cutText(part)));
  return { transferId: stageDownload(chunks, now), parts: chunks.length };
}

function cutText(text: string, chunkChars = CHUNK_CHARS): string[] {
  const chunks: string[] = [];
  for (let start = 0; start < text.length; start += chunkChars) chunks.push(text.slice(start, start + chunkChars));
  return chunks;
}

/**
 * A long text as parts of `partChars` for the page to read one short message at a time (a message
 * of 8 Mi characters costs the page a task of hundreds of ms to receive), and to keep unparsed.
 */
export function partsPayloadOfText(text: string, partChars: number, now = Date.now()): PartsPayload {
  return partsPayloadOf(cutText(text, partChars), now);
}

function stageDownload(chunks: string[], now: number): string {
  tidy(downloads, now);
  const transferId = newId(now);
  downloads.set(transferId, { chunks, length: 0, touchedAt: now });
  return transferId;
}

/** One chunk of a staged answer; reading the last one releases the text. */
export function sendChunk(transferId: string, index: number, now = Date.now()): string {
  const entry = downloads.get(transferId);
  const chunk = entry?.chunks[index];
  if (!entry || chunk === undefined) throw lost();
  entry.touchedAt = now;
  if (index === entry.chunks.length - 1) downloads.delete(transferId);
  return chunk;
}
