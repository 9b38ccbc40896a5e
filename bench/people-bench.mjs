/**
 * The People view's budgets (issue 14): 10,000 people in the built extension's side panel (a
 * disk-backed profile, as users have), first paint and scrolling, each against the same rows
 * rendered as plain text in the same page and run.
 */
import { extensionWorker, refuseWebRequests, withDiskProfile } from './browser.mjs';
import { bundleForPage } from './bundle.mjs';
import { ratioRow, valueRow } from './report.mjs';

/** @typedef {import('./report.mjs').Row} Row */
/** @typedef {import('./people-in-page').peopleBench} Scenarios */

const PEOPLE = 10_000;
const PAINT_RUNS = 7;
/** A fast wheel: 600 px a frame (about 11 rows), 300 frames. */
const SCROLL_FRAMES = 300;
const SCROLL_STEP = 600;
/** The first open after a worker stop (issue 14): a second at most, where the whole answer took 2.6-3.0 s. */
const COLD_OPEN_BUDGET_MS = 1000;

/**
 * Call one scenario of the injected bundle.
 * @template {keyof Scenarios} K
 * @param {import('playwright-core').Page} page @param {K} name @param {Parameters<Scenarios[K]>} args
 * @returns {Promise<Awaited<ReturnType<Scenarios[K]>>>}
 */
function scenario(page, name, ...args) {
  return page.evaluate(([n, a]) => /** @type {any} */ (globalThis).tendPeopleBench[n](...a), /** @type {[string, unknown[]]} */ ([name, args]));
}

/**
 * A fresh profile installs Tend, which opens its welcome page in a tab of its own. In headless
 * Chromium only the tab shown last gets frames: the bench's page, though "visible", then ran its
 * requestAnimationFrame at 1 Hz (measured: every scroll frame took ~1 s, the view's and the plain
 * text's alike). Close the welcome tab and bring the bench's page to the front.
 * @param {import('playwright-core').BrowserContext} context @param {import('playwright-core').Page} page @param {string} welcomeUrl
 */
export async function keepFrames(context, page, welcomeUrl) {
  const isWelcome = (/** @type {import('playwright-core').Page} */ other) => other.url() === welcomeUrl;
  const welcome = context.pages().find(isWelcome) ?? (await context.waitForEvent('page', { predicate: isWelcome, timeout: 10_000 }).catch(() => undefined));
  await welcome?.close();
  await page.bringToFront();
}

/** @param {number} ms */
const ms = (ms) => `${ms.toFixed(1)} ms`;

/** Opens of the view right after a worker stop; the row is their median. */
const COLD_RUNS = 5;

/**
 * Stop Tend's service worker as Chrome does after 30 s idle (CDP), and resolve once it is stopped.
 * @param {import('playwright-core').BrowserContext} context @param {import('playwright-core').Page} page @param {string} extensionId
 */
async function stopWorker(context, page, extensionId) {
  const cdp = await context.newCDPSession(page);
  const stopped = new Promise((resolve) => {
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      const ours = versions.filter((version) => version.scriptURL.includes(extensionId));
      if (ours.length > 0 && ours.every((version) => version.runningStatus === 'stopped')) resolve(undefined);
    });
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
  await cdp.detach();
}

/**
 * The view opened after the worker stopped (its roster and caches gone): click to the first frame
 * with rows, median of COLD_RUNS, each after a stop.
 * @param {import('playwright-core').BrowserContext} context @param {import('playwright-core').Page} page @param {string} extensionId
 */
async function coldOpens(context, page, extensionId) {
  const runs = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    await scenario(page, 'leaveView');
    await stopWorker(context, page, extensionId);
    runs.push(await scenario(page, 'openViewCold'));
  }
  const times = runs.map((run) => run.ms).sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)] ?? NaN, times, people: runs[0]?.people ?? 0 };
}

/**
 * The People view rows: first paint (ratio to plain text, budget 1.0) and scrolling (p95 frame
 * time, ratio to plain text, budget 1.5).
 * @returns {Promise<Row[]>}
 */
export async function peopleRows() {
  return withDiskProfile('people', { viewport: { width: 360, height: 640 } }, async (context) => {
    await refuseWebRequests(context);
    const worker = await extensionWorker(context);
    const page = await context.newPage();
    page.setDefaultTimeout(600_000);
    await page.goto(new URL('sidepanel.html', worker.url()).href);
    await keepFrames(context, page, new URL('welcome.html', worker.url()).href);
    const bundle = await bundleForPage(new URL('./people-in-page.ts', import.meta.url));
    await page.evaluate(bundle);
    const { seedMs } = await scenario(page, 'seed', PEOPLE);
    await page.reload();
    await page.evaluate(bundle);
    await page.bringToFront();
    const idleFrameMs = await scenario(page, 'idleFrameMs');
    // A throttled page would time its frames, not the view: refuse to report such numbers.
    if (idleFrameMs > 40) throw new Error(`bench people: the page gets a frame every ${ms(idleFrameMs)} at rest (throttled?)`);
    const paint = await scenario(page, 'firstPaint', PAINT_RUNS);
    const scroll = await scenario(page, 'scrolling', SCROLL_FRAMES, SCROLL_STEP);
    const cold = await coldOpens(context, page, new URL(worker.url()).host);
    const corpus = `${paint.people.toLocaleString('en')} people`;
    const wrong = paint.people !== PEOPLE ? `listed ${paint.people} of ${PEOPLE}` : undefined;
    return [
      ratioRow(
        `people view: first paint, ${corpus} (virtual list / the same rows as plain text)`,
        'ms',
        { subjectMs: paint.viewMs, baselineMs: paint.textMs, ratio: paint.viewMs / paint.textMs, ...(wrong && { wrong }) },
        1,
        `median of ${PAINT_RUNS} each, alternating; ${paint.shownRows} rows in the DOM; first open after seeding (builds the worker's roster) ${ms(paint.coldMs)}; ` +
          `listPeople answer ${(paint.answerBytes / 1024).toFixed(0)} KB of rows, ${ms(paint.requestMs)} a request; seeded in ${(seedMs / 1000).toFixed(1)} s`,
      ),
      ratioRow(
        `people view: scrolling ${SCROLL_FRAMES} frames of ${SCROLL_STEP} px, p95 frame time (virtual list / plain text)`,
        'ms',
        { subjectMs: scroll.view.p95, baselineMs: scroll.text.p95, ratio: scroll.view.p95 / scroll.text.p95 },
        1.5,
        `longest frame ${ms(scroll.view.max)} (plain text ${ms(scroll.text.max)}); frames over 50 ms: ${scroll.view.over50} (plain text ${scroll.text.over50}); at most ${scroll.maxRowsInDom} rows in the DOM`,
      ),
      valueRow(
        `people view: first rows after the worker stopped, ${corpus} (click to the first frame with rows, median of ${COLD_RUNS})`,
        cold.people === PEOPLE ? cold.ms : null,
        'ms',
        COLD_OPEN_BUDGET_MS,
        cold.people === PEOPLE ? `runs ${cold.times.map((time) => time.toFixed(0)).join(', ')} ms` : `the list said ${cold.people} of ${PEOPLE} people`,
      ),
    ];
  });
}
