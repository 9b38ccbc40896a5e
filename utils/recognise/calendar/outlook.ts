import { pathIdAfter } from '../outlook/path-id';
import { addPersonShownBy } from '../outlook/person';
import { outlookSelectors } from '../outlook/selectors';
import { addOutlookSelf } from '../outlook/self';
import { addressesInText, elementsIn, PeopleOnPage } from '../shared/mail-people';
import type { PageFindings, Recogniser } from '../shared/types';
import { eventRef, MAX_EVENT_ID, namesOrganiser, spacedText, type CalendarEventRef } from './event-ref';
import { outlookCalendarSelectors as sel, outlookEventPathMarkers } from './outlook-selectors';
import { numericDateOrderOf, spanFromMachineTimes, spanFromText } from './when-text';

/** The event id in an Outlook calendar URL (`/calendar/item/<id>`, `/calendar/0/deeplink/read/<id>`). */
export function outlookEventIdFromUrl(url: URL): string | undefined {
  return url.pathname.split('/')[1] === 'calendar' ? pathIdAfter(url, outlookEventPathMarkers, MAX_EVENT_ID, 2) : undefined;
}

/** The open event's view: the peek over the calendar, else the event page of a deep link. */
function eventView(doc: Document, url: URL): { view: Element; id?: string } | undefined {
  const peek = doc.querySelector(sel.peek);
  if (peek?.querySelector(sel.title)) return { view: peek };
  const id = outlookEventIdFromUrl(url);
  const page = id ? doc.querySelector(sel.eventPage) : null;
  return page && id ? { view: page, id } : undefined;
}

/** Add the guests a view shows (personas, address-carrying elements, mail links); the organiser's address if one says so. */
function addGuestsOf(view: Element, people: PeopleOnPage): string | undefined {
  let organiser: string | undefined;
  const sources = [outlookSelectors.persona, outlookSelectors.addressAttribute, outlookSelectors.mailto].join(', ');
  for (const element of elementsIn(view, sources)) {
    const area = element.closest(sel.notGuests);
    if (area && view.contains(area)) continue;
    // A persona's inner name and address elements are read with it, not again on their own.
    if (element.parentElement?.closest(outlookSelectors.persona)) continue;
    addPersonShownBy(people, element, 'to', true);
    // The organiser is said in a label ("…, Organizer") or under a persona's name.
    const said = [element.getAttribute('aria-label'), element.querySelector(outlookSelectors.personaDetail)?.textContent ?? null];
    if (!organiser && said.some(namesOrganiser)) organiser = addressesInText(element.getAttribute('title'))[0] ?? addressesInText(said[0])[0];
  }
  return organiser;
}

/** The event a view shows; its key is Outlook's id when the URL has one, else its title and start. */
function readEvent(doc: Document, url: URL, people: PeopleOnPage): CalendarEventRef | undefined {
  const found = eventView(doc, url);
  if (!found) return undefined;
  const { view, id } = found;
  const title = (view.querySelector(sel.title) && spacedText(view.querySelector(sel.title)!).replace(/\s+/g, ' ').trim()) || '';
  const machine = [...view.querySelectorAll(sel.machineTime)].map((element) => element.getAttribute('datetime'));
  // The date line follows the title: the view's first few hundred characters hold it.
  const span = spanFromMachineTimes(machine) ?? spanFromText(spacedText(view), new Date().getFullYear(), numericDateOrderOf(doc.documentElement.lang));
  if (!id && span === undefined && !title) return undefined;
  const organiser = addGuestsOf(view, people);
  const key = `outlook-calendar:${id ?? `${title}|${span?.start ?? ''}`}`.slice(0, MAX_EVENT_ID + 32);
  return eventRef(key, title, span, organiser, people.showsSelf());
}

/** The guests, organiser, title and time of the Outlook calendar event open on the page (peek or event page). */
export function findEventOnOutlookCalendar(doc: Document, url: URL): PageFindings {
  const people = new PeopleOnPage();
  addOutlookSelf(doc, people);
  const event = readEvent(doc, url, people);
  if (!event) return { people: [], self: people.findings().self };
  return { ...people.findings(), event };
}

/** Outlook on the web's calendar (utils/sites/outlook-calendar.ts), read by the Outlook content script. */
export const outlookCalendarRecogniser: Recogniser<'outlook-calendar'> = {
  id: 'outlook-calendar',
  find: findEventOnOutlookCalendar,
};
