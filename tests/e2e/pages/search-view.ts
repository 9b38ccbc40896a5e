import type { Locator, Page } from 'playwright-core';
import { seriousAxeFindings } from '../axe';

/** Page object for the side panel's Search view (search field, grouped results, duplicates). */
export class SearchPanel {
  readonly field: Locator;
  readonly results: Locator;
  readonly duplicates: Locator;
  readonly recentMerges: Locator;

  constructor(readonly page: Page) {
    this.field = page.getByRole('combobox', { name: 'Search' });
    this.results = page.getByRole('listbox', { name: 'Search results' });
    this.duplicates = page.getByRole('list', { name: 'Possible duplicates' });
    this.recentMerges = page.getByRole('list', { name: 'Recent merges' });
  }

  /** Switch the side panel to its Search view. */
  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Search' }).click();
    await this.field.waitFor();
  }

  /** The options of one result group ("People" or "Notes"). */
  group(name: 'People' | 'Notes'): Locator {
    return this.results.getByRole('group', { name: new RegExp(`^${name}`) }).getByRole('option');
  }

  /** Serious and critical axe-core findings on the panel as it is now, light and dark. */
  async axeFindings(): Promise<string[]> {
    return seriousAxeFindings(this.page);
  }

  /** Ask the background what extension pages may ask (seeding data as the panel's own pages do). */
  ask<T>(request: object): Promise<T> {
    return this.page.evaluate(async (message) => {
      const chrome = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<{ ok: boolean; data?: unknown; error?: unknown }> } } })
        .chrome;
      const reply = await chrome.runtime.sendMessage(message);
      if (!reply.ok) throw new Error(JSON.stringify(reply.error));
      return reply.data;
    }, request) as Promise<T>;
  }
}
