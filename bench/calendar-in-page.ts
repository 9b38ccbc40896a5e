/**
 * The calendar bench's in-page half (bundled by calendar-bench.mjs, injected into a blank page):
 * a Google Calendar week with an event's details popup listing 200 guests, in the shape of
 * tests/fixtures/google-calendar/event-popup.html, inside a week grid of event chips. What each
 * row times is said in calendar-bench.mjs.
 */
import { createGoogleCalendarRecogniser, findEventOnGoogleCalendar } from '../utils/recognise/calendar/google';
import { googleCalendarSelectors as sel } from '../utils/recognise/calendar/google-selectors';
import { createOutlookCalendarRecogniser, findEventOnOutlookCalendar } from '../utils/recognise/calendar/outlook';
import { outlookCalendarSelectors as outlookSel } from '../utils/recognise/calendar/outlook-selectors';
import { outlookSelectors } from '../utils/recognise/outlook/selectors';
import type { PageFindings } from '../utils/recognise/shared/types';
import { benchSink, consume, timePair, type PairTiming } from './measure';
import { escapeHtml as esc, installPage } from './pages/install';

/** Guests of the bench's event (the user is one of them). */
export const GUESTS = 200;
/** Event chips in the week grid around the popup: a busy week of a busy person. */
const CHIPS = 400;
const EID = 'NGtxOHIydjBtdGQ2bDFoM3A5czdjNWIydWUgbWVAdGVuZC5leGFtcGxl';
const URL_OF_WEEK = new URL('https://calendar.google.com/calendar/u/0/r/week/2026/3/12');
const FIRST = ['Ada', 'Grace', 'Charles', 'Alan', 'Katherine', 'Dorothy', 'Mary', 'Hedy', 'Radia', 'Barbara', 'Edsger', 'Donald'];
const LAST = ['Lovelace', 'Hopper', 'Babbage', 'Turing', 'Johnson', 'Vaughan', 'Jackson', 'Lamarr', 'Perlman', 'Liskov', 'Dijkstra', 'Knuth'];

const guest = (index: number) => {
  if (index === 7) return { name: 'Tess Mendel', email: 'me@tend.example' };
  const name = `${FIRST[index % FIRST.length]!} ${LAST[(index * 5 + 3) % LAST.length]!}`;
  return { name, email: `${name.replace(' ', '.').toLowerCase()}${index}@org${index % 9}.example` };
};

function guestRow(index: number): string {
  const { name, email } = guest(index);
  const status = index === 0 ? 'Organizer, Attending' : index % 3 ? 'Attending' : 'Awaiting';
  return `<div role="listitem" class="gr" data-email="${esc(email)}" aria-label="${esc(`${name}, ${status}`)}"><div class="av"><img alt="" src="data:,"></div><span class="gn">${esc(name)}</span>${index === 0 ? '<span class="gs">Organizer</span>' : ''}</div>`;
}

function chip(index: number): string {
  const hour = 8 + (index % 10);
  return `<div role="gridcell" data-datekey="${28230 + (index % 7)}"><div role="button" data-eventid="e${index}x" class="ch"><div class="c1"><span class="c2">${hour}am to ${hour + 1}am</span><span class="c3">Event ${index}, Room ${index % 13}</span></div></div></div>`;
}

/** The week with the popup open; returns the page's size in bytes. */
function buildEventPage(): number {
  const html = `<!doctype html><html><head><title>Google Calendar</title></head><body>
<header role="banner"><a aria-label="Google Account: Tess Mendel (me@tend.example)" href="https://accounts.google.com/SignOutOptions?hl=en"><img alt="" src="data:,"></a></header>
<div role="main"><div class="grid">${Array.from({ length: CHIPS }, (_, i) => chip(i)).join('')}</div></div>
<div role="dialog" id="xDetDlg" data-eventid="${EID}">
<span role="heading" id="rAECCd">All hands</span>
<div id="xDetDlgWhen"><div><span>Thursday, March 12, 2026</span><span>⋅</span><span>3:00 – 4:00pm</span></div></div>
<div id="xDetDlgAtt"><div>${GUESTS} guests</div><div role="list">${Array.from({ length: GUESTS }, (_, i) => guestRow(i)).join('')}</div></div>
</div></body></html>`;
  return installPage(html);
}

