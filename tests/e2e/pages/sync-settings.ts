import type { Locator, Page, Worker } from 'playwright-core';
import type { VirtualDisplay } from '../virtual-display';

/** The part of the worker's `chrome` global these tests use. */
interface WorkerGlobals {
  chrome: { permissions: { contains(permissions: { origins: string[] }): Promise<boolean> } };
}

/** Page object for the options page's Sync section, in a headed browser (Chrome's permission prompt). */
export class SyncSettings {
  readonly section: Locator;

  private constructor(
    readonly page: Page,
    private readonly display: VirtualDisplay,
  ) {
    this.section = page.getByRole('region', { name: 'Sync', exact: true });
  }

  /** Open the options page at its Sync section. */
  static async open(page: Page, optionsUrl: string, display: VirtualDisplay): Promise<SyncSettings> {
    await page.goto(`${optionsUrl}#sync-heading`);
    const sync = new SyncSettings(page, display);
    await sync.section.waitFor();
    return sync;
  }

  /** Fill the form (a team to join, if any) and click "Turn on sync"; Chrome's prompt for the server's origin is answered as `answer`. */
  async turnOn(server: string, user: string, password: string, worker: Worker, answer: 'allow' | 'deny' = 'allow', team = ''): Promise<void> {
    await this.section.getByLabel('Server address').fill(server);
    await this.section.getByLabel('User name').fill(user);
    await this.section.getByLabel('Password').fill(password);
    await this.section.getByLabel('Team database (optional)').fill(team);
    await this.page.bringToFront();
    await this.section.getByRole('button', { name: 'Turn on sync' }).click();
    const origins = [`${new URL(server).origin}/*`];
    const granted = () => worker.evaluate((wanted) => (globalThis as unknown as WorkerGlobals).chrome.permissions.contains({ origins: wanted }), origins);
    // Chrome's prompt is browser UI Playwright cannot see, focused on Deny: Tab moves to Allow. On
    // a loaded machine it may appear late, so the keys wait a little and are pressed once more.
    if (answer === 'deny') {
      await this.page.waitForTimeout(1500);
      await this.display.keys('Escape');
      return;
    }
    for (let attempt = 0; attempt < 2 && !(await granted()); attempt++) {
      await this.page.waitForTimeout(1500);
      await this.display.keys('Tab', 'Return');
      for (let wait = 0; wait < 50 && !(await granted()); wait++) await this.page.waitForTimeout(100);
    }
    if (!(await granted())) throw new Error(`Chrome's prompt for ${origins[0]} was not answered`);
  }

  /** The state shown once sync is on ("Syncing with ... as ..."). */
  syncingWith(server: string, user: string): Locator {
    return this.section.getByText(`Syncing with ${server} as ${user}.`);
  }

  /** The line saying what waits for the server ("3 changes are waiting..." or "Every change here is on the server."). */
  pending(): Locator {
    return this.section.getByText(/waiting to be sent|Every change here is on the server/);
  }

  alert(): Locator {
    return this.section.getByRole('alert');
  }

  async syncNow(): Promise<void> {
    await this.section.getByRole('button', { name: 'Sync now' }).click();
  }
}
