/**
 * The Overview's budgets (issue 17): a year of history (10,000 people and 100,000 entries, or
 * 50,000 and 505,000 with `--scale 50k`) in a real IndexedDB of a disk-backed profile, as users
 * have it (an in-memory one counts 100,000 entries 25 times faster). The year's overview, kept
 * current and after a worker restart, each against one count of the year's entries in the same run.
 */
import { openBenchPage, serveBlankPage, withDiskProfile } from './browser.mjs';
import { bundleForPage } from './bundle.mjs';
import { ratioRow, valueRow } from './report.mjs';

/** @typedef {import('./report.mjs').Row} Row */
/** @typedef {import('./overview-in-page').overviewBench} Scenarios */

/** People and entries per scale. */
const SCALES = /** @type {Record<'10k' | '50k', [number, number]>} */ ({ '10k': [10_000, 100_000], '50k': [50_000, 505_000] });
const ROUNDS = 9;
/** Issue 17's goal for the year's overview at 50k people, 505k entries. */
const GOAL_MS = 200;

/**
 * Call one scenario of the injected bundle.
 * @template {keyof Scenarios} K
 * @param {import('playwright-core').Page} page @param {K} name @param {Parameters<Scenarios[K]>} args
 * @returns {Promise<Awaited<ReturnType<Scenarios[K]>>>}
 */
function scenario(page, name, ...args) {
  return page.evaluate(([n, a]) => /** @type {any} */ (globalThis).tendOverviewBench[n](...a), /** @type {[string, unknown[]]} */ ([name, args]));
}

/** @param {number} ms */
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/**
 * The Overview rows at a scale ('10k' or '50k').
 * @param {keyof typeof SCALES} scale
 * @returns {Promise<Row[]>}
 */
export async function overviewRows(scale = '10k') {
  const [people, entries] = SCALES[scale];
  return withDiskProfile('overview', { extension: false }, async (context) => {
    await serveBlankPage(context);
    const page = await openBenchPage(context, await bundleForPage(new URL('./overview-in-page.ts', import.meta.url)));
    page.setDefaultTimeout(1_800_000);
    const setup = await scenario(page, 'setup', people, entries);
    const first = await scenario(page, 'firstBuild');
    const warm = await scenario(page, 'warm', ROUNDS);
    const restart = await scenario(page, 'afterRestart', ROUNDS);
    const corpus = `${people.toLocaleString('en')} people, ${entries.toLocaleString('en')} entries (${setup.inYear.toLocaleString('en')} in the year)`;
    const context$ = `written in ${seconds(setup.writeMs)}; the first overview, which reads every entry and person (as every overview did before the aggregate), took ${seconds(first.buildMs)}`;
    return [
      ratioRow(
        `overview: one year, kept current / one count of the year's entries (by-at index), ${corpus}, disk`,
        'ms',
        warm,
        1,
        `${warm.samples} pairs; ${context$}`,
      ),
      ratioRow(
        `overview: one year, first after a worker restart (saved aggregate + roster) / one count of the year's entries, ${corpus}, disk`,
        'ms',
        restart,
        3,
        `${restart.samples} restarts`,
      ),
      ...(scale === '50k' ? [valueRow(`overview: one year, kept current, ${corpus} (issue 17 goal)`, warm.subjectMs, 'ms', GOAL_MS)] : []),
    ];
  });
}
