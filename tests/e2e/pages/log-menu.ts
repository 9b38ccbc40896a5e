import type { Page } from 'playwright-core';
import type { Tend } from '../harness';

/** Call the context menu's handler in the service worker, as Chrome does on a click; the logged entry's id, if one was logged. */
export async function clickLogMenu(tend: Tend, page: Page, tabId: number, info: Record<string, string>): Promise<string | undefined> {
  const worker = await tend.worker();
  return worker.evaluate(
    async ({ tabId, info, url }) => {
      const g = globalThis as unknown as {
        tend: { onLogMenuClicked(i: object, t: object): Promise<{ id: string } | undefined> };
        chrome: { tabs: { get(id: number): Promise<object> } };
      };
      // The tab as Chrome hands it to the listener.
      const tab = await g.chrome.tabs.get(tabId);
      const entry = await g.tend.onLogMenuClicked({ menuItemId: 'tend-log-interaction', pageUrl: url, ...info }, tab);
      return entry?.id;
    },
    { tabId, info, url: page.url() },
  );
}
