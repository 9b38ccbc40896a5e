/**
 * Long texts to and from the worker (files, previews): one message when they fit, else chunks,
 * since Chrome caps a runtime message (see utils/messaging/features/portability.ts).
 */
import { CHUNK_CHARS, type PartsPayload, type TextPayload } from '../../utils/messaging/features/portability';
import { ask } from '../../utils/messaging/client';
import { FileUploadAnswer, type FileUploadMessage } from '../../utils/messaging/features/file-upload';
import { TendError } from '../../utils/errors';
import { t } from '../../utils/i18n';
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
 * Hand a file's text to the worker: inline when it is one slice, else the File itself, which the
 * worker reads (see utils/services/portability/file-uploads.ts). `onSent` hears the bytes the
 * worker has read so far; when it throws, the worker is told to stop and the upload rejects with
 * what it threw.
 */
export async function sendFile(file: Blob, onSent?: (bytes: number) => void): Promise<TextPayload> {
  if (file.size > SLICE_BYTES) return handFile(file, onSent);
  let text = '';
  await forEachTextSlice(file, (slice) => void (text += slice));
  onSent?.(file.size);
  return { text };
}

/** A worker silent this long while reading a file has stopped: its upload is lost. */
const SILENCE_MS = 30_000;

async function handFile(file: Blob, onSent?: (bytes: number) => void): Promise<TextPayload> {
  const worker = (await navigator.serviceWorker.ready).active;
  if (!worker) throw new TendError('not-found', t('transferLost'));
  const transferId = crypto.randomUUID();
  const channel = new MessageChannel();
  return new Promise<TextPayload>((resolve, reject) => {
    let silence: ReturnType<typeof setTimeout>;
    const settle = (end: () => void) => {
      clearTimeout(silence);
      channel.port1.close();
      end();
    };
    const listen = () => {
      clearTimeout(silence);
      silence = setTimeout(() => settle(() => reject(new TendError('not-found', t('transferLost')))), SILENCE_MS);
    };
    channel.port1.onmessage = ({ data }: MessageEvent<unknown>) => {
      const answer = FileUploadAnswer.safeParse(data);
      if (!answer.success) return settle(() => reject(new TendError('failed', t('transferDamaged'))));
      const said = answer.data;
      if ('error' in said) return settle(() => reject(new TendError('failed', said.error)));
      if ('chunks' in said) return settle(() => resolve({ transferId, chunks: said.chunks }));
      listen();
      try {
        onSent?.(said.bytes);
      } catch (stopped) {
        channel.port1.postMessage('cancel');
        settle(() => reject(stopped));
      }
    };
    listen();
    const message: FileUploadMessage = { type: 'uploadFile', transferId, file };
    worker.postMessage(message, [channel.port2]);
  });
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
