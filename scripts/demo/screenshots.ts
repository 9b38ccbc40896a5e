/** The README's pictures of the side panel (light and dark), the popup and the options page. */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Tend } from '../../tests/e2e/harness';
import { OptionsPage } from '../../tests/e2e/pages/options';
import { Popup } from '../../tests/e2e/pages/popup';
import { SidePanel } from '../../tests/e2e/pages/side-panel';

/** Each picture's file name and the size of the page it shows (the side panel's and popup's usual sizes). */
export const SCREENSHOTS = {
  sidePanel: { file: 'side-panel.png', width: 380, height: 1100 },
  sidePanelDark: { file: 'side-panel-dark.png', width: 380, height: 1100 },
  popup: { file: 'popup.png', width: 344, height: 520 },
  options: { file: 'options.png', width: 900, height: 1000 },
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
 * card in the side panel, a quick note in the popup, the options page. Returns the files written.
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

  const popup = await Popup.open(await pageOfSize(tend, SCREENSHOTS.popup), tend.url('popup', `?tab=${tabId}`));
  await popup.chips.first().waitFor();
  await popup.note.fill('Promised to send Ada the checked table by Friday.');
  await shoot(popup.page, SCREENSHOTS.popup);

  const options = await OptionsPage.open(await pageOfSize(tend, SCREENSHOTS.options), tend.url('options'));
  await shoot(options.page, SCREENSHOTS.options);
  return written;
}
