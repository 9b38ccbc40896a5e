/**
 * The calendar recogniser's budget (issue 16): a full scan of a 200-guest Google Calendar event
 * within 1.5 x one querySelectorAll of the same guest elements, the issue's own floor, in a tab of
 * its own. A second row puts the scan against a plain JS loop reading the two attributes a scan
 * needs (`data-email`, `aria-label`): reading each guest at all costs several times a bare query,
 * so that row says how far the scan is from the least any scan does (same 1.5 x, until the issue's
 * budget is decided again).
 */
import { openBenchPage } from './browser.mjs';
import { bundleForPage } from './bundle.mjs';
import { ratioRow } from './report.mjs';

/** @typedef {import('./report.mjs').Row} Row */

/**
 * @param {import('playwright-core').BrowserContext} context
 * @returns {Promise<Row[]>}
 */
export async function calendarRows(context) {
  const page = await openBenchPage(context, await bundleForPage(new URL('./calendar-in-page.ts', import.meta.url)));
  try {
    /** @type {Awaited<ReturnType<import('./calendar-in-page').CalendarBenchScenarios['calendarFullScan']>>} */
    const result = await page.evaluate(() => /** @type {any} */ (globalThis).tendCalendarBench.calendarFullScan());
    const note = `page ${(result.bytes / 1024).toFixed(0)} KB`;
    const wrong = result.wrong === undefined ? {} : { wrong: result.wrong };
    return [
      ratioRow('calendar: full scan of a 200-guest event (find / one querySelectorAll)', 'ms', { ...result.query, ...wrong }, 1.5, note),
      ratioRow('calendar: full scan of a 200-guest event (find / JS loop reading each guest)', 'ms', { ...result.loop, ...wrong }, 1.5, note),
    ];
  } finally {
    await page.close();
  }
}
