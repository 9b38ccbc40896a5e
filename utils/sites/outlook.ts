import type { SiteDescriptor } from './types';

// Pure data: the Outlook content script imports this file, so it stays free of messages and zod.

/** Outlook on the web, for consumer and work accounts: the open message or draft. */
export const outlookSite: SiteDescriptor<'outlook'> = {
  id: 'outlook',
  label: 'siteOutlook',
  contentScript: 'outlook',
  matches: ['https://outlook.live.com/*', 'https://outlook.office.com/*', 'https://outlook.office365.com/*'],
  passiveHistory: true,
  mail: true,
};
