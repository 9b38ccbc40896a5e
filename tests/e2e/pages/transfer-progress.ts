import type { Page } from 'playwright-core';

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
