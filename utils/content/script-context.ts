/**
 * The content-script context WXT hands `main(ctx)`, slimmed to what Tend's content scripts use.
 * wxt.config.ts aliases WXT's `wxt/utils/content-script-context` to this file in content-script
 * builds only: WXT's class (animation frames, idle callbacks, intervals, logging) and its
 * location watcher cost 0.3-0.4 KB gzipped of every content script against an 8 KB budget. The
 * behaviour kept is WXT's own, names included, so a script built by an older Tend still stops
 * when this one starts: an invalid context (extension reloaded, or a newer copy of the same
 * script started) cancels its timers and listeners; `wxt:locationchange` fires on navigation.
 */
type Listener = (event: Event) => void;
interface Started {
  contentScriptName?: string;
  messageId?: string;
}

/** How often the URL is compared where the Navigation API is missing (WXT's interval). */
const LOCATION_POLL_MS = 1000;

// Chrome's own `chrome` (utils/content imports no `wxt/browser`): only the extension's id is read.
const extensionId = () => (globalThis as { chrome?: { runtime?: { id?: string } } }).chrome?.runtime?.id;

/** WXT's event names: unique to the extension and the content script. */
const eventName = (script: string, name: string) => `${extensionId()}:${script}:${name}`;

/** A content script's lifetime: timers and listeners made through it end when it is invalidated. */
export class ContentScriptContext {
  private readonly controller = new AbortController();
  private readonly id = Math.random().toString(36).slice(2);
  private watchingLocation = false;

  constructor(readonly contentScriptName: string) {
    const started = eventName(contentScriptName, 'wxt:content-script-started');
    // Tell an older copy of this script to stop, then stop when a newer one says so.
    document.dispatchEvent(new CustomEvent(started, { detail: { contentScriptName, messageId: this.id } }));
    const onStarted = (event: Event) => {
      const detail = (event as CustomEvent<Started | undefined>).detail;
      if (detail?.contentScriptName === contentScriptName && detail.messageId !== this.id) this.notifyInvalidated();
    };
    document.addEventListener(started, onStarted);
    this.onInvalidated(() => document.removeEventListener(started, onStarted));
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** False once the extension is gone (reloaded, updated, removed) or a newer copy took over. */
  get isValid(): boolean {
    if (extensionId() == null) this.notifyInvalidated();
    return !this.signal.aborted;
  }

  /** Run `callback` when the context ends; returns a function that cancels that. */
  onInvalidated(callback: () => void): () => void {
    this.signal.addEventListener('abort', callback);
    return () => this.signal.removeEventListener('abort', callback);
  }

  /** `setTimeout` that does not run once the context ended. */
  setTimeout(handler: () => void, timeout?: number): number {
    const id = window.setTimeout(() => {
      if (this.isValid) handler();
    }, timeout);
    this.onInvalidated(() => clearTimeout(id));
    return id;
  }

  /** `addEventListener` removed when the context ends; `wxt:locationchange` fires when the URL changes. */
  addEventListener(target: EventTarget, type: string, handler: Listener, options?: AddEventListenerOptions): void {
    if (type === 'wxt:locationchange' && this.isValid) this.watchLocation();
    const name = type.startsWith('wxt:') ? eventName(this.contentScriptName, type) : type;
    target.addEventListener(name, handler, { ...options, signal: this.signal });
  }

  /** End the context: every timer and listener made through it stops. */
  notifyInvalidated(): void {
    this.controller.abort('Content script context invalidated');
  }

  private watchLocation(): void {
    if (this.watchingLocation) return;
    this.watchingLocation = true;
    const changed = eventName(this.contentScriptName, 'wxt:locationchange');
    let last = location.href;
    const check = (href: string) => {
      if (href === last) return;
      last = href;
      window.dispatchEvent(new Event(changed));
    };
    const navigation = (globalThis as { navigation?: EventTarget }).navigation;
    if (typeof navigation?.addEventListener === 'function') {
      navigation.addEventListener('navigate', (event) => check((event as Event & { destination: { url: string } }).destination.url), {
        signal: this.signal,
      });
    } else {
      const timer = window.setInterval(() => check(location.href), LOCATION_POLL_MS);
      this.onInvalidated(() => clearInterval(timer));
    }
  }
}
