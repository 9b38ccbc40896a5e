/**
 * `npm run bench` (after `wxt build`): the speed and size budgets of issue 3, measured in
 * headless Chromium with the real recognisers. Writes `.bench/results.json`, prints a table,
 * and exits 1 when any budget fails.
 *
 * `node bench/run.mjs --only web` runs some groups of rows alone (gmail, prose, hostile, web =
 * prose and hostile, sizes, search, people, calendar, wake, sync, overview, transfers; comma-separated), prints them
 * and writes nothing. `--scale 50k` runs the overview, search and transfers rows at 50,000 people and 505,000 entries (by hand).
 * `--only search --scale 100k` runs search at 100,000 people and 1,010,000 entries (by hand).
 * `--only roundtrip` (never part of a full run: minutes at 10k, about an hour at `--scale 100k`)
 * restores, exports, deletes and restores a backup of every record, compared record for record.
 */
import { bundleForPage } from './bundle.mjs';
import { launchBrowser, openBenchPage } from './browser.mjs';
import { median } from './median.mjs';
import { printTable, ratioRow, valueRow, writeResults } from './report.mjs';
import { contentScriptSizes } from './sizes.mjs';
// Issues 4 and 17 (search): its rows come from search-bench.mjs, in a disk-backed browser with the extension.
import { searchRows } from './search-bench.mjs';
// Issue 14 (People view): 10,000 people in the built extension's side panel, its own browser.
import { peopleRows } from './people-bench.mjs';
import { calendarRows } from './calendar-bench.mjs'; // issue 16: a 200-guest event, with the recogniser rows
import { wakeRows } from './wake-bench.mjs'; // issue 17: no worker start on sites Tend does not read
import { syncRows } from './sync-bench.mjs'; // issue 18: initial sync and writes with sync on, against a local server
import { overviewRows } from './overview-bench.mjs'; // issue 17: the year's overview from its running aggregate
import { transferRows } from './transfers-bench.mjs'; // issue 17: restore, imports and export against bulk puts
import { roundTripRows } from './round-trip-bench.mjs'; // issue 17: a backup of any size back record for record (by hand)

/** @typedef {import('./report.mjs').Row} Row */
/** @typedef {import('./in-page').BenchScenarios} BenchScenarios */
/** @typedef {import('playwright-core').Page} Page */

/** Fresh tabs the prose row is measured in; the row is the median one. */
const PROSE_TABS = 5;
/** Sliced runs of each adversarial page, alternating between the two sizes. */
const ADVERSARIAL_RUNS = 9;
/** The two adversarial pages: about 1 MB and 5 MB of the same ~0.5 MB cycle. */
const SMALL_CYCLES = 2;
const LARGE_CYCLES = 10;

/** The in-page half as one script: TypeScript and the real recognisers, bundled. */
const bundleInPage = () => bundleForPage(new URL('./in-page.ts', import.meta.url));

/**
 * Call one scenario of the injected bundle.
 * @template {keyof BenchScenarios} K
 * @param {Page} page @param {K} name @param {Parameters<BenchScenarios[K]>} args
 * @returns {Promise<Awaited<ReturnType<BenchScenarios[K]>>>}
 */
function scenario(page, name, ...args) {
  return page.evaluate(
    ([scenarioName, scenarioArgs]) => /** @type {any} */ (globalThis).tendBench[scenarioName](...scenarioArgs),
    /** @type {[string, unknown[]]} */ ([name, args]),
  );
}

/** Row groups `--only` can pick. */
const GROUPS = ['gmail', 'prose', 'hostile', 'sizes', 'search', 'people', 'calendar', 'wake', 'sync', 'overview', 'transfers'];
/** Groups run only when named: checks of correctness at a size, not budgets of speed. */
const BY_HAND = ['roundtrip'];

/**
 * The groups to run: all, or those named after `--only` (`web` is prose and hostile).
 * @param {string[]} args
 */
function groupsToRun(args) {
  const at = args.indexOf('--only');
  if (at < 0) return new Set(GROUPS);
  const named = (args[at + 1] ?? '').split(',').flatMap((name) => (name === 'web' ? ['prose', 'hostile'] : [name]));
  const unknown = named.filter((name) => !GROUPS.includes(name) && !BY_HAND.includes(name));
  if (unknown.length || !named.length)
    throw new Error(`bench: --only takes ${[...GROUPS, ...BY_HAND, 'web'].join(', ')} (comma-separated); got ${args[at + 1]}`);
  return new Set(named);
}

/**
 * The data size of the storage rows that have one (`--scale 50k`, run by hand; 10k by default;
 * 100k for the round trip and search alone).
 * @param {string[]} args @param {Set<string>} groups
 * @returns {'10k' | '50k' | '100k'}
 */
