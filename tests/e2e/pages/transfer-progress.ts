import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** The words beside a progress bar of the options page (restore, import), found by the bar's name. */
export function progressWords(page: Page, bar: string) {
  return page.getByRole('progressbar', { name: bar }).locator('xpath=following-sibling::span');
}

/**
 * The percentages the words of the progress bar `bar` said that match `pattern` (its first group
 * the number), in the order seen, read every 50 ms until `until` settles or `enough` says so (given
 * those seen and the words now).
 */
export async function percentagesSaid(
  page: Page,
  bar: string,
  pattern: RegExp,
  until: Promise<unknown>,
  enough: (seen: number[], words: string) => boolean = () => false,
): Promise<number[]> {
  const seen: number[] = [];
  let settled = false;
  void until.finally(() => (settled = true));
  const words = progressWords(page, bar);
  let text: string | null = null;
  while (!settled && !enough(seen, text ?? '')) {
    text = await words.textContent({ timeout: 500 }).catch(() => null);
    const percent = text?.match(pattern)?.[1];
    if (percent !== undefined && seen.at(-1) !== Number(percent)) seen.push(Number(percent));
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return seen;
}

/**
 * Stop the worker while the options page `options` applies a file (a restore or an import under
 * way), see the page say so in words with no progress left, wake the worker again (the page asking
 * for the settings), and wait until its start has taken back what the file's batches wrote: the
 * user's records as `before`. Returns what the page said.
 */
export async function stopWorkerMidTransfer(
  tend: { stopServiceWorker(page: Page): Promise<{ runningAgain: () => Promise<void> }> },
  options: { page: Page; userRecordCounts(): Promise<Record<string, number>> },
  before: Record<string, number>,
  boundMs: number,
): Promise<string | null> {
  const { runningAgain } = await tend.stopServiceWorker(options.page);
  const failure = options.page.getByRole('alert');
  await failure.waitFor({ timeout: boundMs });
  const said = await failure.textContent();
  expect(await options.page.getByRole('progressbar').count()).toBe(0);
  // Whatever wakes the worker next (here the options page asking for the settings), it first takes the transfer back.
  await options.page.evaluate(() =>
    (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'getSettings' }),
  );
  await runningAgain();
  await expect.poll(() => options.userRecordCounts(), { timeout: boundMs, interval: 500 }).toEqual(before);
  return said;
}
