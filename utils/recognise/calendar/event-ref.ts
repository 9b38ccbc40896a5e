import type { PeopleOnPage } from '../shared/mail-people';
import type { EventSpan } from './when-text';

/** A calendar event shown on the page: what a "Log this meeting" entry is about. */
export interface CalendarEventRef {
  /** Stable key of the event on its site ("google-calendar:<id>"): one meeting entry per guest per key. */
  key: string;
  title: string;
  /** Epoch ms; absent when the page gave no readable time. */
  start?: number;
  end?: number;
  /** The organiser's address, when the page marks one. */
  organiser?: string;
}

/** Longest event id Tend keeps in a key. */
export const MAX_EVENT_ID = 512;

/** An event with its time, when the page gave one. */
export function eventRef(key: string, title: string, span: EventSpan | undefined, organiser?: string): CalendarEventRef {
  return { key, title, ...(span && { start: span.start }), ...(span?.end !== undefined && { end: span.end }), ...(organiser && { organiser }) };
}

/** Add one guest: the address, and the name written before any comma of the label ("Ada Lovelace, Organizer"). */
export function addGuest(people: PeopleOnPage, email: string | null, label: string | null, text: string | undefined): void {
  const fromLabel = label?.split(',')[0]?.trim();
  const name = fromLabel && !fromLabel.includes('@') ? fromLabel : text && !text.includes('@') ? text : undefined;
  people.add({ email, name }, 'to', true);
}
