import type { SiteDescriptor } from './types';

// Pure data: the Outlook content script imports this file, so it stays free of messages and zod.

/**
 * Outlook on the web's calendar: an event's peek and its own view. The Outlook content script
 * reads it (same hosts, one single-page app); listed before Outlook's mail so that its pages are
 * this site's. Guests are saved like a thread's correspondents; opening an event records no entry
 * unless the user turns the automatic history on.
 */
export const outlookCalendarSite: SiteDescriptor<'outlook-calendar'> = {
  id: 'outlook-calendar',
  label: 'siteOutlookCalendar',
  contentScript: 'outlook',
  matches: ['https://outlook.live.com/calendar/*', 'https://outlook.office.com/calendar/*', 'https://outlook.office365.com/calendar/*'],
  passiveHistory: true,
  passiveHistoryOffByDefault: true,
  calendar: true,
};
