/**
 * The search budgets of issues 4 and 17 as rows for `npm run bench`, on a disk-backed profile with
 * the built extension loaded (an in-memory IndexedDB flatters every read): 10k people and 100k
 * notes (`--scale 50k`: 50k and 505k, `--scale 100k`: 100k and 1.01M, by hand). What users get comes from the extension itself:
 * the side panel's request per keystroke answered by the service worker, the first keystroke after
 * a pause, the worker's heap with the index loaded. Beside them, in a plain page of the same
 * profile: the index query against MiniSearch, a person's card data against Dexie 4, and the
 * first search after a restart against a full rebuild, each pair timed alternately in one tab.
 */
import { bundleForPage } from './bundle.mjs';
import { openBenchPage, serveBlankPage, withDiskProfile } from './browser.mjs';
import { ratioRow, valueRow } from './report.mjs';
import { workerHeap } from './search-worker-heap.mjs';
import { watchWorker } from './worker-watch.mjs';

/** @typedef {import('./report.mjs').Row} Row */
/** @typedef {import('./search-in-page').SearchBenchScenarios} Scenarios */
/** @typedef {import('./search-in-extension').searchInExtension} ExtensionScenarios */

/** People and notes per scale. */
const SCALES = /** @type {Record<'10k' | '50k' | '100k', [number, number]>} */ ({
  '10k': [10_000, 100_000],
  '50k': [50_000, 505_000],
  // Issue 17: "Search keystrokes at 100k people ... p95 <= 50 ms at 100k" (by hand).
  '100k': [100_000, 1_010_000],
});
/** Rounds over the keystrokes through the extension. */
const KEYSTROKE_ROUNDS = 5;
/** Pauses before a keystroke (issue 17: "the first keystroke after a 2 s pause"). */
const PAUSES = 9;
const PAUSE_MS = 2000;
/** Issue 17's goals: a keystroke after a pause and the 95th percentile keystroke; the heap at 50k people, 505k entries. */
const KEYSTROKE_GOAL_MS = 50;
/** Keystrokes as fast as answers come for this long, before and while the worker saves its index (issue 17). */
const SAVE_WINDOW_MS = 6_000;
/** Rounds of the two windows: the median round is the row (one window's longest keystroke is noisy). */
const SAVE_ROUNDS = 3;
const HEAP_GOAL_BYTES = 40 * 1024 * 1024;
const HEAP_GOAL_RECORDS = 555_000;

/**
 * Call one scenario of the injected page bundle.
 * @template {keyof Scenarios} K
 * @param {import('playwright-core').Page} page @param {K} name @param {Parameters<Scenarios[K]>} args
 * @returns {Promise<Awaited<ReturnType<Scenarios[K]>>>}
 */
function scenario(page, name, ...args) {
  return page.evaluate(([n, a]) => /** @type {any} */ (globalThis).tendSearchBench[n](...a), /** @type {[string, unknown[]]} */ ([name, args]));
}

/**
 * Call one scenario of the bundle injected into the extension's page.
 * @template {keyof ExtensionScenarios} K
 * @param {import('playwright-core').Page} page @param {K} name @param {Parameters<ExtensionScenarios[K]>} args
 * @returns {Promise<Awaited<ReturnType<ExtensionScenarios[K]>>>}
 */
function inExtension(page, name, ...args) {
  return page.evaluate(([n, a]) => /** @type {any} */ (globalThis).tendSearchInExtension[n](...a), /** @type {[string, unknown[]]} */ ([name, args]));
}

/** @param {number} ms */
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
/** @param {number} bytes */
const megabytes = (bytes) => bytes / 1024 / 1024;

/**
 * The rows measured through the extension: keystrokes as the side panel asks them, after pauses,
 * and the worker's heap with the index loaded.
 * @param {import('playwright-core').BrowserContext} context @param {number} people @param {number} notes
 * @returns {Promise<Row[]>}
 */
