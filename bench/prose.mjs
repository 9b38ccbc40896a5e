/**
 * `node bench/prose.mjs [runs]`: the prose row of `npm run bench` (the visible-text scan of a 2 MB
 * article against a TreeWalker pass over its text) alone, in a fresh tab per run, with the
 * median and spread of the runs. On a shared 2-core machine one run's ratio moves by 0.1 or more;
 * this shows how far. Needs no build: the in-page half is bundled from source.
 */
import { bundleForPage } from './bundle.mjs';
import { launchBrowser, openBenchPage } from './browser.mjs';
import { median } from './median.mjs';

/** @typedef {import('./in-page').BenchScenarios} BenchScenarios */

const runs = Number(process.argv[2] ?? 5);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`bench: runs must be a whole number, got ${process.argv[2]}`);

const bundle = await bundleForPage(new URL('./in-page.ts', import.meta.url));
const { browser, context } = await launchBrowser();
/** @type {number[]} */
const ratios = [];
try {
  for (let run = 0; run < runs; run++) {
    const page = await openBenchPage(context, bundle);
    try {
      /** @type {Awaited<ReturnType<BenchScenarios['proseScan']>>} */
      const prose = await page.evaluate(() => /** @type {any} */ (globalThis).tendBench.proseScan());
      if (prose.wrong) throw new Error(`bench: wrong answer: ${prose.wrong}`);
      ratios.push(prose.ratio);
      console.log(
        `run ${run + 1}: scan ${prose.subjectMs.toFixed(3)} ms, floor ${prose.baselineMs.toFixed(3)} ms, ratio ${prose.ratio.toFixed(3)}; whole find ${prose.findRatio.toFixed(2)} x the floor`,
      );
    } finally {
      await page.close();
    }
  }
} finally {
  await browser.close();
}
console.log(
  `ratio median ${median(ratios).toFixed(3)}, min ${Math.min(...ratios).toFixed(3)}, max ${Math.max(...ratios).toFixed(3)} over ${runs} runs (budget 1.5)`,
);
