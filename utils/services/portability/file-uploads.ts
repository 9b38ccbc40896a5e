/**
 * A file handed to the worker whole: an options page posts the picked File (a Blob handle: no byte
 * is read or copied in the page) to the service worker, which reads it a slice at a time and stages
 * its text as an upload, exactly as if the page had sent it chunk by chunk. Reading a 20 MB backup
 * in the page and sending its text made garbage whose collection cost the page tasks of 100-180 ms;
 * read here, the page's main thread does nothing while a file goes up.
 *
 * The message arrives through the service worker's own `message` event, not runtime messaging
 * (which carries JSON only): only pages of this extension's origin can reach it. The data is
 * `unknown` until FileUploadMessage accepts it; the answers go back on the port it carried.
 */
import { TendError } from '../../errors';
import { t } from '../../i18n';
import { FileUploadMessage, type FileUploadAnswer } from '../../messaging/features/file-upload';
import { encodingOfFile, forEachTextSlice, SLICE_BYTES } from '../../portability/file-text';
import { dropUpload, receiveChunk } from './transfers';

/** What the worker's `message` event gives: the data, who sent it, the ports it carried. */
export interface FileUploadEvent {
  data: unknown;
  origin: string;
  ports: readonly MessagePort[];
  waitUntil(promise: Promise<unknown>): void;
}

/** The reading stopped because the page said Cancel (or went away). */
class UploadCancelled extends Error {}

/**
 * Take a file an extension page posted: read it in slices into an upload staged under its
 * transfer id, telling the page the bytes read after each slice and then how many chunks it holds
 * (the payload it names in its next request), or the error in words. Ignored when it is not
 * from this extension or carries no port to answer on.
 */
export function receiveFileUpload(event: FileUploadEvent, extensionOrigin: string, now: () => number = Date.now): void {
  const port = event.ports[0];
  if (!port || event.origin !== extensionOrigin.replace(/\/$/, '')) return;
  const answer = (message: FileUploadAnswer) => port.postMessage(message);
  const parsed = FileUploadMessage.safeParse(event.data);
  if (!parsed.success) {
    answer({ error: t('transferDamaged') });
    port.close();
    return;
  }
  const { transferId, file, readAs } = parsed.data;
  let cancelled = false;
  port.onmessage = () => (cancelled = true); // the page's only message on the port is Cancel
  let index = 0;
  const onText = (text: string, bytes: number) => {
    if (cancelled) throw new UploadCancelled();
    receiveChunk(transferId, index++, text, now());
    answer({ bytes });
  };
  // A contacts file is read as textOfFile reads one (Windows-1252 when not UTF-8): found first, here.
  const reading = (readAs === 'contacts' ? encodingOfFile(file) : Promise.resolve(undefined))
    .then((encoding) => forEachTextSlice(file, onText, SLICE_BYTES, encoding))
    .then(
      () => answer(index === 0 ? { error: t('importFileEmpty') } : { chunks: index }),
      (failure: unknown) => {
        dropUpload(transferId);
        if (!(failure instanceof UploadCancelled)) answer({ error: failure instanceof TendError ? failure.message : t('transferLost') });
      },
    );
  // The worker stays up while it reads (Chrome would otherwise stop it after 30 s of no events).
  event.waitUntil(reading.finally(() => port.close()));
}
