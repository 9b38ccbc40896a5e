import type { SiteDescriptor } from './types';

// Pure data: the calendar content script imports this file, so it stays free of messages and zod.

/**
 * Google Calendar: an event's details popup and its event page. Its guests are saved like a
 * mail thread's correspondents; opening an event records no entry unless the user turns the
 * automatic history on (a meeting is logged when the user says so).
 */
export const googleCalendarSite: SiteDescriptor<'google-calendar'> = {
  id: 'google-calendar',
  label: 'siteGoogleCalendar',
  contentScript: 'calendar',
  matches: ['https://calendar.google.com/*'],
  passiveHistory: true,
  passiveHistoryOffByDefault: true,
  calendar: true,
};
