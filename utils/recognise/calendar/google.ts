import type { PageFindings } from '../shared/types';
import { findingsOf, guestElementsIn, readEventView, readGuest, readSelf } from './google-read';
import { GoogleCalendarMemo } from './google-memo';
import { memoRecogniser, type MemoRecogniser } from './memo-recogniser';

export { googleEventId } from './google-read';

/** The guests, organiser, title and time of the Google Calendar event open on the page (popup or event page), read whole. */
export function findEventOnGoogleCalendar(doc: Document, url: URL): PageFindings {
  const view = readEventView(doc, url);
  return findingsOf(readSelf(doc), view, view ? guestElementsIn(view.guestsRoot).map(readGuest) : []);
}

/** A Google Calendar recogniser with a memory of its own (memo-recogniser.ts). */
export type GoogleCalendarRecogniser = MemoRecogniser<'google-calendar'>;

/**
 * A fresh recogniser (nothing read yet). Scans are incremental (google-memo.ts), as the calendar
 * re-renders all the time and a busy event has hundreds of guests; a scan equals a full one.
 */
export const createGoogleCalendarRecogniser = (): GoogleCalendarRecogniser => memoRecogniser('google-calendar', (doc) => new GoogleCalendarMemo(doc));

/** Google Calendar (utils/sites/google-calendar.ts): the content script's recogniser. */
export const googleCalendarRecogniser = createGoogleCalendarRecogniser();
