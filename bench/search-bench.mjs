/**
 * The search budgets of issue 4, as rows for `npm run bench`: 10k people and 100k notes in a
 * real IndexedDB of headless Chromium; per-keystroke search against MiniSearch and a person's
 * card data against Dexie 4, each pair timed alternately in the same tab.
 */
import { bundleForPage } from './bundle.mjs';
import { openBenchPage } from './browser.mjs';
import { ratioRow, valueRow } from './report.mjs';

/** @typedef {import('./report.mjs').Row} Row */
/** @typedef {import('./search-in-page').SearchBenchScenarios} Scenarios */

const bundleSearchBench = () => bundleForPage(new URL('./search-in-page.ts', import.meta.url));

/**
 * Call one scenario of the injected search bundle.
 * @template {keyof Scenarios} K
 * @param {import('playwright-core').Page} page @param {K} name
 * @returns {Promise<Awaited<ReturnType<Scenarios[K]>>>}
 */
function scenario(page, name) {
  return page.evaluate((scenarioName) => /** @type {any} */ (globalThis).tendSearchBench[scenarioName](), name);
}

/** @param {number} ms */
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/**
 * The search rows: Tend's whole per-keystroke answer (budget 10 ms), its index query against
 * MiniSearch (ratio, aim <= 1), a person by address with 50 entries (budget 5 ms) and the same
 * against Dexie 4 (ratio).
 * @param {import('playwright-core').BrowserContext} context
 * @returns {Promise<Row[]>}
 */
export async function searchRows(context) {
  const page = await openBenchPage(context, await bundleSearchBench());
  page.setDefaultTimeout(600_000);
  try {
    const setup = await scenario(page, 'searchSetup');
    const corpus = `${setup.people} people, ${setup.notes} notes`;
    const keys = await scenario(page, 'searchKeystrokes');
    const whole = await scenario(page, 'searchEndToEnd');
    const cards = await scenario(page, 'timelineLookups');
    const restart = await scenario(page, 'restartLoad');
    return [
      valueRow(
        `search: per keystroke, Tend's whole answer (index, records read back, highlights), ${corpus}, median`,
        whole.medianMs,
        'ms',
        10,
        `${whole.samples} keystrokes timed; p95 ${whole.p95Ms.toFixed(2)} ms`,
      ),
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
        `${keys.samples} keystroke pairs; index build from IndexedDB ${seconds(setup.tendBuildMs)}, MiniSearch build from memory ${seconds(setup.miniBuildMs)}; corpus written in ${seconds(setup.writeMs)}`,
      ),
      valueRow(
        'search: person by address + 50 newest timeline entries (Tend repos), median',
        cards.subjectMs,
        'ms',
        5,
        `${cards.samples} lookups of 50 addresses, 10 of them people with long histories (5,000 entries each for five)`,
      ),
      ratioRow(
        'search: person by address + 50 newest entries, Tend repos / Dexie 4, same database',
        'ms',
        cards,
        1.5,
        `one read-only transaction on both sides; Dexie's result cache off (it cannot see idb's writes); with its default cache Dexie answers repeats in ${cards.dexieCachedMs.toFixed(3)} ms; ` +
          `listTimeline reading its 50 links with getAll({direction: 'prev'}) instead of a cursor would take ${cards.idb3Ms.toFixed(3)} ms (${cards.idb3Ratio.toFixed(2)} x Dexie)`,
      ),
    ];
  } finally {
    await page.close();
  }
}
