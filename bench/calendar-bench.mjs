/**
 * The calendar recogniser's budget (issue 16): a full scan of a 200-guest Google Calendar event
 * within 1.5 x a plain JS loop over the same guest elements reading the two attributes a scan needs
 * (`data-email`, `aria-label`), in a tab of its own. The floor was one querySelectorAll until
 * issue 16's decision: reading each guest at all costs several times a bare query.
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
    return [
      ratioRow(
        'calendar: full scan of a 200-guest event (find / JS loop reading each guest)',
        'ms',
        result,
        1.5,
        `page ${(result.bytes / 1024).toFixed(0)} KB`,
      ),
    ];
  } finally {
    await page.close();
  }
}
