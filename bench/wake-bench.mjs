/**
 * Issue 17: pages of sites Tend does not read must not wake its service worker (each start costs
 * 50-60 ms of extension CPU). Counts the worker's starts over ten ordinary page views, with the
 * worker stopped first as Chrome stops it after 30 s idle. Budget: 0.
 */
import { extensionWorker, withDiskProfile } from './browser.mjs';
import { valueRow } from './report.mjs';
import { watchWorker } from './worker-watch.mjs';

/** @typedef {import('./report.mjs').Row} Row */

const VIEWS = 10;
const ORDINARY = 'https://news.tend.example/';

/** @returns {Promise<Row[]>} */
export async function wakeRows() {
  return withDiskProfile('wake', {}, async (context) => {
    // Ordinary pages, served here: an article with a link or two, as any site has.
    await context.route('**/*', (route) =>
      route.request().url().startsWith(ORDINARY)
        ? route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>News</title><p>Today <a href="/next">next</a></p>' })
        : route.abort('blockedbyclient'),
    );
    const worker = await extensionWorker(context);
    const page = await context.newPage();
    // The welcome page opened on install is Tend's own and asks the worker: closed before counting.
    const welcomeUrl = new URL('welcome.html', worker.url()).href;
    const welcome = await context.waitForEvent('page', { predicate: (p) => p.url() === welcomeUrl, timeout: 10_000 }).catch(() => undefined);
    await (welcome ?? context.pages().find((p) => p.url() === welcomeUrl))?.close();
    // Watched from a blank tab that never navigates (see worker-watch.mjs), not through the
    // navigating page's own CDP session, which lost events around its navigations.
    const watch = await watchWorker(context, worker.url().replace(/[^/]*$/, ''));
    await watch.stopIdle();
    for (let view = 1; view <= VIEWS; view++) await page.goto(`${ORDINARY}${view}`);
    await new Promise((done) => setTimeout(done, 1000));
    const starts = watch.starts();
    await watch.close();
    return [valueRow(`worker starts over ${VIEWS} page views of a site Tend does not read`, starts, 'starts', 0, 'worker stopped first, as after 30 s idle')];
  });
}
