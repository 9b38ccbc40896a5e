import type { SiteDescriptor } from './types';

/**
 * Any other page, read by the generic reader only when the user asks (activeTab) or has granted
 * the site: no declared matches, so no standing host permission.
 */
export const webSite: SiteDescriptor<'web'> = {
  id: 'web',
  label: 'siteWeb',
  contentScript: 'web',
  matches: [],
  grantable: ['https://*/*', 'http://*/*'],
  passiveHistory: true,
};
