import type { PageFindings, Recogniser } from '../shared/types';
import { findingsOf, guestElementsIn, readEventView, readGuest, readSelf } from './google-read';
import { GoogleCalendarMemo } from './google-memo';

export { googleEventId } from './google-read';

/** The guests, organiser, title and time of the Google Calendar event open on the page (popup or event page), read whole. */
export function findEventOnGoogleCalendar(doc: Document, url: URL): PageFindings {
  const view = readEventView(doc, url);
  return findingsOf(readSelf(doc), view, view ? guestElementsIn(view.guestsRoot).map(readGuest) : []);
}

/** A Google Calendar recogniser with a memory of its own: each document it scans is watched, and read again only where it changed. */
export interface GoogleCalendarRecogniser extends Recogniser<'google-calendar'> {
  /** Stop watching a document and forget what was read of it. */
  forget(doc: Document): void;
}

/**
 * A fresh recogniser (nothing read yet). Scans are incremental (google-memo.ts), as the calendar
 * re-renders all the time and a busy event has hundreds of guests; a scan equals a full one.
 */
export function createGoogleCalendarRecogniser(): GoogleCalendarRecogniser {
  const memos = new WeakMap<Document, GoogleCalendarMemo>();
  return {
    id: 'google-calendar',
    find(doc, url) {
      // Where nothing can watch the page (no MutationObserver), every scan reads it whole.
      if (typeof MutationObserver === 'undefined') return findEventOnGoogleCalendar(doc, url);
      let memo = memos.get(doc);
      if (!memo) memos.set(doc, (memo = new GoogleCalendarMemo(doc)));
      return memo.find(url);
    },
    forget(doc) {
      memos.get(doc)?.disconnect();
      memos.delete(doc);
    },
  };
}

/** Google Calendar (utils/sites/google-calendar.ts): the content script's recogniser. */
export const googleCalendarRecogniser = createGoogleCalendarRecogniser();