function scaleOf(args, groups) {
  const at = args.indexOf('--scale');
  if (at < 0) return '10k';
  const scale = args[at + 1];
  if (scale === '100k' && [...groups].every((group) => group === 'roundtrip' || group === 'search')) return scale;
  if (scale !== '10k' && scale !== '50k') throw new Error(`bench: --scale takes 10k or 50k (100k with --only roundtrip or search); got ${scale}`);
  return scale;
}

/** @param {number} bytes */
const megabytes = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

/** Fresh tabs per side for the first-call row: one cold call is noisy, the median of several is not. */
const FIRST_CALL_TABS = 5;

/**
 * (a') The first Gmail scan in a fresh tab against the first query of the same elements in another
 * fresh tab (cold: no JIT, nothing cached), alternating, medians of FIRST_CALL_TABS each.
 * @param {import('playwright-core').BrowserContext} context @param {string} bundle
 * @returns {Promise<Row>}
 */
async function firstCallRow(context, bundle) {
  /** @type {{ scan: number[], query: number[] }} */
  const times = { scan: [], query: [] };
  for (let run = 0; run < FIRST_CALL_TABS; run++) {
    for (const which of /** @type {('scan' | 'query')[]} */ (run % 2 ? ['query', 'scan'] : ['scan', 'query'])) {
      const page = await openBenchPage(context, bundle);
      try {
        times[which].push(await scenario(page, 'gmailFirstCall', which));
      } finally {
        await page.close();
      }
    }
  }
  const [scan, query] = [median(times.scan), median(times.query)];
  return ratioRow(
    'gmail: first full scan in a fresh tab (find / one querySelectorAll, both cold)',
    'ms',
    { subjectMs: scan, baselineMs: query, ratio: scan / query },
    1.5,
    `median of ${FIRST_CALL_TABS} fresh tabs each`,
  );
}

/**
 * (a), (b), (c): pairs timed inside one tab each.
 * @param {import('playwright-core').BrowserContext} context @param {string} bundle @param {Set<string>} groups
 * @returns {Promise<Row[]>}
 */
async function pairRows(context, bundle, groups) {
  /** @type {Row[]} */
  const rows = [];
  /** @param {keyof BenchScenarios} name */
  const inFreshTab = async (name) => {
    const page = await openBenchPage(context, bundle);
    try {
      return /** @type {import('./in-page').PairResult} */ (await scenario(page, name));
    } finally {
      await page.close();
    }
  };
  if (groups.has('gmail')) {
    const full = await inFreshTab('gmailFullScan');
    rows.push(
      ratioRow(
        'gmail: full scan of a 50-message thread, page changed before each (find / one querySelectorAll)',
        'ms',
        full,
        1.5,
        `page ${megabytes(full.bytes)}`,
      ),
    );
    rows.push(await firstCallRow(context, bundle));
    const added = await inFreshTab('gmailAddedMessage');
    rows.push(
      ratioRow(
        'gmail: one message added (findInAdded / full find; ratio is a fraction, 0.05 = 5%)',
        'ms',
        added,
        0.05,
        Number.isFinite(added.ratio) ? `${(added.ratio * 100).toFixed(2)}% of a full scan` : undefined,
      ),
    );
  }
  if (!groups.has('prose')) return rows;
  // One tab's ratio moves by 0.1 on 2 cores (garbage collection, the other core's load): the row
  // is the tab with the median ratio of several, each a full side-by-side run of its own.
  /** @type {Awaited<ReturnType<BenchScenarios['proseScan']>>[]} */
  const tabs = [];
  for (let tab = 0; tab < PROSE_TABS; tab++) tabs.push(/** @type {any} */ (await inFreshTab('proseScan')));
  const wrong = tabs.find((tab) => tab.wrong || tab.missing);
  const ratios = tabs.map((tab) => tab.ratio).sort((a, b) => a - b);
  const prose = wrong ?? tabs.find((tab) => tab.ratio === ratios[Math.floor(PROSE_TABS / 2)]) ?? /** @type {typeof tabs[0]} */ (tabs[0]);
  rows.push(
    ratioRow(
      'web: 2 MB article, visible-text scan / TreeWalker text pass (median of 5 tabs)',
      'ms',
      prose,
      1.5,
      `page ${megabytes(prose.bytes)}; tab ratios ${ratios.map((ratio) => ratio.toFixed(2)).join(', ')}; ` +
        `whole webRecogniser.find on it: ${prose.findMs.toFixed(2)} ms, ${prose.findRatio.toFixed(2)} x the floor (no budget)`,
    ),
  );
  return rows;
}

/**
 * (d): the hostile page driven through findInSlices, 1 MB and 5 MB tabs alternating.
 * @param {import('playwright-core').BrowserContext} context @param {string} bundle
 * @returns {Promise<Row[]>}
 */
