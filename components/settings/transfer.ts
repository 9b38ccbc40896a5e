/**
 * Files to and from the worker (backups, contacts files, import previews, exports): a short one in
 * one message, else slices, since Chrome caps a runtime message (see
 * utils/messaging/features/portability.ts) and a long message costs the page a long task.
 */
import type { PartsPayload, TextPayload } from '../../utils/messaging/features/portability';
import { ask } from '../../utils/messaging/client';
import { forEachTextSlice, SLICE_BYTES } from '../../utils/portability/file-text';

/**
 * Hand a file's text to the worker a slice at a time (each decoded, in `encoding` when given, and
 * sent in a short task; see forEachTextSlice): inline when it is one slice. `onSent` hears the
 * bytes sent so far.
 */
export async function sendFile(file: Blob, onSent?: (bytes: number) => void, encoding?: string): Promise<TextPayload> {
  const transferId = crypto.randomUUID();
  let first: string | undefined;
  let index = 0;
  await forEachTextSlice(
    file,
    async (text, bytes) => {
      if (file.size <= SLICE_BYTES) first = text;
      else await ask({ type: 'uploadChunk', transferId, index: index++, text });
      onSent?.(bytes);
    },
    SLICE_BYTES,
    encoding,
  );
  return file.size <= SLICE_BYTES ? { text: first ?? '' } : { transferId, chunks: index };
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
