import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Route, type Worker } from 'playwright-core';
import { BROWSER_ARGS } from '../../bench/browser.mjs';

/** The part of the worker's `chrome` global the tests use. */
interface WorkerGlobals {
  chrome: { tabs: { query(filter: object): Promise<{ id?: number; url?: string }[]> } };
}

/** Debian's Chromium unless TEND_CHROMIUM points elsewhere. */
export const chromiumPath = () => process.env.TEND_CHROMIUM ?? '/usr/bin/chromium';
// TEND_EXTENSION: test another build folder (e.g. a copy while a benchmark rebuilds .output).
const EXTENSION = resolve(process.env.TEND_EXTENSION ?? '.output/chrome-mv3');

/** A Gmail URL that the test server answers with tests/fixtures/gmail/<fixture>.html. */
export const gmailUrl = (fixture: string, hash = '#inbox') => `https://mail.google.com/mail/u/0/?tend-fixture=${fixture}${hash}`;

/** The fixture folder for each site Tend is tested on (by host, and path where two share one); `people.example` stands for any web page. */
const FIXTURE_SITES: [RegExp, string, RegExp?][] = [
  [/^mail\.google\.com$/, 'gmail'],
  [/^outlook\.(live|office|office365)\.com$/, 'outlook-calendar', /^\/calendar\//],
  [/^outlook\.(live|office|office365)\.com$/, 'outlook'],
  [/^calendar\.google\.com$/, 'google-calendar'],
  [/^github\.com$/, 'github'],
  [/^([a-z]{2,3}\.|www\.)?linkedin\.com$/, 'linkedin'],
  [/^people\.example$/, 'web'],
];

/** Answer `?tend-fixture=<name>` on a tested site with tests/fixtures/<site>/<name>.html. */
async function serveFixture(route: Route) {
  const url = new URL(route.request().url());
  const site = FIXTURE_SITES.find(([host, , path]) => host.test(url.hostname) && (!path || path.test(url.pathname)))?.[1];
  const fixture = url.searchParams.get('tend-fixture');
  if (!site || !fixture || !/^[a-z0-9-]+$/.test(fixture)) return route.abort('blockedbyclient');
  const body = readFileSync(resolve('tests/fixtures', site, `${fixture}.html`), 'utf8');
  return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
}

/** The id Chrome gives an unpacked extension: SHA-256 of its absolute path, hex digits 0-f as a-p. */
export function unpackedExtensionId(path: string): string {
  const hex = createHash('sha256').update(path).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

/** Chromium with the built extension loaded, Gmail served from fixtures, nothing else reachable. */
export class Tend {
  private constructor(
    readonly context: BrowserContext,
    readonly extensionId: string,
  ) {}

  /**
   * Launch Chromium; pass a profile folder to keep data across launches (a browser restart), or
   * an X display to run headed (native context menus).
   */
  static async launch(profile = '', display?: string, { windowSized = false } = {}): Promise<Tend> {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath(),
      headless: display === undefined,
      // windowSized: pages take the size of the window a person resizes (the demo), not a fixed one.
      ...(windowSized && { viewport: null }),
      ...(display && { env: { ...process.env, DISPLAY: display } }),
      args: [
        // Lets CDP's Extensions.triggerAction click the toolbar button, which grants activeTab.
        '--enable-unsafe-extension-debugging',
        `--disable-extensions-except=${EXTENSION}`,
        `--load-extension=${EXTENSION}`,
        ...BROWSER_ARGS,
      ],
    });
    // Nothing leaves the machine: every request not answered by a fixture is refused.
    await context.route((url) => url.protocol === 'http:' || url.protocol === 'https:', serveFixture);
    const tend = new Tend(context, unpackedExtensionId(EXTENSION));
    await tend.worker();
    return tend;
  }

  /** The extension's service worker as it runs now (a stopped worker comes back as a new one). */
  async worker(): Promise<Worker> {
    const ours = (w: Worker) => w.url().startsWith(`chrome-extension://${this.extensionId}/`);
    const running = this.context.serviceWorkers().find(ours);
    if (running) return running;
    const started = this.context.waitForEvent('serviceworker', { predicate: ours, timeout: 30_000 });
    // A stopped (or not yet started) worker wakes for any extension page that asks it something.
    const waker = await this.context.newPage();
    await waker.goto(this.url('options'));
    const worker = await started;
    await waker.close();
    return worker;
  }

  /** How many people the database holds (counted in the worker). */
  async contactCount(): Promise<number> {
    return (await this.worker()).evaluate(
      () =>
        new Promise<number>((resolve) => {
          const open = indexedDB.open('tend');
          open.onsuccess = () => {
            const count = open.result.transaction('contacts').objectStore('contacts').count();
            count.onsuccess = () => resolve(count.result);
          };
        }),
    );
  }

  url(page: 'sidepanel' | 'popup' | 'options' | 'welcome', query = ''): string {
    return `chrome-extension://${this.extensionId}/${page}.html${query}`;
  }

  async openGmail(fixture: string, hash?: string): Promise<Page> {
    return this.open(gmailUrl(fixture, hash));
  }

  /** Answer one URL with a file of this project (sample pages outside tests/fixtures, e.g. the demo's). */
  async serve(url: string, file: string): Promise<void> {
    // Registered after the fixture route, so it is asked first for this URL.
    await this.context.route(url, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: readFileSync(resolve(file), 'utf8') }),
    );
  }

  /**
   * Let requests to one origin (a test's sync server) past the fixture route, which refuses all
   * else; while `down` is set they fail as they do when that server is stopped.
   */
  async letThrough(origin: string): Promise<{ down: boolean }> {
    const server = { down: false };
    await this.context.route(
      (url) => url.origin === origin,
      (route) => (server.down ? route.abort('connectionrefused') : route.continue()),
    );
    return server;
  }

  /** Open a page in a new tab (fixture pages carry `?tend-fixture=<name>`). */
  async open(url: string): Promise<Page> {
    const page = await this.context.newPage();
    await page.goto(url);
    return page;
  }

  /** The browser's id for a page's tab (asked of the extension, which sees Gmail tabs' URLs). */
  async tabIdOf(page: Page): Promise<number> {
    // Tend sees the URLs of the sites it reads; any other tab is found as the active one.
    const worker = await this.worker();
    let id = await worker.evaluate(async (url) => {
      const tabs = await (globalThis as unknown as WorkerGlobals).chrome.tabs.query({});
      return tabs.find((tab) => tab.url === url)?.id;
    }, page.url());
    if (id === undefined) {
      // Chrome may still count the previous tab as active for a moment after bringToFront (on a
      // loaded machine, long enough to pick the side panel's tab): the answer is taken once the
      // page is visible, the active tab's URL is hidden from Tend as this page's is, and two reads
      // 100 ms apart agree.
      await page.bringToFront();
      await page.waitForFunction(() => document.visibilityState === 'visible');
      const activeUnreadable = () =>
        worker.evaluate(async () => {
          const [tab] = await (globalThis as unknown as WorkerGlobals).chrome.tabs.query({ active: true, lastFocusedWindow: true });
          return tab && tab.url === undefined ? tab.id : undefined;
        });
      const deadline = Date.now() + 10_000;
      let previous: number | undefined;
      for (;;) {
        const current = await activeUnreadable();
        if (current !== undefined && current === previous) break;
        if (Date.now() > deadline) throw new Error(`no active tab found for ${page.url()}`);
        previous = current;
        await page.bringToFront();
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      id = previous;
    }
    if (id === undefined) throw new Error(`no tab found for ${page.url()}`);
    this.tabIds.set(page, id);
    return id;
  }

  /** The tab ids tabIdOf found, so a later click can wait for its tab to be the active one. */
  private readonly tabIds = new WeakMap<Page, number>();

  /**
   * Stop the extension's service worker as Chrome does after 30 s idle, and resolve once Chrome
   * reports it stopped. Returns a function that resolves when it next runs again.
   */
  async stopServiceWorker(anyPage: Page): Promise<{ runningAgain: () => Promise<void> }> {
    const cdp = await this.context.newCDPSession(anyPage);
    const status = (wanted: string) =>
      new Promise<void>((resolve) => {
        const listener = (event: { versions: { scriptURL: string; runningStatus: string }[] }) => {
          const ours = event.versions.filter((v) => v.scriptURL.includes(this.extensionId));
          if (ours.length > 0 && ours.every((v) => v.runningStatus === wanted)) {
            cdp.off('ServiceWorker.workerVersionUpdated', listener);
            resolve();
          }
        };
        cdp.on('ServiceWorker.workerVersionUpdated', listener);
      });
    const stopped = status('stopped');
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await stopped;
    const running = status('running');
    return { runningAgain: () => running };
  }

  /**
   * Click Tend's toolbar button on a page's tab, as a user does: Chrome opens the popup and grants
   * activeTab for that tab (CDP Extensions.triggerAction; needs --enable-unsafe-extension-debugging).
   */
  async clickToolbarButton(page: Page): Promise<void> {
    // The popup reads the active tab of its window: on a loaded machine Chrome may not yet count
    // a page just brought to the front as active, and the click would read the previous tab.
    await page.bringToFront();
    const tabId = this.tabIds.get(page);
    if (tabId !== undefined) {
      const worker = await this.worker();
      const activeId = () =>
        worker.evaluate(async () => {
          const [tab] = await (globalThis as unknown as WorkerGlobals).chrome.tabs.query({ active: true, lastFocusedWindow: true });
          return tab?.id;
        });
      const deadline = Date.now() + 10_000;
      while ((await activeId()) !== tabId) {
        if (Date.now() > deadline) throw new Error(`tab ${tabId} did not become the active tab`);
        await page.bringToFront();
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    const browser = this.context.browser();
    if (!browser) throw new Error('no browser for a CDP session');
    const cdp = await browser.newBrowserCDPSession();
    const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
    const tab = targetInfos.find((target) => target.url === page.url());
    if (!tab) throw new Error(`no tab target for ${page.url()}`);
    await cdp.send('Extensions.triggerAction', { id: this.extensionId, targetId: tab.targetId });
    await cdp.detach();
  }

  close(): Promise<void> {
    return this.context.close();
  }
}
