import type { SiteDescriptor } from './types';

// Pure data: the Gmail content script imports this file, so it stays free of messages and zod.

/** Gmail: threads, thread lists, compose windows and hover cards. */
export const gmailSite: SiteDescriptor<'gmail'> = {
  id: 'gmail',
  label: 'siteGmail',
  contentScript: 'gmail',
  matches: ['https://mail.google.com/*'],
  passiveHistory: true,
  mail: true,
};
