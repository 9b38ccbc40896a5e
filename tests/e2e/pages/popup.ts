import type { Locator, Page } from 'playwright-core';

/** Page object for the popup's quick note (opened as popup.html?tab=<id>). */
export class Popup {
  readonly note: Locator;
  readonly chips: Locator;

  constructor(readonly page: Page) {
    this.note = page.getByLabel('Note', { exact: true });
    this.chips = page.getByRole('list', { name: 'Selected people' }).getByRole('listitem');
  }

  static async open(page: Page, url: string): Promise<Popup> {
    await page.goto(url);
    const popup = new Popup(page);
    await popup.note.waitFor();
    return popup;
  }

  /** Names of the people the note is for. */
  async selectedNames(): Promise<string[]> {
    return this.chips.locator('span').allInnerTexts();
  }

  async addPerson(query: string, option: string | RegExp): Promise<void> {
    await this.page.getByLabel('Add a person').fill(query);
    await this.page.getByRole('option', { name: option }).click();
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save' }).click();
  }
}