async function extensionRows(context, people, notes) {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const origin = `chrome-extension://${new URL(worker.url()).host}/`;
  const welcome = new URL('welcome.html', origin).href;
  // The welcome page a fresh profile opens asks the worker nothing once shown: the bench's page.
  const page = context.pages().find((open) => open.url() === welcome) ?? (await context.newPage());
  if (page.url() !== welcome) await page.goto(welcome);
  page.setDefaultTimeout(1_800_000);
  await page.evaluate(await bundleForPage(new URL('./search-in-extension.ts', import.meta.url)));
  const seeded = await inExtension(page, 'seed', people, notes);
  // A fresh worker: its first search reads what was written, as after a restore.
  const watch = await watchWorker(context, origin);
  try {
    await watch.stopIdle();
    await page.evaluate(() => /** @type {any} */ (globalThis).chrome.runtime.sendMessage({ type: 'getContacts', contactIds: [] }));
    const before = await workerHeap(context, page, origin);
    const first = await inExtension(page, 'firstSearch');
    const keys = await inExtension(page, 'keystrokes', KEYSTROKE_ROUNDS);
    const paused = await inExtension(page, 'afterPauses', PAUSES, PAUSE_MS);
    // Before the save rounds, which log 3,000 notes more than the corpus the budget is for.
    const withIndex = await workerHeap(context, page, origin);
    const saving = await inExtension(page, 'whileSaving', SAVE_WINDOW_MS, SAVE_ROUNDS);
    const corpus = `${people.toLocaleString('en')} people, ${notes.toLocaleString('en')} notes, disk`;
    const indexBytes = withIndex.usedBytes - before.usedBytes;
    const heapBudget = Number(megabytes((HEAP_GOAL_BYTES * (people + notes)) / HEAP_GOAL_RECORDS).toFixed(1));
    return [
      valueRow(
        `search: per keystroke through the extension (page asks, worker answers: index, records, highlights), ${corpus}, median`,
        keys.medianMs,
        'ms',
        10,
        `${keys.samples} keystrokes; longest ${keys.maxMs.toFixed(1)} ms; the first search after the worker started (reads every record) ${seconds(first.ms)}; corpus written in ${seconds(seeded.writeMs)}`,
      ),
      valueRow(
        `search: per keystroke through the extension, ${corpus}, 95th percentile (issue 17)`,
        keys.p95Ms,
        'ms',
        KEYSTROKE_GOAL_MS,
        `${keys.samples} keystrokes`,
      ),
      valueRow(
        `search: first keystroke after a ${PAUSE_MS / 1000} s pause, through the extension, ${corpus}, median of ${paused.samples} (issue 17)`,
        paused.medianMs,
        'ms',
        KEYSTROKE_GOAL_MS,
        `each ${paused.times.map((/** @type {number} */ ms) => ms.toFixed(1)).join(', ')} ms`,
      ),
      ratioRow(
        `search: longest keystroke through the extension while the worker saves its index (1,000 changes applied) / longest with nothing to save, ${corpus} (issue 17)`,
        'ms',
        saving,
        2,
        `median of ${SAVE_ROUNDS} rounds of two ${SAVE_WINDOW_MS / 1000} s windows, after 250 and then 750 notes logged through the worker (the search applying them is not in the windows); ` +
          saving.rounds
            .map(
              (/** @type {any} */ round) =>
                `${round.subjectMs.toFixed(1)} / ${round.baselineMs.toFixed(1)} ms (${round.samples.join(' and ')} keystrokes; the save ${round.saveMs} ms, the longest keystroke ${round.longest})`,
            )
            .join(', '),
      ),
      valueRow(
        `search: worker memory held by the search index (JS heap + array buffers after GC, with it loaded - before), ${corpus} (issue 17: 40 MB at 555k records, so ${heapBudget.toFixed(1)} MB here)`,
        megabytes(indexBytes),
        'MB',
        heapBudget,
        `worker ${megabytes(withIndex.usedBytes).toFixed(1)} MB with the index (JS heap ${megabytes(withIndex.heapBytes).toFixed(1)} MB, array buffers ${megabytes(withIndex.arrayBufferBytes).toFixed(1)} MB), ` +
          `${megabytes(before.usedBytes).toFixed(1)} MB before its first search`,
      ),
      ...(people === 50_000
        ? [
            valueRow(
              `search: worker memory (JS heap + array buffers) with the search index, ${corpus} (issue 17 goal)`,
              megabytes(withIndex.usedBytes),
              'MB',
              megabytes(HEAP_GOAL_BYTES),
            ),
          ]
        : []),
    ];
  } finally {
    await watch.close();
    await page.close();
  }
}

