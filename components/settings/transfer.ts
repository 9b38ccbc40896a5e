/**
 * Long texts to and from the worker (files, previews): one message when they fit, else chunks,
 * since Chrome caps a runtime message (see utils/messaging/features/portability.ts).
 */
import { CHUNK_CHARS, type PartsPayload, type TextPayload } from '../../utils/messaging/features/portability';
import { ask } from '../../utils/messaging/client';
import { forEachTextSlice, SLICE_BYTES } from '../../utils/portability/file-text';

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

/**
 * Hand a file's text to the worker a slice at a time (each decoded and sent in a short task; see
 * forEachTextSlice): inline when it is one slice. `onSent` hears the bytes sent so far.
 */
export async function sendFile(file: Blob, onSent?: (bytes: number) => void): Promise<TextPayload> {
  const transferId = crypto.randomUUID();
  let first: string | undefined;
  let index = 0;
  await forEachTextSlice(file, async (text, bytes) => {
    if (file.size <= SLICE_BYTES) first = text;
    else await ask({ type: 'uploadChunk', transferId, index: index++, text });
    onSent?.(bytes);
  });
  return file.size <= SLICE_BYTES ? { text: first ?? '' } : { transferId, chunks: index };
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
