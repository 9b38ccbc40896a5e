/**
 * The bench's in-page half, bundled by run.mjs into one script and injected into a blank page
 * of headless Chromium. Each scenario builds its page in the live document, checks the subject
 * gives the right answer, then times it against its floor. Results are plain data for run.mjs.
 */
import { gmailRecogniser } from '../utils/recognise/gmail/recogniser';
import { gmailSelectors } from '../utils/recognise/gmail/selectors';
import { MAX_WEB_PEOPLE, webRecogniser } from '../utils/recognise/web/recogniser';
import { isMailtoLink } from '../utils/recognise/web/mailto';
import { findAddressesInVisibleText } from '../utils/recognise/web/visible-text';
import { benchSink, consume, timePair, type PairTiming } from './measure';
import { HIDDEN_IN_NOISE, buildAdversarialPage } from './pages/adversarial-page';
import { buildGmailThread, newGmailMessage } from './pages/gmail-thread';
import { buildProsePage } from './pages/prose-page';
import { driveInSlices } from './slice-driver';

/** A timed comparison plus what the page was and whether the subject's answer was right. */
export interface PairResult extends PairTiming {
  bytes: number;
  /** Why the subject's answer was wrong, when it was. */
  wrong?: string;
  /** Why there was nothing to time, when there was not. */
  missing?: string;
}

const GMAIL_URL = new URL('https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmbbDXZnWpKbGPmlXHnL');
const WEB_URL = new URL('https://news.example/2025/a-long-read');
const NO_TIMING: PairTiming = { subjectMs: NaN, baselineMs: NaN, ratio: NaN, pairs: 0, subjectReps: 0, baselineReps: 0 };

/** The floor of a Gmail scan: one native query for the same people elements. */
function gmailFloor(): number {
  return document.querySelectorAll(`${gmailSelectors.sender}, ${gmailSelectors.recipient}`).length;
}

/** What a full Gmail scan must find on the built thread, from the page itself. */
function gmailWrongAnswer(): string | undefined {
  const findings = gmailRecogniser.find(document, GMAIL_URL);
  const shown = new Set([...document.querySelectorAll('.thread-messages [email]')].map((e) => e.getAttribute('email')));
  shown.delete('me@example.com');
  if (!findings.thread) return 'no thread found';
  if (findings.people.length !== shown.size) return `found ${findings.people.length} people, page shows ${shown.size}`;
  return undefined;
}

/**
 * Gmail changes its page between two scans (a message expands, a chip appears): a node added to
 * the thread and taken away again, so no list the browser cached for an unchanged document stays warm.
 */
function changeThread(): void {
  const mark = document.createElement('span');
  document.querySelector('.thread-messages')!.lastElementChild!.append(mark);
  mark.remove();
}

/** (a) A full scan of a 50-message thread against one querySelectorAll of its people, the page changed before each. */
function gmailFullScan(): PairResult {
  const { bytes } = buildGmailThread(50);
  const wrong = gmailWrongAnswer();
  const timing = timePair(() => gmailRecogniser.find(document, GMAIL_URL), gmailFloor, { beforeEach: changeThread });
  return { ...timing, bytes, wrong };
}

/** (a') The first call in a fresh tab, cold (no JIT, nothing cached): a full scan or the floor's query. */
function gmailFirstCall(which: 'scan' | 'query'): number {
  buildGmailThread(50);
  const start = performance.now();
  consume(which === 'scan' ? gmailRecogniser.find(document, GMAIL_URL) : gmailFloor());
  return performance.now() - start;
}

