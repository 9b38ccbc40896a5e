/**
 * runtime.connect and runtime.onConnect, which the fake browser leaves unimplemented: a port an
 * extension page opens reaches the listeners registered in the same test, and either end's
 * disconnect is heard at the other, as in Chrome.
 */
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';

type Listener<T> = (value: T) => void;

interface FakePort {
  name: string;
  sender: Browser.runtime.MessageSender | undefined;
  other: FakePort | undefined;
  connected: boolean;
  gone: Set<Listener<Browser.runtime.Port>>;
  onDisconnect: { addListener(listener: Listener<Browser.runtime.Port>): void };
  onMessage: { addListener(): void };
  postMessage(): void;
  disconnect(): void;
}

function end(name: string, sender: Browser.runtime.MessageSender | undefined): FakePort {
  const gone = new Set<Listener<Browser.runtime.Port>>();
  const port: FakePort = {
    name,
    sender,
    other: undefined,
    connected: true,
    gone,
    onDisconnect: { addListener: (listener: Listener<Browser.runtime.Port>) => void gone.add(listener) },
    onMessage: { addListener: () => undefined },
    postMessage: () => undefined,
    disconnect() {
      if (!port.connected) return;
      port.connected = false;
      const other = port.other!;
      other.connected = false;
      for (const listener of other.gone) listener(other as unknown as Browser.runtime.Port);
    },
  };
  return port;
}

/** Install the fake ports; `pageUrl` is the page every port comes from. */
export function installFakePorts(pageUrl = fakeBrowser.runtime.getURL('/options.html')): void {
  const listeners = new Set<Listener<Browser.runtime.Port>>();
  fakeBrowser.runtime.onConnect.addListener = ((listener: Listener<Browser.runtime.Port>) => void listeners.add(listener)) as never;
  fakeBrowser.runtime.connect = ((info?: { name?: string }) => {
    const name = info?.name ?? '';
    const page = end(name, undefined);
    const worker = end(name, { id: fakeBrowser.runtime.id, url: pageUrl });
    page.other = worker;
    worker.other = page;
    for (const listener of listeners) listener(worker as unknown as Browser.runtime.Port);
    return page;
  }) as never;
}
