import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { MAX_ADDRESS, MAX_NAME, MAX_PEOPLE_PER_SIGHTING, MAX_SELF_PER_SIGHTING, MAX_URL } from '../model/limits';
import type { Candidate } from '../model/records';
import { NO_FINDINGS, type PageFindings, type Recogniser } from '../recognise/shared/types';

// No transport here: the content script passes `report` (utils/messaging/content-client.ts), so
// the watcher and the recognisers can be driven by a test or a benchmark without a browser.

/** What a page shows, within the protocol's limits: the content script sends it as a `sighting`. */
export interface PageReport {
  site: Recogniser['id'];
  page: { url: string; title: string };
  thread?: { key: string; subject: string };
  event?: PageFindings['event'];
  people: Candidate[];
  truncated?: boolean;
  self: string[];
}

/** Long enough to let a single-page app finish a view change, short enough to feel immediate. */
const SETTLE_MS = 250;
/** Work per task when a recogniser scans in slices: well under the 50 ms of a long task. */
const SLICE_BUDGET_MS = 8;

/** Run part of a recogniser safely: odd markup yields no people, never an exception on the user's page. */
function guarded<T>(recogniser: Recogniser, scan: () => T): T | PageFindings {
  try {
    return scan();
  } catch (error) {
    console.debug(`Tend: the ${recogniser.id} recogniser could not read this page`, error);
    return NO_FINDINGS;
  }
}

/** A full scan that cannot throw. */
export function findSafely(recogniser: Recogniser, doc: Document, url: URL): PageFindings {
  return guarded(recogniser, () => recogniser.find(doc, url));
}

const clip = (value: string | undefined, max: number) => (value && value.length > max ? value.slice(0, max) : value);

/**
 * A candidate within the protocol's limits, whatever a recogniser returned: one overlong name
 * on a hostile page must not get the whole report refused.
 */
function withinLimits(person: Candidate): Candidate {
  const capped: Candidate = {};
  if (person.name) capped.name = clip(person.name, MAX_NAME);
  if (person.email && person.email.length <= MAX_ADDRESS) capped.email = person.email;
  if (person.profileUrl && person.profileUrl.length <= MAX_URL) capped.profileUrl = person.profileUrl;
  if (person.role) capped.role = person.role;
  if (person.card !== undefined) capped.card = person.card;
  if (person.newest) capped.newest = true;
  return capped;
}

/** The report of what a page shows. */
export function toReport(recogniser: Recogniser, findings: PageFindings, doc: Document, url: URL): PageReport {
  return {
    site: recogniser.id,
    page: { url: url.href.slice(0, MAX_URL), title: doc.title.slice(0, MAX_URL) },
    thread: findings.thread && { key: findings.thread.key.slice(0, MAX_URL), subject: clip(findings.thread.subject, MAX_NAME) ?? '' },
    // An event comes cut to the limits by the one function that makes events (calendar/event-ref.ts).
    ...(findings.event && { event: findings.event }),
    // A hostile page cannot make one report carry more than the cap; the panel says it was cut.
    people: findings.people
      .slice(0, MAX_PEOPLE_PER_SIGHTING)
      .map(withinLimits)
      .filter((p) => p.email || p.profileUrl || p.name),
    truncated: findings.truncated || findings.people.length > MAX_PEOPLE_PER_SIGHTING || undefined,
    self: findings.self.slice(0, MAX_SELF_PER_SIGHTING),
  };
}

/** The added elements that are not inside another added element, still in the page. */
export function outermost(added: ReadonlySet<Element>): Element[] {
  return [...added].filter((element) => {
    if (!element.isConnected) return false;
    for (let parent = element.parentElement; parent; parent = parent.parentElement) if (added.has(parent)) return false;
    return true;
  });
}

/** Drive a sliced scan, handing the main thread back between slices of SLICE_BUDGET_MS. */
async function runInSlices(ctx: ContentScriptContext, slices: Generator<void, PageFindings, void>): Promise<PageFindings> {
  for (;;) {
    const until = performance.now() + SLICE_BUDGET_MS;
    let step = slices.next();
    while (!step.done && performance.now() < until) step = slices.next();
    if (step.done) return step.value;
    await new Promise<void>((resolve) => ctx.setTimeout(resolve, 0));
  }
}

/**
 * Watch a page for the people it shows and `report` them whenever they change (with its site's
 * recogniser, or the one `recogniserOf` picks for the URL): a full scan at
 * start and on navigation; on DOM changes (debounced) only the added elements when the
 * recogniser can read them alone. No polling; hidden tabs wait until they are shown again.
 */
export function watchPage(ctx: ContentScriptContext, recogniserOf: Recogniser | ((url: URL) => Recogniser), report: (report: PageReport) => unknown): void {
  // One script may serve two sites of one single-page app (Outlook's mail and calendar): the
  // recogniser follows the URL, and a change of recogniser is a change of view.
  const pick = typeof recogniserOf === 'function' ? recogniserOf : () => recogniserOf;
  let recogniser = pick(new URL(location.href));
  let lastReported = '';
  let lastUrl = '';
  let previous: PageFindings | undefined;
  let needsFullScan = true;
  const added = new Set<Element>();
  let timer: number | undefined;
  let running = false;
  let changedWhileBusy = false;

  const fullScan = async (url: URL): Promise<PageFindings> => {
    if (!recogniser.findInSlices) return findSafely(recogniser, document, url);
    try {
      return await runInSlices(ctx, recogniser.findInSlices(document, url));
    } catch (error) {
      console.debug(`Tend: the ${recogniser.id} recogniser could not read this page`, error);
      return NO_FINDINGS;
    }
  };

  const scan = async () => {
    timer = undefined;
    if (!ctx.isValid) return;
    // A tab in the background does no work; it catches up when the user comes back to it.
    if (document.hidden) return;
    if (running) {
      changedWhileBusy = true;
      return;
    }
    running = true;
    const url = new URL(location.href);
    if (url.href !== lastUrl) needsFullScan = true;
    const current = pick(url);
    if (current !== recogniser) {
      recogniser = current;
      previous = undefined;
    }
    const roots = outermost(added);
    added.clear();
    const full = needsFullScan || !previous || !recogniser.findInAdded;
    needsFullScan = false;
    const incremental = full ? undefined : guarded(recogniser, () => recogniser.findInAdded!(roots, previous!, document, url));
    const findings = incremental ?? (await fullScan(url));
    running = false;
    lastUrl = url.href;
    previous = findings;
    const found = toReport(recogniser, findings, document, url);
    const signature = JSON.stringify([url.origin + url.pathname, found.thread, found.event, found.people, found.self]);
    if (signature !== lastReported) {
      lastReported = signature;
      void report(found);
    }
    if (changedWhileBusy) {
      changedWhileBusy = false;
      schedule();
    }
  };
  const schedule = () => {
    if (timer === undefined) timer = ctx.setTimeout(() => void scan(), SETTLE_MS);
  };
  const navigated = () => {
    needsFullScan = true;
    schedule();
  };

  void scan();
  ctx.addEventListener(window, 'wxt:locationchange', navigated);
  ctx.addEventListener(window, 'hashchange', navigated);
  ctx.addEventListener(document, 'visibilitychange', () => {
    if (!document.hidden) navigated();
  });
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node instanceof Element) added.add(node);
      for (const node of record.removedNodes) {
        if (node instanceof Element && recogniser.removalMatters?.(node) !== false) needsFullScan = true;
      }
    }
    schedule();
  });
  observer.observe(document.body, { childList: true, subtree: true });
  ctx.onInvalidated(() => observer.disconnect());
}
