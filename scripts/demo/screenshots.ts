/**
 * The README's pictures: the side panel (light and dark), the compact card in a docked panel's
 * size, the People view, the popup, the options page and the welcome page.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Tend } from '../../tests/e2e/harness';
import { OptionsPage } from '../../tests/e2e/pages/options';
import { PeopleView } from '../../tests/e2e/pages/people-view';
import { Popup } from '../../tests/e2e/pages/popup';
import { SidePanel } from '../../tests/e2e/pages/side-panel';

/** Each picture's file name and the size of the page it shows (the side panel's and popup's usual sizes). */
export const SCREENSHOTS = {
  sidePanel: { file: 'side-panel.png', width: 380, height: 1100 },
  sidePanelDark: { file: 'side-panel-dark.png', width: 380, height: 1100 },
  // A docked panel as it usually is: 360 px wide, 600 px tall (the card's note box must show in it).
  card: { file: 'card.png', width: 360, height: 600 },
  people: { file: 'people.png', width: 360, height: 600 },
  popup: { file: 'popup.png', width: 344, height: 520 },
  options: { file: 'options.png', width: 900, height: 1000 },
  welcome: { file: 'welcome.png', width: 900, height: 960 },
} as const;

/** Wait until the page has its fonts and has painted what it shows now. */
async function settled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
}

/** A new tab of the size a picture is taken at. */
async function pageOfSize(tend: Tend, { width, height }: { width: number; height: number }): Promise<Page> {
  const page = await tend.context.newPage();
  await page.setViewportSize({ width, height });
  return page;
}

/**
 * Take the pictures into `folder`, for the people of the tab `tabId` (the Gmail thread): Ada's
 * card in the side panel, her compact card with the note box open in a 360 x 600 panel, the People
 * view, a quick note in the popup, the options page and the welcome page. Returns the files written.
 */
export async function takeScreenshots(tend: Tend, tabId: number, folder: string): Promise<string[]> {
  const written: string[] = [];
  const shoot = async (page: Page, { file }: { file: string }) => {
    await settled(page);
    await page.screenshot({ path: join(folder, file) });
    written.push(join(folder, file));
  };

  const panelPage = await pageOfSize(tend, SCREENSHOTS.sidePanel);
  const panel = await SidePanel.open(panelPage, tend.url('sidepanel', `?tab=${tabId}`));
  await panel.openPerson('Ada Lovelace');
  // The card's parts load on their own: wait for the last ones (follow-ups, history) to be shown.
  await panel.card.getByText('Send Ada the checked Bernoulli table').first().waitFor();
  await panel.history.first().waitFor();
  await shoot(panelPage, SCREENSHOTS.sidePanel);
  await panelPage.emulateMedia({ colorScheme: 'dark' });
  await shoot(panelPage, SCREENSHOTS.sidePanelDark);

  const cardPage = await pageOfSize(tend, SCREENSHOTS.card);
  const cardPanel = await SidePanel.open(cardPage, tend.url('sidepanel', `?tab=${tabId}`));
  await cardPanel.openPerson('Ada Lovelace');
  await cardPage.getByRole('button', { name: 'Note', exact: true }).click();
  await cardPage.getByLabel('Note', { exact: true }).fill('Asked for the table by Friday; she prefers a short written summary.');
  // The card from its top, as after scrolling past the thread's people: header, what matters, the note box.
  await cardPanel.card.evaluate((card) => card.scrollIntoView({ block: 'start' }));
  await shoot(cardPage, SCREENSHOTS.card);

  const peoplePage = await pageOfSize(tend, SCREENSHOTS.people);
  await SidePanel.open(peoplePage, tend.url('sidepanel', `?tab=${tabId}`));
  const people = new PeopleView(peoplePage);
  await people.open();
  await people.rows.first().waitFor();
  await shoot(peoplePage, SCREENSHOTS.people);

  const popup = await Popup.open(await pageOfSize(tend, SCREENSHOTS.popup), tend.url('popup', `?tab=${tabId}`));
  await popup.chips.first().waitFor();
  await popup.note.fill('Promised to send Ada the checked table by Friday.');
  await shoot(popup.page, SCREENSHOTS.popup);

  const options = await OptionsPage.open(await pageOfSize(tend, SCREENSHOTS.options), tend.url('options'));
  await shoot(options.page, SCREENSHOTS.options);

  const welcome = await pageOfSize(tend, SCREENSHOTS.welcome);
  await welcome.goto(tend.url('welcome'));
  await welcome.getByRole('heading', { level: 1 }).waitFor();
  await shoot(welcome, SCREENSHOTS.welcome);
  return written;
}
