import { MAX_NAME, MAX_URL } from '../../model/limits';
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
  /** One of the signed-in account's addresses is among the guests (the organiser is one): the user takes part. */
  withUser?: true;
}

/** Words that mark the organiser in a guest's label, as data (the calendars' own words in a few languages). */
export const ORGANISER_WORDS = ['organizer', 'organiser', 'organisateur', 'organizador', 'organisator', 'organizzatore'] as const;

/** Does a guest's label say they organise the event ("Grace Hopper, Organizer")? */
export const namesOrganiser = (label: string | null) => {
  const lower = label?.toLowerCase() ?? '';
  return ORGANISER_WORDS.some((word) => lower.includes(word));
};

/** Longest event id Tend keeps in a key. */
export const MAX_EVENT_ID = 512;

/**
 * An event with its time, when the page gave one. Key and title are cut to the protocol's limits here,
 * where every event is made, so a hostile page's overlong title cannot get the report refused (the
 * other content scripts then carry no event code).
 */
export function eventRef(key: string, title: string, span: EventSpan | undefined, organiser?: string, withUser?: boolean): CalendarEventRef {
  return {
    key: key.slice(0, MAX_URL),
    title: title.slice(0, MAX_NAME),
    ...(span && { start: span.start }),
    ...(span?.end !== undefined && { end: span.end }),
    ...(organiser && { organiser }),
    ...(withUser && { withUser }),
  };
}

/**
 * A guest's name: the label's words before any comma ("Ada Lovelace, Organizer"), else the
 * guest's text (read only then: most guests have a label); never an address.
 */
export function guestName(label: string | null, textOf: () => string): string | undefined {
  const asName = (text: string | undefined) => (text && !text.includes('@') ? text : undefined);
  // Up to the first comma, without splitting the whole label (read for every guest of a big event).
  const comma = label?.indexOf(',') ?? -1;
  return asName((comma < 0 ? label : label!.slice(0, comma))?.trim()) ?? asName(textOf());
}

/** An element's text with its pieces apart ("March 12, 2026", "⋅", "3:00pm" are separate spans). */
export function spacedText(root: Element): string {
  const pieces: string[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let length = 0, node = walker.nextNode(); node && length < 300; node = walker.nextNode()) {
    pieces.push(node.nodeValue ?? '');
    length += node.nodeValue?.length ?? 0;
  }
  return pieces.join(' ');
}
