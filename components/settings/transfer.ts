/**
 * Files to and from the worker (backups, contacts files, import previews, exports): a short one in
 * one message; a long one handed over as the File itself, or read back in parts, since Chrome caps
 * a runtime message (see utils/messaging/features/portability.ts) and a long one costs the page a long task.
 */
import type { PartsPayload, TextPayload } from '../../utils/messaging/features/portability';
import { ask } from '../../utils/messaging/client';
import { FileUploadAnswer, type FileReading, type FileUploadMessage } from '../../utils/messaging/features/file-upload';
import { TendError } from '../../utils/errors';
import { t } from '../../utils/i18n';
import { forEachTextSlice, SLICE_BYTES, textOfFile } from '../../utils/portability/file-text';

/**
 * Hand a file's text to the worker: inline when it is one slice, else the File itself, which the
 * worker reads (see utils/services/portability/file-uploads.ts): as a backup (UTF-8, or UTF-16 by
 * its mark) or as a contacts file (Windows-1252 when it is not valid UTF-8, as textOfFile reads). `onSent` hears the bytes the
 * worker has read so far; when it throws, the worker is told to stop and the upload rejects with
 * what it threw.
 */
export async function sendFile(file: Blob, onSent?: (bytes: number) => void, readAs: FileReading = 'backup'): Promise<TextPayload> {
  if (file.size > SLICE_BYTES) return handFile(file, readAs, onSent);
  let text = '';
  if (readAs === 'contacts') text = textOfFile(new Uint8Array(await file.arrayBuffer()));
  else await forEachTextSlice(file, (slice) => void (text += slice));
  onSent?.(file.size);
  return { text };
}

/** A worker silent this long while reading a file has stopped: its upload is lost. */
const SILENCE_MS = 30_000;

async function handFile(file: Blob, readAs: FileReading, onSent?: (bytes: number) => void): Promise<TextPayload> {
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
    const message: FileUploadMessage = { type: 'uploadFile', transferId, file, readAs };
    worker.postMessage(message, [channel.port2]);
  });
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
