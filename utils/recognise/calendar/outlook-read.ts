import { pathIdAfter } from '../outlook/path-id';
import { addPersonShownBy } from '../outlook/person';
import { outlookSelectors } from '../outlook/selectors';
import { addOutlookSelf } from '../outlook/self';
import { addressesInText, elementsIn, PeopleOnPage } from '../shared/mail-people';
import { PeopleSaid } from '../shared/people-said';
import type { PageFindings } from '../shared/types';
import { eventRef, MAX_EVENT_ID, namesOrganiser, spacedText } from './event-ref';
import { outlookCalendarSelectors as sel, outlookEventPathMarkers } from './outlook-selectors';
import { numericDateOrderOf, spanFromMachineTimes, spanFromText, type EventSpan } from './when-text';

// The pieces of an Outlook calendar scan, each reading one part of the page: a full scan
// (outlook.ts) reads them all, an incremental one (outlook-memo.ts) only the parts that changed.

/** The event id in an Outlook calendar URL (`/calendar/item/<id>`, `/calendar/0/deeplink/read/<id>`). */
export function outlookEventIdFromUrl(url: URL): string | undefined {
  return url.pathname.split('/')[1] === 'calendar' ? pathIdAfter(url, outlookEventPathMarkers, MAX_EVENT_ID, 2) : undefined;
}

/** Where the open event shows: the peek over the calendar, else the event page of a deep link (with the URL's id). */
export interface OutlookEventPlace {
  view: Element;
  id?: string;
}

/** The open event's view: the peek over the calendar, else the event page of a deep link. */
export function placeOfEvent(doc: Document, url: URL): OutlookEventPlace | undefined {
  const peek = doc.querySelector(sel.peek);
  if (peek?.querySelector(sel.title)) return { view: peek };
  const id = outlookEventIdFromUrl(url);
  const page = id ? doc.querySelector(sel.eventPage) : null;
  return page && id ? { view: page, id } : undefined;
}

/** The view's machine-readable times (`datetime`), in page order: one walk of the whole view. */
export const machineTimesIn = (view: Element): (string | null)[] =>
  [...view.querySelectorAll(sel.machineTime)].map((element) => element.getAttribute('datetime'));

/** The event's title and time as the view shows them. */
export interface OutlookEventText {
  title: string;
  span?: EventSpan;
}

/** Title and time: the first heading; the machine-readable times, else the view's first few hundred characters (the date line follows the title). */
export function textOfEvent(view: Element, machine: readonly (string | null)[]): OutlookEventText {
  const heading = view.querySelector(sel.title);
  const title = (heading && spacedText(heading).replace(/\s+/g, ' ').trim()) || '';
  const span =
    spanFromMachineTimes(machine) ?? spanFromText(spacedText(view), new Date().getFullYear(), numericDateOrderOf(view.ownerDocument.documentElement.lang));
  return { title, span };
}

/** What may show a guest: personas, address-carrying elements, mail links. */
export const guestSources = [outlookSelectors.persona, outlookSelectors.addressAttribute, outlookSelectors.mailto].join(', ');

/** The elements of a view that show its guests, in page order: not in the description or controls, not inside a persona (read with it). */
export const guestElementsOf = (view: Element): Element[] =>
  elementsIn(view, guestSources).filter((element) => {
    const area = element.closest(sel.notGuests);
    return !(area && view.contains(area)) && !element.parentElement?.closest(outlookSelectors.persona);
  });

/** What one guest element says: the people it shows, and the organiser's address if it names them so. */
export interface OutlookGuestRead {
  said: PeopleSaid;
  organiser?: string;
}

export function readGuest(element: Element): OutlookGuestRead {
  const said = new PeopleSaid();
  addPersonShownBy(said, element, 'to', true);
  // The organiser is said in a label ("…, Organizer") or under a persona's name.
  const labels = [element.getAttribute('aria-label'), element.querySelector(outlookSelectors.personaDetail)?.textContent ?? null];
  const organiser = labels.some(namesOrganiser) ? (addressesInText(element.getAttribute('title'))[0] ?? addressesInText(labels[0])[0]) : undefined;
  return { said, organiser };
}

export const sameGuest = (a: OutlookGuestRead, b: OutlookGuestRead): boolean => a.organiser === b.organiser && a.said.same(b.said);

/** The user's own mailbox as the account manager shows it (outlook/self.ts), kept to be told to each scan's people. */
export function readSelf(doc: Document): PeopleSaid {
  const said = new PeopleSaid();
  addOutlookSelf(doc, said);
  return said;
}

/**
 * The findings from the parts: the user's mailbox, the event (or none: no view, or a view with
 * no id, title or time), its guests in page order.
 */
export function findingsOf(
  self: PeopleSaid,
  place: OutlookEventPlace | undefined,
  text: OutlookEventText | undefined,
  guests: readonly OutlookGuestRead[],
): PageFindings {
  const people = new PeopleOnPage();
  self.replay(people);
  if (!place || !text || (!place.id && text.span === undefined && !text.title)) return { people: [], self: people.findings().self };
  let organiser: string | undefined;
  for (const guest of guests) {
    guest.said.replay(people);
    organiser ??= guest.organiser;
  }
  const key = `outlook-calendar:${place.id ?? `${text.title}|${text.span?.start ?? ''}`}`.slice(0, MAX_EVENT_ID + 32);
  return { ...people.findings(), event: eventRef(key, text.title, text.span, organiser, people.showsSelf()) };
}
