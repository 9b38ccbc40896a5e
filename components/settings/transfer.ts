/**
 * Long texts to and from the worker (files, previews): one message when they fit, else chunks,
 * since Chrome caps a runtime message (see utils/messaging/features/portability.ts).
 */
import { CHUNK_CHARS, type PartsPayload, type TextPayload } from '../../utils/messaging/features/portability';
import { ask } from '../../utils/messaging/client';

/** Hand a text to the worker: inline, or uploaded chunk by chunk and named by the payload. */
export async function sendText(text: string): Promise<TextPayload> {
  if (text.length <= CHUNK_CHARS) return { text };
  const transferId = crypto.randomUUID();
  let index = 0;
  for (let start = 0; start < text.length; start += CHUNK_CHARS, index++) {
    await ask({ type: 'uploadChunk', transferId, index, text: text.slice(start, start + CHUNK_CHARS) });
  }
  return { transferId, chunks: index };
}

/** The text of a payload the worker answered: inline, or read back chunk by chunk. */
export async function receiveText(payload: TextPayload): Promise<string> {
  if ('text' in payload) return payload.text;
  const chunks: string[] = [];
  for (let index = 0; index < payload.chunks; index++) {
    chunks.push((await ask({ type: 'downloadChunk', transferId: payload.transferId, index })).text);
  }
  return chunks.join('');
}

/**
 * The file a parts payload carries, as a Blob: each part read by one request and made a Blob of
 * its own at once (a short task each), the file a Blob of those (no copy, no string of the whole).
 */
export async function receiveParts(payload: PartsPayload, type: string, onPart?: (read: number, parts: number) => void): Promise<Blob> {
  if ('text' in payload) return new Blob([payload.text], { type });
  const blobs: Blob[] = [];
  for (let index = 0; index < payload.parts; index++) {
    blobs.push(new Blob([(await ask({ type: 'downloadChunk', transferId: payload.transferId, index })).text]));
    onPart?.(index + 1, payload.parts);
  }
  return new Blob(blobs, { type });
}
