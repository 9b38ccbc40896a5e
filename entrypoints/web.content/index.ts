import { defineContentScript } from 'wxt/utils/define-content-script';
import { reportSighting } from '../../utils/messaging/content-client';
import { watchPage } from '../../utils/content/page-watcher';
import { webRecogniser } from '../../utils/recognise/web/recogniser';

const RUNNING = Symbol.for('tend.web-reader');

/**
 * Any other page, read only when the user asks (popup, context menu, command: injected through
 * activeTab) or has granted the site (registered at runtime by the background).
 */
export default defineContentScript({
  registration: 'runtime',
  // No declared pages (utils/sites/web.ts): WXT would turn runtime matches into standing host permissions.
  matches: [],
  main(ctx) {
    // Injected once per ask: a second injection into the same page must not watch twice.
    const world = globalThis as unknown as Record<symbol, boolean>;
    if (world[RUNNING]) return;
    world[RUNNING] = true;
    ctx.onInvalidated(() => (world[RUNNING] = false));
    watchPage(ctx, webRecogniser, reportSighting);
  },
});
