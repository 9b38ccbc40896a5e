import type { Locator, Page } from 'playwright-core';

/** Page object for the side panel (also opened as sidepanel.html?tab=<id>). */
export class SidePanel {
  readonly peopleList: Locator;
  readonly people: Locator;
  readonly history: Locator;
  readonly card: Locator;

  static async open(page: Page, url: string): Promise<SidePanel> {
    await page.goto(url);
    return new SidePanel(page);
  }

  constructor(readonly page: Page) {
    this.peopleList = page.getByRole('list', { name: 'People on this page' });
    this.people = this.peopleList.getByRole('listitem');
    this.card = page.getByRole('article');
    this.history = page.getByRole('list', { name: 'History' }).getByRole('listitem');
  }

  person(name: string): Locator {
    return this.peopleList.getByRole('button', { name });
  }

  /** Names listed under "People on this page", in order. */
  async peopleNames(): Promise<string[]> {
    return this.peopleList.locator('.person-name').allInnerTexts();
  }

  async openPerson(name: string): Promise<void> {
    await this.person(name).click();
    await this.card.getByRole('heading', { name, level: 2 }).waitFor();
  }

  /** Each history entry's visible text, newest first. */
  async historyTexts(): Promise<string[]> {
    return this.history.allInnerTexts();
  }

  async addNote(text: string): Promise<void> {
    await this.page.getByLabel('Note').fill(text);
    await this.page.getByRole('button', { name: 'Add note' }).click();
  }
}