/**
 * The JS-loop floor: the least any scan does, in plain JS. One native query for the guest
 * elements, then the two attributes a guest is read from (address and label), read from each.
 */
function floor(): number {
  let read = 0;
  for (const guest of document.querySelectorAll(`${sel.popup} ${sel.guest}`)) {
    read += (guest.getAttribute('data-email')?.length ?? 0) + (guest.getAttribute('aria-label')?.length ?? 0);
  }
  return read;
}

/** One native query for the guest elements: issue 16's own floor for the scan. */
const query = () => document.querySelectorAll(`${sel.popup} ${sel.guest}`).length;

/** What a scan must find: every guest but the user, the event, and the same as a full scan of the page as it is. */
function wrongAnswer(findings: PageFindings): string | undefined {
  if (!findings.event) return 'no event found';
  if (findings.people.length !== GUESTS - 1) return `found ${findings.people.length} guests, the page shows ${GUESTS - 1} besides the user`;
  if (JSON.stringify(findings) !== JSON.stringify(findEventOnGoogleCalendar(document, URL_OF_WEEK))) return 'the incremental scan differs from a full scan';
  return undefined;
}

let changes = 0;
/**
 * The calendar at work between two scans: one guest answers (their label goes from "Awaiting" to
 * "Attending", or back: a different guest each time) and one chip of the week grid is drawn again.
 */
function changeAsCalendarDoes(): void {
  changes++;
  const rows = document.querySelectorAll(`${sel.popup} ${sel.guest}`);
  const row = rows[1 + (changes % (rows.length - 1))]!;
  const label = row.getAttribute('aria-label') ?? '';
  row.setAttribute('aria-label', label.endsWith('Awaiting') ? label.replace(/Awaiting$/, 'Attending') : label.replace(/Attending$/, 'Awaiting'));
  const chips = document.querySelectorAll('[role="gridcell"] > [role="button"]');
  const chip = chips[changes % chips.length]!;
  chip.replaceWith(chip.cloneNode(true));
}

/**
 * Row 1, warm: the content script's recogniser scanning after each change, against one query of
 * the guest elements on the same changed page.
 */
function calendarChangedScan(): { timing: PairTiming; bytes: number; wrong?: string } {
  const bytes = buildEventPage();
  const recogniser = createGoogleCalendarRecogniser();
  const scan = () => recogniser.find(document, URL_OF_WEEK);
  const timing = timePair(scan, query, { beforeEach: changeAsCalendarDoes, afterBaselineSample: scan });
  const wrong = wrongAnswer(scan());
  recogniser.forget(document);
  return { timing, bytes, wrong };
}

/**
 * Row 2, cold: the first thing a fresh tab runs after the page is built, once: either the first
 * scan of a recogniser that has read nothing (nothing cached, its code not yet compiled), or the
 * JS-loop floor. The bench opens one tab for each.
 */
function calendarFirstScan(what: 'scan' | 'floor'): { ms: number; bytes: number; wrong?: string } {
  const bytes = buildEventPage();
  const start = performance.now();
  const result = what === 'scan' ? createGoogleCalendarRecogniser().find(document, URL_OF_WEEK) : floor();
  const ms = performance.now() - start;
  consume(result);
  return { ms, bytes, ...(typeof result !== 'number' && { wrong: wrongAnswer(result) }) };
}

// Outlook on the web: the same event (200 attendees, the user one of them) in a peek over a week
// grid of 400 chips, in the shape of tests/fixtures/outlook-calendar/event-peek.html.
const OUTLOOK_WEEK = new URL('https://outlook.office.com/calendar/view/week');
/** The attendees' personas in the peek: the baseline's query. */
const OUTLOOK_GUESTS = `${outlookSel.peek} ${outlookSelectors.persona}`;

