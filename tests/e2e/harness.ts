import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Route, type Worker } from 'playwright-core';

/** The part of the worker's `chrome` global the tests use. */
interface WorkerGlobals {
  chrome: { tabs: { query(filter: object): Promise<{ id?: number; url?: string }[]> } };
}

/** Debian's Chromium unless TEND_CHROMIUM points elsewhere. */
export const chromiumPath = () => process.env.TEND_CHROMIUM ?? '/usr/bin/chromium';
const EXTENSION = resolve('.output/chrome-mv3');

/** A Gmail URL that the test server answers with tests/fixtures/gmail/<fixture>.html. */
export const gmailUrl = (fixture: string, hash = '#inbox') => `https://mail.google.com/mail/u/0/?tend-fixture=${fixture}${hash}`;

async function serveGmailFixture(route: Route) {
  const fixture = new URL(route.request().url()).searchParams.get('tend-fixture');
  if (!fixture || !/^[a-z0-9-]+$/.test(fixture)) return route.fulfill({ status: 404, body: 'no such fixture' });
  const body = readFileSync(resolve('tests/fixtures/gmail', `${fixture}.html`), 'utf8');
  return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
}

/** Chromium with the built extension loaded, Gmail served from fixtures, nothing else reachable. */
export class Tend {
  private constructor(
    readonly context: BrowserContext,
    readonly extensionId: string,
  ) {}

  static async launch(): Promise<Tend> {
    const context = await chromium.launchPersistentContext('', {
      executablePath: chromiumPath(),
      headless: true,
      args: [
        `--disable-extensions-except=${EXTENSION}`,
        `--load-extension=${EXTENSION}`,
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    // Nothing leaves the machine: every request not answered by a fixture is refused.
    await context.route((url) => url.protocol === 'http:' || url.protocol === 'https:', (route) => route.abort('blockedbyclient'));
    await context.route('https://mail.google.com/**', serveGmailFixture);
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    return new Tend(context, new URL(worker.url()).host);
  }

  /** The extension's service worker as it runs now (a stopped worker comes back as a new one). */
  async worker(): Promise<Worker> {
    const running = this.context.serviceWorkers().find((w) => w.url().includes(this.extensionId));
    return running ?? this.context.waitForEvent('serviceworker');
  }

  url(page: 'sidepanel' | 'popup' | 'options', query = ''): string {
    return `chrome-extension://${this.extensionId}/${page}.html${query}`;
  }

  async openGmail(fixture: string, hash?: string): Promise<Page> {
    const page = await this.context.newPage();
    await page.goto(gmailUrl(fixture, hash));
    return page;
  }

  /** The browser's id for a page's tab (asked of the extension, which sees Gmail tabs' URLs). */
  async tabIdOf(page: Page): Promise<number> {
    const worker = await this.worker();
    const id = await worker.evaluate(async (url) => {
      const tabs = await (globalThis as unknown as WorkerGlobals).chrome.tabs.query({});
      return tabs.find((tab) => tab.url === url)?.id;
    }, page.url());
    if (id === undefined) throw new Error(`no tab found for ${page.url()}`);
    return id;
  }

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

  close(): Promise<void> {
    return this.context.close();
  }
}
