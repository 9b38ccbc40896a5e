/**
 * The calendar bench's in-page half (bundled by calendar-bench.mjs, injected into a blank page):
 * a Google Calendar week with an event's details popup listing 200 guests, in the shape of
 * tests/fixtures/google-calendar/event-popup.html, inside a week grid of event chips. The
 * recogniser's full scan is timed against a plain loop reading each guest's address and label.
 */
import { googleCalendarRecogniser } from '../utils/recognise/calendar/google';
import { googleCalendarSelectors as sel } from '../utils/recognise/calendar/google-selectors';
import { benchSink, timePair, type PairTiming } from './measure';
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
 * The floor: the least any scan does, in plain JS. One native query for the guest elements, then
 * the two attributes a guest is read from (address and label), read from each. A bare query was
 * the floor before (issue 16: 20x); reading two attributes of each already cost 2.5-5.8x that.
 */
function floor(): number {
  let read = 0;
  for (const guest of document.querySelectorAll(`${sel.popup} ${sel.guest}`)) {
    read += (guest.getAttribute('data-email')?.length ?? 0) + (guest.getAttribute('aria-label')?.length ?? 0);
  }
  return read;
}

/** What the scan must find: every guest but the user, and the event. */
function wrongAnswer(): string | undefined {
  const findings = googleCalendarRecogniser.find(document, URL_OF_WEEK);
  if (!findings.event) return 'no event found';
  if (findings.people.length !== GUESTS - 1) return `found ${findings.people.length} guests, the page shows ${GUESTS - 1} besides the user`;
  return undefined;
}

/** One native query for the guest elements: issue 16's own floor for the scan. */
const query = () => document.querySelectorAll(`${sel.popup} ${sel.guest}`).length;

/** The full scan of the 200-guest event against issue 16's floor (one query) and against a plain loop reading its guests' two attributes. */
function calendarFullScan(): { query: PairTiming; loop: PairTiming; bytes: number; wrong?: string } {
  const bytes = buildEventPage();
  const wrong = wrongAnswer();
  const scan = () => googleCalendarRecogniser.find(document, URL_OF_WEEK);
  return { query: timePair(scan, query), loop: timePair(scan, floor), bytes, wrong };
}

const scenarios = { calendarFullScan, benchSink };
(globalThis as unknown as { tendCalendarBench: typeof scenarios }).tendCalendarBench = scenarios;
/** Shape of the global the bench injects, for calendar-bench.mjs's JSDoc. */
export type CalendarBenchScenarios = typeof scenarios;
