import { expect } from 'vitest';
import type { CouchServer, CouchUser } from '../../support/couch-server';
import { Tend } from '../harness';
import type { VirtualDisplay } from '../virtual-display';
import { askBackground } from './ask';
import { PeopleView } from './people-view';
import { SidePanel } from './side-panel';
import { SyncSettings } from './sync-settings';

/**
 * One of a user's devices for the sync tests: a headed Tend (Chrome's permission prompt needs a
 * window) whose requests to the test server get through, with every web request its extension
 * contexts make recorded. Set PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS=1 before launching,
 * so that the worker's requests are seen and routed too.
 */
export class SyncDevice {
  /** Every http(s) URL an extension page or the worker asked for, in order. */
  readonly requests: string[] = [];

  private constructor(
    readonly tend: Tend,
    readonly settings: SyncSettings,
    /** Set `down` to refuse the server's connections, as a stopped server does. */
    readonly link: { down: boolean },
  ) {}

  static async launch(display: VirtualDisplay, server: CouchServer): Promise<SyncDevice> {
    const tend = await Tend.launch('', display.display);
    const link = await tend.letThrough(server.url);
    const device = new SyncDevice(tend, await SyncSettings.open(await tend.context.newPage(), tend.url('options'), display), link);
    tend.context.on('request', (request) => {
      const from = request.serviceWorker()?.url() ?? (request.frame()?.url() || '');
      if (/^https?:/.test(request.url()) && from.startsWith('chrome-extension://')) device.requests.push(request.url());
    });
    return device;
  }

  /** Turn sync on in the options page as the user does (allowing Chrome's prompt), joining `team` if given; waits until it says so. */
  async turnOn(server: CouchServer, user: CouchUser = server.user, team = ''): Promise<void> {
    await this.settings.turnOn(server.url, user.name, user.password, await this.tend.worker(), 'allow', team);
    await this.settings.syncingWith(server.url, user.name).waitFor();
  }

  /**
   * Click "Sync now" and wait until a pass that started after the click completed with nothing left
   * to send (`timeout`: how long to wait, for passes of hundreds of records). A click during a pass
   * queues another: the one running may end after the click but began before it, so the wait also
   * needs no pass running (the queued one follows the first without a gap).
   */
  async syncNow(timeout?: number): Promise<void> {
    const clickedAt = Date.now();
    await this.settings.syncNow();
    await expect
      .poll(
        async () => {
          const status = await askBackground(this.settings.page, { type: 'getSyncStatus' });
          return status.state !== 'syncing' && (status.lastSyncedAt ?? 0) >= clickedAt && status.pending === 0;
        },
        timeout === undefined ? undefined : { timeout },
      )
      .toBe(true);
    await this.settings.section.getByText('Every change here is on the server.').waitFor();
  }

  /** A person's card on this device, opened from the side panel's People view as a user does. */
  async openCard(name: string): Promise<SidePanel> {
    const panel = await SidePanel.open(await this.tend.context.newPage(), this.tend.url('sidepanel'));
    const people = new PeopleView(panel.page);
    await people.open();
    await people.list.getByRole('button', { name: new RegExp(name) }).click();
    await panel.card.getByRole('heading', { name, level: 2 }).waitFor();
    return panel;
  }

  close(): Promise<void> {
    return this.tend.close();
  }
}