async function adversarialRows(context, bundle) {
  const longestName = 'web: 5 MB hostile page via findInSlices, longest task (median of runs)';
  const linearName = 'web: hostile page total work, 5 MB / 1 MB (budget 5 x 1.5)';
  const small = await openBenchPage(context, bundle);
  const large = await openBenchPage(context, bundle);
  try {
    const smallPage = await scenario(small, 'buildAdversarial', SMALL_CYCLES);
    const largePage = await scenario(large, 'buildAdversarial', LARGE_CYCLES);
    const wrong = largePage.wrong ?? smallPage.wrong;
    const problem = largePage.missing ?? smallPage.missing ?? (wrong && `wrong answer: ${wrong}`);
    if (problem) return [valueRow(longestName, null, 'ms', 50, problem), valueRow(linearName, null, 'x', 7.5, problem)];
    // Warm-up: the JIT sees both pages before anything counts.
    for (const page of [small, large, small, large]) await scenario(page, 'driveAdversarial');
    /** @type {Awaited<ReturnType<BenchScenarios['driveAdversarial']>>[]} */
    const smallRuns = [];
    /** @type {typeof smallRuns} */
    const largeRuns = [];
    for (let run = 0; run < ADVERSARIAL_RUNS; run++) {
      smallRuns.push(await scenario(small, 'driveAdversarial'));
      largeRuns.push(await scenario(large, 'driveAdversarial'));
    }
    const worst = Math.max(...largeRuns.map((r) => r.maxTaskMs), ...smallRuns.map((r) => r.maxTaskMs));
    const longTasks = largeRuns.reduce((sum, r) => sum + r.browserLongTasks, 0);
    const last = largeRuns.at(-1);
    const longest = valueRow(
      longestName,
      median(largeRuns.map((r) => r.maxTaskMs)),
      'ms',
      50,
      `page ${megabytes(largePage.bytes)}; ${last?.tasks} tasks, ${last?.slices} slices per run; worst task of all runs ${worst.toFixed(1)} ms; ` +
        `browser long tasks during ${ADVERSARIAL_RUNS} runs: ${longTasks}`,
    );
    const sizeRatio = largePage.bytes / smallPage.bytes;
    const ratio = median(largeRuns.map((r, i) => r.workMs / (smallRuns[i]?.workMs ?? NaN)));
    const linear = ratioRow(
      linearName,
      'ms',
      { subjectMs: median(largeRuns.map((r) => r.workMs)), baselineMs: median(smallRuns.map((r) => r.workMs)), ratio },
      7.5,
      `pages ${megabytes(largePage.bytes)} / ${megabytes(smallPage.bytes)} (x${sizeRatio.toFixed(2)}); per MB ${(ratio / sizeRatio).toFixed(2)} x the 1 MB page (budget 1.5)`,
    );
    return [longest, linear];
  } finally {
    await small.close();
    await large.close();
  }
}

/** (e): every built content script, gzipped. */
function sizeRows() {
  return contentScriptSizes().map(({ file, bytes, gzipBytes }) =>
    valueRow(`size: content-scripts/${file}, gzip -9 (8 KB = 8192 B)`, gzipBytes, 'B', 8 * 1024, `${bytes} B unzipped`),
  );
}

async function main() {
  const groups = groupsToRun(process.argv.slice(2));
  const scale = scaleOf(process.argv.slice(2), groups);
  const everything = groups.size === GROUPS.length;
  const bundle = await bundleInPage();
  const { browser, context } = await launchBrowser();
  /** @type {Row[]} */
  const rows = [];
  try {
    rows.push(...(await pairRows(context, bundle, groups)));
    if (groups.has('calendar')) rows.push(...(await calendarRows(context)));
    if (groups.has('hostile')) rows.push(...(await adversarialRows(context, bundle)));
    if (groups.has('sizes')) rows.push(...sizeRows());
    if (groups.has('wake')) rows.push(...(await wakeRows()));
  } finally {
    await browser.close();
  }
  // 100k is the round trip's and search's alone (scaleOf refuses it with any other group).
  if (groups.has('search')) rows.push(...(await searchRows(scale))); // issues 4 and 17: its own disk-backed browser
  if (groups.has('people')) rows.push(...(await peopleRows()));
  if (groups.has('sync')) rows.push(...(await syncRows()));
  if (groups.has('overview') && scale !== '100k') rows.push(...(await overviewRows(scale)));
  if (groups.has('transfers') && scale !== '100k') rows.push(...(await transferRows(scale)));
  if (groups.has('roundtrip')) rows.push(...(await roundTripRows(scale)));
  // A partial run (or one at another scale) must not overwrite the full results.
  if (everything && scale === '10k') writeResults(rows);
  printTable(rows);
  const failed = rows.filter((row) => !row.pass).length;
  console.log(`\n${rows.length - failed} of ${rows.length} budgets pass${everything ? '; results in .bench/results.json' : ''}`);
  process.exitCode = failed ? 1 : 0;
}

await main();
