import { receiveFileUpload } from '../../utils/services/portability/file-uploads';

/**
 * The extension's service worker as an extension page reaches it (`navigator.serviceWorker`): a
 * file posted to it goes to the worker's own handler in this process, with the page's origin.
 */
export function installServiceWorker(extensionOrigin: string): void {
  const active = {
    postMessage(data: unknown, ports: MessagePort[]) {
      receiveFileUpload({ data, origin: extensionOrigin.replace(/\/$/, ''), ports, waitUntil: () => undefined }, extensionOrigin);
    },
  };
  Object.defineProperty(navigator, 'serviceWorker', { value: { ready: Promise.resolve({ active }) }, configurable: true });
}
