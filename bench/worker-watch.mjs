/**
 * Watch an extension's service worker start and stop, from a tab that never navigates (issue 17).
 * A CDP session on a page that navigates loses ServiceWorker events around each navigation (the
 * bench's first watch did, and so missed or invented starts); a blank tab opened for the watch
 * and left alone keeps one session for the whole run. Shared by the bench and the e2e test.
 */

/** @typedef {{ versionId: string, scriptURL: string, runningStatus: string }} Version */

/**
 * Open a blank watching tab in `context` and follow the running status of every worker version
 * whose script is under `origin` (e.g. `chrome-extension://<id>/`).
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} origin
 */
export async function watchWorker(context, origin) {
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  /** @type {Map<string, string>} */
  const status = new Map();
  let starts = 0;
  /** @type {(() => boolean)[]} */
  let waiting = [];
  const settle = () => {
    const still = [];
    for (const check of waiting) if (!check()) still.push(check);
    waiting = still;
  };
  cdp.on('ServiceWorker.workerVersionUpdated', (/** @type {{ versions: Version[] }} */ event) => {
    for (const version of event.versions) {
      if (!version.scriptURL.startsWith(origin)) continue;
      const before = status.get(version.versionId) ?? 'stopped';
      status.set(version.versionId, version.runningStatus);
      // A start: a version that was stopped (or not yet seen) begins to run.
      if ((before === 'stopped' || before === 'stopping') && (version.runningStatus === 'starting' || version.runningStatus === 'running')) starts++;
    }
    settle();
  });
  /** Resolves once `check` holds (checked now and after every event). @param {() => boolean} check */
  const until = (check) => new Promise((done) => (check() ? done(undefined) : waiting.push(() => (check() ? (done(undefined), true) : false))));
  await cdp.send('ServiceWorker.enable');
  // Enabling reports every version as it is now: that first report is not a start.
  await until(() => status.size > 0);
  starts = 0;
  const allStopped = () => status.size > 0 && [...status.values()].every((s) => s === 'stopped');
  return {
    /** How many times the worker started since the watch began. */
    starts: () => starts,
    /**
     * Stop the worker as Chrome does after 30 s idle, and count starts from there. A worker
     * stopped in the middle of its start-up work starts again at once (measured: within 20 ms,
     * with no page open), which is not what an idle worker does: so it is stopped again until it
     * stays stopped for `quiet` ms (at most `tries` times).
     */
    async stopIdle(quiet = 3000, tries = 4) {
      for (let attempt = 1; attempt <= tries; attempt++) {
        await cdp.send('ServiceWorker.stopAllWorkers');
        await until(allStopped);
        const before = starts;
        await new Promise((done) => setTimeout(done, quiet));
        if (starts === before) {
          starts = 0;
          return;
        }
        await until(() => [...status.values()].some((s) => s === 'running'));
      }
      throw new Error(`the worker did not stay stopped for ${quiet} ms after ${tries} stops`);
    },
    async close() {
      await cdp.detach().catch(() => undefined);
      await tab.close();
    },
  };
}
