import type { PageFindings } from '../shared/types';
import { memoRecogniser, type MemoRecogniser } from './memo-recogniser';
import { findingsOf, guestElementsOf, machineTimesIn, placeOfEvent, readGuest, readSelf, textOfEvent } from './outlook-read';
import { OutlookCalendarMemo } from './outlook-memo';

export { outlookEventIdFromUrl } from './outlook-read';

/** The guests, organiser, title and time of the Outlook calendar event open on the page (peek or event page), read whole. */
export function findEventOnOutlookCalendar(doc: Document, url: URL): PageFindings {
  const place = placeOfEvent(doc, url);
  const text = place && textOfEvent(place.view, machineTimesIn(place.view));
  return findingsOf(readSelf(doc), place, text, place ? guestElementsOf(place.view).map(readGuest) : []);
}

/** An Outlook calendar recogniser with a memory of its own (memo-recogniser.ts). */
export type OutlookCalendarRecogniser = MemoRecogniser<'outlook-calendar'>;

/**
 * A fresh recogniser (nothing read yet). Scans are incremental (outlook-memo.ts): the app
 * re-renders as people answer and an event may have hundreds of attendees; a scan equals a full one.
 */
export const createOutlookCalendarRecogniser = (): OutlookCalendarRecogniser => memoRecogniser('outlook-calendar', (doc) => new OutlookCalendarMemo(doc));

/** Outlook on the web's calendar (utils/sites/outlook-calendar.ts), read by the Outlook content script. */
export const outlookCalendarRecogniser = createOutlookCalendarRecogniser();
