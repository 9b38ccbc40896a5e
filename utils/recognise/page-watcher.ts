import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { MAX_PEOPLE_PER_SIGHTING, MAX_SELF_PER_SIGHTING } from '../messaging/limits';
import type { SightingMessage } from '../messaging/protocol';
import { reportSighting } from '../messaging/content-client';
import { NO_FINDINGS, type PageFindings, type Recogniser } from './types';

/** Long enough to let a single-page app finish a view change, short enough to feel immediate. */
const SETTLE_MS = 250;

/** Run a recogniser safely: odd markup yields no people, never an exception on the user's page. */
export function findSafely(recogniser: Recogniser, doc: Document, url: URL): PageFindings {
  try {
    return recogniser.find(doc, url);
  } catch (error) {
    console.debug(`Tend: the ${recogniser.id} recogniser could not read this page`, error);
    return NO_FINDINGS;
  }
}

/** The sighting message for what a page shows. */
export function toSighting(recogniser: Recogniser, findings: PageFindings, doc: Document, url: URL): SightingMessage {
  return {
    type: 'sighting',
    site: recogniser.id,
    page: { url: url.href, title: doc.title.slice(0, 2048) },
    thread: findings.thread,
    // A hostile page cannot make one report carry more than the cap; the panel says it was cut.
    people: findings.people.slice(0, MAX_PEOPLE_PER_SIGHTING),
    truncated: findings.people.length > MAX_PEOPLE_PER_SIGHTING || undefined,
    self: findings.self.slice(0, MAX_SELF_PER_SIGHTING),
  };
}

/**
 * Watch a page for the people it shows and report them whenever they change: at start, on
 * single-page-app navigation and on DOM changes (debounced). Stops when the context is invalidated.
 */
export function watchPage(ctx: ContentScriptContext, recogniser: Recogniser): void {
  let lastReported = '';
  let timer: number | undefined;
  let changedWhileHidden = false;
  const scan = () => {
    timer = undefined;
    if (!ctx.isValid) return;
    // A tab in the background does no work; it catches up when the user comes back to it.
    if (document.hidden) {
      changedWhileHidden = true;
      return;
    }
    const url = new URL(location.href);
    const sighting = toSighting(recogniser, findSafely(recogniser, document, url), document, url);
    const signature = JSON.stringify([sighting.thread, sighting.people, sighting.self]);
    if (signature === lastReported) return;
    lastReported = signature;
    void reportSighting(sighting);
  };
  const schedule = () => {
    if (timer === undefined) timer = ctx.setTimeout(scan, SETTLE_MS);
  };
  scan();
  ctx.addEventListener(window, 'wxt:locationchange', schedule);
  ctx.addEventListener(window, 'hashchange', schedule);
  ctx.addEventListener(document, 'visibilitychange', () => {
    if (!document.hidden && changedWhileHidden) {
      changedWhileHidden = false;
      schedule();
    }
  });
  const observer = new MutationObserver(schedule);
  observer.observe(document.body, { childList: true, subtree: true });
  ctx.onInvalidated(() => observer.disconnect());
}
