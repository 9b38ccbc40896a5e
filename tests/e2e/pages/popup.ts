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

  /** Add one of the page's people with its one-click choice. */
  async addFromPage(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `Add ${name}` }).click();
  }

  /** Names the page offers in one click (not chosen yet). */
  async offeredNames(): Promise<string[]> {
    const buttons = this.page.getByRole('group', { name: 'On this page:' }).getByRole('button');
    return (await buttons.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''))).map((label) => label.replace(/^Add /, ''));
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save' }).click();
  }
}