/** (b) One message appended to the open thread: `findInAdded` against a full `find`. */
function gmailAddedMessage(): PairResult {
  const { bytes } = buildGmailThread(50);
  const findInAdded = gmailRecogniser.findInAdded?.bind(gmailRecogniser);
  if (!findInAdded) return { ...NO_TIMING, bytes, missing: 'gmailRecogniser.findInAdded is not implemented' };
  const previous = gmailRecogniser.find(document, GMAIL_URL);
  const message = newGmailMessage(50);
  document.querySelector('.thread-messages')!.append(message);
  const incremental = findInAdded([message], previous, document, GMAIL_URL);
  const full = gmailRecogniser.find(document, GMAIL_URL);
  const wrong = JSON.stringify(incremental) === JSON.stringify(full) ? undefined : 'findInAdded differs from a full find after the append';
  const timing = timePair(
    () => findInAdded([message], previous, document, GMAIL_URL),
    () => gmailRecogniser.find(document, GMAIL_URL),
  );
  return { ...timing, bytes, wrong };
}

/** The floor of a text scan: one TreeWalker pass over the text nodes, reading each one's text. */
function textFloor(): number {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let chars = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) chars += (node as Text).data.length;
  return chars;
}

/** (c) The web recogniser's visible-text scan of a 2 MB article against a TreeWalker pass over its text. */
function proseScan(): PairResult & { findMs: number; findRatio: number } {
  const { bytes, addresses } = buildProsePage(2 * 1024 * 1024);
  const found = new Set(webRecogniser.find(document, WEB_URL).people.map((p) => p.email));
  const expected = [...addresses, 'corrections@news.example', 'editor@news.example'];
  const missed = expected.filter((email) => !found.has(email));
  let wrong = missed.length ? `missed ${missed.length} addresses, e.g. ${missed[0]}` : undefined;
  if (found.has('tracker@ads.example')) wrong = 'read an address inside a script';
  if (found.size !== expected.length) wrong ??= `found ${found.size} people, expected ${expected.length}`;
  // The scan exactly as find runs it on this page (no markup claims elements here, so only
  // mailto links are read elsewhere).
  const scan = () => findAddressesInVisibleText(document.body, isMailtoLink, MAX_WEB_PEOPLE);
  const timing = timePair(scan, textFloor);
  // The whole recogniser on the same page, for the note: its markup and link passes add queries.
  const whole = timePair(() => webRecogniser.find(document, WEB_URL), textFloor, { pairs: 21 });
  return { ...timing, bytes, wrong, findMs: whole.subjectMs, findRatio: whole.ratio };
}

/** One page of the adversarial kind, built once per tab and driven many times. */
function buildAdversarial(cycles: number): { bytes: number; wrong?: string; missing?: string } {
  const { bytes } = buildAdversarialPage(cycles);
  if (!webRecogniser.findInSlices) return { bytes, missing: 'webRecogniser.findInSlices is not implemented' };
  const inText = findAddressesInVisibleText(document.body, () => false, MAX_WEB_PEOPLE);
  if (!inText.includes(HIDDEN_IN_NOISE)) return { bytes, wrong: `the text scan missed ${HIDDEN_IN_NOISE} behind the noise` };
  const full = webRecogniser.find(document, WEB_URL);
  const slices = webRecogniser.findInSlices(document, WEB_URL);
  let step = slices.next();
  while (!step.done) step = slices.next();
  if (JSON.stringify(step.value) !== JSON.stringify(full)) return { bytes, wrong: 'findInSlices differs from find' };
  return { bytes };
}

/** (d) One sliced run over the adversarial page in this tab: every task's duration. */
async function driveAdversarial(): Promise<{ maxTaskMs: number; workMs: number; tasks: number; slices: number; browserLongTasks: number }> {
  const run = await driveInSlices(webRecogniser, document, WEB_URL);
  return { maxTaskMs: Math.max(...run.taskMs), workMs: run.workMs, tasks: run.taskMs.length, slices: run.slices, browserLongTasks: run.browserLongTasks };
}

/** The scenarios run.mjs calls by name. */
const scenarios = { gmailFullScan, gmailFirstCall, gmailAddedMessage, proseScan, buildAdversarial, driveAdversarial, benchSink };
(globalThis as unknown as { tendBench: typeof scenarios }).tendBench = scenarios;
/** Shape of the global the bench injects, for run.mjs's JSDoc. */
export type BenchScenarios = typeof scenarios;