function attendee(index: number): string {
  const { name, email } = guest(index);
  const detail = index === 0 ? 'Organizer' : index % 3 ? 'Accepted' : 'Tentative';
  return `<div class="ms-Persona" title="${esc(email)}"><div class="ms-Persona-coin"><img alt="" src="data:,"></div><div class="ms-Persona-details"><div class="ms-Persona-primaryText">${esc(name)}</div><div class="ms-Persona-secondaryText">${detail}</div></div></div>`;
}

function outlookChip(index: number): string {
  const hour = 8 + (index % 10);
  return `<div role="gridcell"><div role="button" aria-label="Event ${index}, ${hour}:00 AM to ${hour + 1}:00 AM, Room ${index % 13}" class="ch"><span>Event ${index}</span></div></div>`;
}

/** The Outlook week with the peek open; returns the page's size in bytes. */
function buildOutlookEventPage(): number {
  const html = `<!doctype html><html lang="en"><head><title>Calendar - Outlook</title></head><body>
<div id="o365header"><button id="mectrl_main_trigger" type="button" aria-label="Account manager for Tess Mendel" title="Tess Mendel&#10;me@tend.example"></button></div>
<div role="main" aria-label="Calendar"><div role="grid">${Array.from({ length: CHIPS }, (_, i) => outlookChip(i)).join('')}</div></div>
<div id="fluent-default-layer-host"><div class="ms-Layer"><div role="dialog" aria-label="Event details">
<div role="heading" aria-level="2">All hands</div>
<div>Thursday, March 12, 2026 3:00 PM - 4:00 PM</div>
<div aria-label="Attendees">${Array.from({ length: GUESTS }, (_, i) => attendee(i)).join('')}</div>
<div role="toolbar"><button title="Accept">Accept</button></div>
</div></div></div></body></html>`;
  return installPage(html);
}

/** One native query for the attendees' personas, on the Outlook page. */
const outlookQuery = () => document.querySelectorAll(OUTLOOK_GUESTS).length;

function outlookWrongAnswer(findings: PageFindings): string | undefined {
  if (!findings.event) return 'no event found';
  if (findings.people.length !== GUESTS - 1) return `found ${findings.people.length} guests, the page shows ${GUESTS - 1} besides the user`;
  if (JSON.stringify(findings) !== JSON.stringify(findEventOnOutlookCalendar(document, OUTLOOK_WEEK))) return 'the incremental scan differs from a full scan';
  return undefined;
}

let outlookChanges = 0;
/**
 * Outlook at work between two scans: one attendee answers (the text under their name goes from
 * "Accepted" to "Tentative", or back: a different attendee each time, as the app patches a text
 * node) and one chip of the week grid is drawn again.
 */
function changeAsOutlookDoes(): void {
  outlookChanges++;
  const personas = document.querySelectorAll(OUTLOOK_GUESTS);
  const answer = personas[1 + (outlookChanges % (personas.length - 1))]!.querySelector(outlookSelectors.personaDetail)!.firstChild!;
  answer.nodeValue = answer.nodeValue === 'Accepted' ? 'Tentative' : 'Accepted';
  const chips = document.querySelectorAll('[role="gridcell"] > [role="button"]');
  const chip = chips[outlookChanges % chips.length]!;
  chip.replaceWith(chip.cloneNode(true));
}

/** Row 3, warm, Outlook: as row 1, on the Outlook page, against one query of the attendees' personas. */
function outlookChangedScan(): { timing: PairTiming; bytes: number; wrong?: string } {
  const bytes = buildOutlookEventPage();
  const recogniser = createOutlookCalendarRecogniser();
  const scan = () => recogniser.find(document, OUTLOOK_WEEK);
  const timing = timePair(scan, outlookQuery, { beforeEach: changeAsOutlookDoes, afterBaselineSample: scan });
  const wrong = outlookWrongAnswer(scan());
  recogniser.forget(document);
  return { timing, bytes, wrong };
}

const scenarios = { calendarChangedScan, calendarFirstScan, outlookChangedScan, benchSink };
(globalThis as unknown as { tendCalendarBench: typeof scenarios }).tendCalendarBench = scenarios;
/** Shape of the global the bench injects, for calendar-bench.mjs's JSDoc. */
export type CalendarBenchScenarios = typeof scenarios;
