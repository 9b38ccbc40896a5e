import { readableText } from '../../identity/profile-url';
import { addressesInText, PeopleOnPage } from '../shared/mail-people';
import type { PageFindings, Recogniser } from '../shared/types';
import { addGuest, eventRef, MAX_EVENT_ID, namesOrganiser, spacedText, type CalendarEventRef } from './event-ref';
import { googleCalendarEventPathMarker, googleCalendarSelectors as sel } from './google-selectors';
import { numericDateOrderOf, spanFromMachineTimes, spanFromText, type EventSpan } from './when-text';

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

/** Add every guest of an event view; returns the organiser's address when a guest's label says so. */
function addGuestsOf(view: Element, people: PeopleOnPage): string | undefined {
  let organiser: string | undefined;
  for (const guest of view.querySelectorAll(sel.guest)) {
    const email = guest.getAttribute('data-email');
    const label = guest.getAttribute('aria-label');
    // Without a label, the row's first piece is the name (the next ones say "Organizer", "Optional").
    addGuest(people, email, label, () => readableText(guest.firstElementChild ?? guest, 200).trim());
    if (!organiser && namesOrganiser(label)) organiser = addressesInText(email)[0];
  }
  return organiser;
}

/** The open event: the details popup over the grid, else the event page. */
function readEvent(doc: Document, url: URL, people: PeopleOnPage): CalendarEventRef | undefined {
  const popup = doc.querySelector(sel.popup);
  if (popup) {
    const id = googleEventId(popup.getAttribute('data-eventid') ?? '');
    if (!id) return undefined;
    const title = readableText(popup.querySelector(sel.popupTitle) ?? popup, 300).trim();
    const when = popup.querySelector(sel.popupWhen);
    const organiser = addGuestsOf(popup.querySelector(sel.popupGuests) ?? popup, people);
    return eventRef(`google-calendar:${id}`, title, when ? spanOf(when, spacedText(when), url) : undefined, organiser, people.showsSelf());
  }
  const eid = eidFromUrl(url);
  const main = doc.querySelector(sel.pageMain);
  const id = eid && googleEventId(eid);
  if (!id || !main) return undefined;
  const title = fieldValue(main, sel.pageTitle)?.trim() ?? '';
  const startText = `${fieldValue(main, sel.pageStartDate) ?? ''} ${fieldValue(main, sel.pageStartTime) ?? ''}`;
  const endText = `${fieldValue(main, sel.pageEndDate) ?? ''} ${fieldValue(main, sel.pageEndTime) ?? ''}`;
  const organiser = addGuestsOf(main, people);
  return eventRef(`google-calendar:${id}`, title, spanOf(main, `${startText} – ${endText}`, url), organiser, people.showsSelf());
}

/** The guests, organiser, title and time of the Google Calendar event open on the page (popup or event page). */
export function findEventOnGoogleCalendar(doc: Document, url: URL): PageFindings {
  const people = new PeopleOnPage();
  for (const button of doc.querySelectorAll(sel.accountButton)) {
    if (!button.closest(sel.notAccountArea)) addressesInText(button.getAttribute('aria-label')).forEach((address) => people.addSelf(address));
  }
  const event = readEvent(doc, url, people);
  if (!event) return { people: [], self: people.findings().self };
  return { ...people.findings(), event };
}

/** Google Calendar (utils/sites/google-calendar.ts). */
export const googleCalendarRecogniser: Recogniser<'google-calendar'> = {
  id: 'google-calendar',
  find: findEventOnGoogleCalendar,
};
