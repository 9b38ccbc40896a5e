/**
 * `npm run demo`: Chromium with Tend loaded, on sample pages (a Gmail thread, a GitHub profile,
 * a team page) with a seeded history, in a window of its own until it is closed. With
 * `--screenshots DIR` it runs headless and writes the README's pictures into DIR instead.
 * Reuses the e2e harness and page objects; scripts/demo.mjs bundles it for Node.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Tend } from '../../tests/e2e/harness';
import { DockedSidePanel } from '../../tests/e2e/pages/docked-side-panel';
import { OptionsPage } from '../../tests/e2e/pages/options';
import { openSamplePages } from './sample-pages';
import { takeScreenshots } from './screenshots';
import { seedDemoHistory } from './seed';

const USAGE = 'usage: npm run demo [-- --screenshots DIR]';

/** What the command line asked for: a folder for the pictures, or none (a window to use). */
export function parseDemoArgs(argv: string[]): { screenshots?: string } {
  const [flag, folder, ...rest] = argv;
  if (flag === undefined) return {};
  if (flag === '--screenshots' && folder && !folder.startsWith('-') && rest.length === 0) return { screenshots: folder };
  throw new Error(USAGE);
}

/** Launch Chromium with Tend, seed the history and open the sample pages. */
async function startDemo(display?: string): Promise<{ tend: Tend; gmailTabId: number }> {
  const tend = await Tend.launch('', display, { windowSized: display !== undefined });
  const options = await OptionsPage.open(await tend.context.newPage(), tend.url('options'));
  await seedDemoHistory(options);
  const tabs = await openSamplePages(tend);
  await options.page.close();
  const gmailTabId = await tend.tabIdOf(tabs.gmail);
  if (display !== undefined) {
    // The side panel opens only from a user gesture: the popup's button, clicked as a user does.
    await DockedSidePanel.open(tend, tabs.gmail);
    for (const page of tend.context.pages()) {
      if (page.url().startsWith(tend.url('popup')) || page.url() === 'about:blank') await page.close();
    }
    await tabs.gmail.bringToFront();
  }
  return { tend, gmailTabId };
}

/** Run the demo with these command-line arguments, given in folder `startedIn`; resolves with the exit code. */
export async function runDemo(argv: string[], startedIn = process.cwd()): Promise<number> {
  const { screenshots: folder } = parseDemoArgs(argv);
  const screenshots = folder === undefined ? undefined : resolve(startedIn, folder);
  const extension = resolve(process.env.TEND_EXTENSION ?? '.output/chrome-mv3');
  if (!existsSync(resolve(extension, 'manifest.json'))) {
    console.error(`demo: no built extension in ${extension}; \`npm run demo\` builds it first.`);
    return 1;
  }

  if (screenshots !== undefined) {
    mkdirSync(screenshots, { recursive: true });
    const { tend, gmailTabId } = await startDemo();
    try {
      for (const file of await takeScreenshots(tend, gmailTabId, screenshots)) console.log(`demo: wrote ${file}`);
    } finally {
      await tend.close();
    }
    return 0;
  }

  const display = process.env.DISPLAY;
  if (!display) {
    console.error('demo: no display to open a window on (DISPLAY is not set). Use `--screenshots DIR`, or run under xvfb-run.');
    return 1;
  }
  const { tend } = await startDemo(display);
  const closed = new Promise<void>((done) => tend.context.on('close', () => done()));
  const stop = () => void tend.close();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  console.log(
    'demo: Tend is running in Chromium with a seeded history, on a Gmail thread, a GitHub profile and a team page.\n' +
      '      The side panel shows the people of the open tab; on the team page, click the Tend button to read it.\n' +
      '      Close the window (or press Ctrl+C here) to end the demo.',
  );
  await closed;
  return 0;
}
