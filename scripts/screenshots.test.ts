// Refreshes the README's screenshots (`npm run screenshots`); not part of the test suite.
import { test } from 'vitest';
import { Tend } from '../tests/e2e/harness';
import { SidePanel } from '../tests/e2e/pages/side-panel';

test('side panel and popup screenshots', async () => {
  const tend = await Tend.launch();
  const gmail = await tend.openGmail('thread-expanded', '#inbox/thread-one');
  await tend.openGmail('thread-second', '#inbox/thread-two');
  await gmail.bringToFront();
  const tabId = await tend.tabIdOf(gmail);
  const page = await tend.context.newPage();
  await page.setViewportSize({ width: 380, height: 1000 });
  const panel = await SidePanel.open(page, tend.url('sidepanel', `?tab=${tabId}`));
  await panel.openPerson('Ada Lovelace');
  await page.getByLabel('What matters to them').fill('Her engine notes; her daughter starting school; hates long calls.');
  await panel.addNote('Wants the engine notes before Thursday. Her daughter just started school.');
  await panel.history.first().waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: '.github/screenshots/side-panel.png' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: '.github/screenshots/side-panel-dark.png' });
  const popup = await tend.context.newPage();
  await popup.setViewportSize({ width: 344, height: 520 });
  await popup.goto(tend.url('popup', `?tab=${tabId}`));
  await popup.getByRole('list', { name: 'Selected people' }).getByRole('listitem').first().waitFor();
  await popup.getByLabel('Note', { exact: true }).fill('Promised to send Ada the engine notes by Friday.');
  await popup.screenshot({ path: '.github/screenshots/popup.png' });
  await tend.close();
});
