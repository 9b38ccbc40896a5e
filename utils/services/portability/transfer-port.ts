/**
 * A page applying a file (a restore, an import) holds a port named after the request while it
 * waits. When the port goes (the page closed, reloaded or crashed), the request is cancelled: a
 * restore nobody waits for is taken back rather than finished unseen, so closing the page
 * mid-apply leaves nothing of the file, as Cancel does.
 */
import { browser, type Browser } from 'wxt/browser';
import { classifySender } from '../../messaging/senders';
import { TRANSFER_PORT_PREFIX } from '../../messaging/features/portability';
import { cancelRequest } from './progress';

/** Cancel the followed request of a port that went; only Tend's own pages may hold one. */
export function onTransferPort(port: Browser.runtime.Port, extensionId: string, extensionOrigin: string): void {
  if (!port.name.startsWith(TRANSFER_PORT_PREFIX)) return;
  if (!port.sender || classifySender(port.sender, extensionId, extensionOrigin).role !== 'page') {
    port.disconnect();
    return;
  }
  const progressId = port.name.slice(TRANSFER_PORT_PREFIX.length);
  // Also after a request that ended: the cancel of an id that is never used again is dropped in time (progress.ts).
  port.onDisconnect.addListener(() => cancelRequest(progressId));
}

/** Hear the ports of transfers (see the file's comment). */
export function watchTransferPorts(): void {
  browser.runtime.onConnect.addListener((port) => onTransferPort(port, browser.runtime.id, browser.runtime.getURL('/')));
}
