import { readableText } from '../../identity/profile-url';
import { addressesInText, type NormalisedText, normalisedText, PeopleOnPage } from '../shared/mail-people';
import type { PageFindings } from '../shared/types';
import { eventRef, guestName, MAX_EVENT_ID, namesOrganiser, spacedText } from './event-ref';
import { googleCalendarEventPathMarker, googleCalendarSelectors as sel } from './google-selectors';
import { numericDateOrderOf, spanFromMachineTimes, spanFromText, type EventSpan } from './when-text';

// The pieces of a Google Calendar scan, each reading one part of the page: a full scan
// (google.ts) reads them all, an incremental one (google-memo.ts) only the parts that changed.

/**
 * The event's id from an eid: Google's eids are base64 of "<event id> <calendar address>", and
 * the popup and the event page may pad them differently, so the decoded id is the key when the
 * eid decodes to that shape; else the eid as written.
 */
export function googleEventId(eid: string): string | undefined {
  const raw = eid.trim();
  if (!raw || raw.length > MAX_EVENT_ID) return undefined;
  try {
    const [id] = atob(raw.replace(/-/g, '+').replace(/_/g, '/')).split(' ');
    if (id && /^[\w-]{4,}$/.test(id)) return id;
  } catch {
    // Not base64: the eid as written.
  }
  return raw;
}

/** The eid in an event page's URL (`/calendar/u/0/r/eventedit/<eid>`). */
function eidFromUrl(url: URL): string | undefined {
  const segments = url.pathname.split('/');
  const marker = segments.indexOf(googleCalendarEventPathMarker);
  return marker >= 0 ? segments[marker + 1] : undefined;
}

/** The year the calendar's view shows (`/r/week/2026/3/12`), for dates written without one. */
function viewYear(url: URL): number {
  const year = /\/r\/\w+\/(\d{4})\//.exec(url.pathname)?.[1];
  return year ? Number(year) : new Date().getFullYear();
}

/** The time of an event view: its `datetime` attributes, else the text of `whenText`. */
function spanOf(view: Element, whenText: string | undefined, url: URL): EventSpan | undefined {
  const machine = [...view.querySelectorAll(sel.machineTime)].map((element) => element.getAttribute('datetime'));
  return spanFromMachineTimes(machine) ?? spanFromText(whenText, viewYear(url), numericDateOrderOf(view.ownerDocument.documentElement.lang));
}

const fieldValue = (view: Element, selector: string) => {
  const field = view.querySelector(selector);
  return field instanceof HTMLInputElement ? field.value : (field?.getAttribute('value') ?? undefined);
};

/** The signed-in account's addresses: Google's account button, never one inside the event (a description could copy it). */
export function readSelf(doc: Document): string[] {
  const addresses: string[] = [];
  for (const button of doc.querySelectorAll(sel.accountButton)) {
    if (!button.closest(sel.notAccountArea)) addresses.push(...addressesInText(button.getAttribute('aria-label')));
  }
  return addresses;
}

/** The open event without its guests: where it is, where its guests are, its key, title and time. */
export interface GoogleEventView {
  /** The details popup (true) or the event page, whose form fields change with no mutation to tell. */
  popup: boolean;
  view: Element;
  guestsRoot: Element;
  key: string;
  title: string;
  span?: EventSpan;
  /** The elements whose text was read for the title and time: a change of text inside one changes the event. */
  textFrom: Element[];
}

/** The open event: the details popup over the grid, else the event page; undefined when neither shows one. */
export function readEventView(doc: Document, url: URL): GoogleEventView | undefined {
  const popup = doc.querySelector(sel.popup);
  if (popup) {
    const id = googleEventId(popup.getAttribute('data-eventid') ?? '');
    if (!id) return undefined;
    // Without a heading, the popup's own text is its title.
    const titleFrom = popup.querySelector(sel.popupTitle) ?? popup;
    const title = readableText(titleFrom, 300).trim();
    const when = popup.querySelector(sel.popupWhen);
    const span = when ? spanOf(when, spacedText(when), url) : undefined;
    const textFrom = when ? [titleFrom, when] : [titleFrom];
    return { popup: true, view: popup, guestsRoot: popup.querySelector(sel.popupGuests) ?? popup, key: `google-calendar:${id}`, title, span, textFrom };
  }
  const eid = eidFromUrl(url);
  const main = doc.querySelector(sel.pageMain);
  const id = eid && googleEventId(eid);
  if (!id || !main) return undefined;
  const title = fieldValue(main, sel.pageTitle)?.trim() ?? '';
  const startText = `${fieldValue(main, sel.pageStartDate) ?? ''} ${fieldValue(main, sel.pageStartTime) ?? ''}`;
  const endText = `${fieldValue(main, sel.pageEndDate) ?? ''} ${fieldValue(main, sel.pageEndTime) ?? ''}`;
  const span = spanOf(main, `${startText} – ${endText}`, url);
  return { popup: false, view: main, guestsRoot: main, key: `google-calendar:${id}`, title, span, textFrom: [] };
}

/** Do two reads of the event view say the same (same elements, key, title and time)? */
export function sameEventView(a: GoogleEventView | undefined, b: GoogleEventView | undefined): boolean {
  if (!a || !b) return a === b;
  return (
    a.popup === b.popup &&
    a.view === b.view &&
    a.guestsRoot === b.guestsRoot &&
    a.key === b.key &&
    a.title === b.title &&
    a.span?.start === b.span?.start &&
    a.span?.end === b.span?.end
  );
}

/** The guest rows or chips under the view's guests root, in page order. */
export const guestElementsIn = (root: Element): Element[] => [...root.querySelectorAll(sel.guest)];

/** What one guest row says: its address as written, the name it shows, and whether it names the organiser. */
export interface GuestRead {
  email: string | null;
  name: string | undefined;
  organiser: boolean;
}

/** Read one guest: two attributes, and the row's first piece of text only when the label names nobody. */
export function readGuest(guest: Element): GuestRead {
  const label = guest.getAttribute('aria-label');
  // Without a label, the row's first piece is the name (the next ones say "Organizer", "Optional").
  const name = guestName(label, () => readableText(guest.firstElementChild ?? guest, 200).trim());
  return { email: guest.getAttribute('data-email'), name, organiser: namesOrganiser(label) };
}

export const sameGuest = (a: GuestRead, b: GuestRead): boolean => a.email === b.email && a.name === b.name && a.organiser === b.organiser;

/**
 * The findings from the parts: the user's addresses, the event (or none), and its guests in page
 * order (`normalised`: what earlier scans of the page normalised, to take rather than redo).
 */
export function findingsOf(
  self: readonly string[],
  view: GoogleEventView | undefined,
  guests: readonly GuestRead[],
  normalised: NormalisedText = normalisedText(),
): PageFindings {
  const people = new PeopleOnPage(normalised);
  for (const address of self) people.addSelf(address);
  if (!view) return { people: [], self: people.findings().self };
  let organiser: string | undefined;
  for (const guest of guests) {
    people.add({ email: guest.email, name: guest.name }, 'to', true);
    if (!organiser && guest.organiser) organiser = addressesInText(guest.email)[0];
  }
  return { ...people.findings(), event: eventRef(view.key, view.title, view.span, organiser, people.showsSelf()) };
}
