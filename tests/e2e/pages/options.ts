import type { Page } from 'playwright-core';

/** Page object for the options page. */
export class OptionsPage {
  constructor(readonly page: Page) {}

  static async open(page: Page, url: string): Promise<OptionsPage> {
    await page.goto(url);
    await page.getByRole('heading', { name: 'Tend settings' }).waitFor();
    return new OptionsPage(page);
  }

  /** Add an entry to the editable list with this accessible name; waits until it is listed as `shownAs`. */
  async addTo(list: string, value: string, shownAs = value): Promise<void> {
    await this.page.getByLabel(`Add to ${list}`).fill(value);
    await this.page.getByLabel(`Add to ${list}`).press('Enter');
    await this.page.getByRole('list', { name: list }).getByText(shownAs, { exact: true }).waitFor();
  }

  entries(list: string): Promise<string[]> {
    return this.page.getByRole('list', { name: list }).locator('li > span').allInnerTexts();
  }
}
