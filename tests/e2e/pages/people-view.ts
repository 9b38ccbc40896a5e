import type { Locator, Page } from 'playwright-core';
import type { Contact } from '../../../utils/model/records';
import { askBackground } from './ask';
import { backupFileText } from './backup-file';

/** Page object for the side panel's People view: sort, filters with counts, the virtual list. */
export class PeopleView {
  readonly list: Locator;
  readonly rows: Locator;
  readonly count: Locator;

  constructor(readonly page: Page) {
    this.list = page.getByRole('list', { name: 'Everyone' });
    this.rows = this.list.getByRole('listitem');
    this.count = page.locator('.people-count');
  }

  /** Make these people everyone in Tend: delete everything, then restore them through the worker. */
  async seed(contacts: Contact[]): Promise<void> {
    await askBackground(this.page, { type: 'deleteEverything', confirmed: true });
    await askBackground(this.page, { type: 'restoreBackup', backup: { text: backupFileText({ contacts, interactions: [] }) } });
  }

  /** Switch the side panel to the People view. */
  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'People' }).click();
    await this.page.getByRole('group', { name: 'Sort and filter people' }).waitFor();
  }

  /** The names shown, in order (the rows on screen: the list renders no others). */
  names(): Promise<string[]> {
    return this.list.locator('.people-row-name').allInnerTexts();
  }

  /** A filter's (or the sort's) select, by its label. */
  select(label: 'Sort by' | 'Tag' | 'Stage' | 'Keep in touch'): Locator {
    return this.page.getByRole('combobox', { name: label, exact: true });
  }

  /** The texts of a select's options, e.g. ["Any (6)", "client (3)"]. */
  options(label: 'Sort by' | 'Tag' | 'Stage' | 'Keep in touch'): Promise<string[]> {
    return this.select(label).locator('option').allInnerTexts();
  }

  /**
   * Choose the option whose text starts with `text` (its count follows it), by its value: the counts in
   * the texts change as filters apply. Tag and stage options come from the people loaded, so right after
   * the worker stopped they may still be arriving: wait for the option.
   */
  async choose(label: 'Sort by' | 'Tag' | 'Stage' | 'Keep in touch', text: string): Promise<void> {
    let texts: string[] = [];
    for (const deadline = Date.now() + 10_000; Date.now() < deadline; await this.page.waitForTimeout(100)) {
      const options = await this.select(label)
        .locator('option')
        .evaluateAll((elements) => elements.map((o) => ({ text: (o as HTMLOptionElement).text, value: (o as HTMLOptionElement).value })));
      texts = options.map((o) => o.text);
      const option = options.find((o) => o.text.startsWith(text));
      if (option) return void (await this.select(label).selectOption({ value: option.value }));
    }
    throw new Error(`no option "${text}" in ${label}: ${texts.join(', ')}`);
  }
}