/**
 * The rows timed in a plain page of the same profile: the index query against MiniSearch, the
 * first search after a restart against a rebuild, a person by address with 50 entries against Dexie 4.
 * @param {import('playwright-core').BrowserContext} context @param {number} people @param {number} notes
 * @returns {Promise<Row[]>}
 */
async function pageRows(context, people, notes) {
  const page = await openBenchPage(context, await bundleForPage(new URL('./search-in-page.ts', import.meta.url)));
  page.setDefaultTimeout(1_800_000);
  try {
    const setup = await scenario(page, 'searchSetup', people, notes);
    const corpus = `${setup.people} people, ${setup.notes} notes, disk`;
    const keys = await scenario(page, 'searchKeystrokes');
    const whole = await scenario(page, 'searchEndToEnd');
    const cards = await scenario(page, 'timelineLookups');
    const restart = await scenario(page, 'restartLoad');
    return [
      ratioRow(
        `search: first search after a worker restart (saved index + ${restart.replayed} changes replayed) / full rebuild from the stores, ${corpus}`,
        'ms',
        restart,
        0.1,
        `${restart.samples} restarts each, alternating; the rebuild reads every person and entry`,
      ),
      ratioRow(
        'search: per keystroke, Tend index query / MiniSearch search, same corpus and words (aim <= 1)',
        'ms',
        keys,
        1,
        `${keys.samples} keystroke pairs; index build from IndexedDB ${seconds(setup.tendBuildMs)}, MiniSearch build from memory ${seconds(setup.miniBuildMs)}; ` +
          `the whole answer in this page, without messaging: median ${whole.medianMs.toFixed(2)} ms, p95 ${whole.p95Ms.toFixed(2)} ms`,
      ),
      valueRow(
        `search: person by address + 50 newest timeline entries (Tend repos), ${corpus}, median`,
        cards.subjectMs,
        'ms',
        5,
        `${cards.samples} lookups of 50 addresses, 10 of them people with long histories`,
      ),
      ratioRow(
        `search: person by address + 50 newest entries, Tend repos / Dexie 4, same database, disk (issue 17: <= 1.0)`,
        'ms',
        cards,
        1,
        `one read-only transaction on both sides; Dexie's result cache off (it cannot see idb's writes); with its default cache Dexie answers repeats in ${cards.dexieCachedMs.toFixed(3)} ms; ` +
          `listTimeline reading its 50 links with getAll({direction: 'prev'}) instead of a cursor would take ${cards.idb3Ms.toFixed(3)} ms (${cards.idb3Ratio.toFixed(2)} x Dexie)`,
      ),
    ];
  } finally {
    await page.close();
  }
}

/**
 * The search rows at a scale ('10k', '50k' or '100k'), in a browser of their own on a disk-backed profile.
 * @param {keyof typeof SCALES} scale
 * @returns {Promise<Row[]>}
 */
export async function searchRows(scale = '10k') {
  const [people, notes] = SCALES[scale];
  return withDiskProfile('search', {}, async (context) => {
    await serveBlankPage(context);
    return [...(await extensionRows(context, people, notes)), ...(await pageRows(context, people, notes))];
  });
}
