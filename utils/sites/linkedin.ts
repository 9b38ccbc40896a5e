import type { SiteDescriptor } from './types';

// Pure data and patterns: content scripts import this file, so it stays free of messages and zod.

/** The host of LinkedIn profile URLs as identities (`www.` and country hosts are folded into it). */
export const LINKEDIN_HOST = 'linkedin.com';

/** LinkedIn serves the same profiles on country hosts (uk., de., in., ...). */
export const LINKEDIN_COUNTRY_HOST = /^[a-z]{2}\.linkedin\.com$/;

/** A profile's path is `/in/<id>`; anything after the id is a view of the same person. */
export const LINKEDIN_PROFILE_PREFIX = 'in';

/**
 * LinkedIn public ids (case-insensitive): letters (any script), digits and hyphens; some old ones
 * carry underscores. Anything else (spaces, slashes, bidi controls) means the URL is not a profile we can trust.
 */
export const LINKEDIN_ID = /^[\p{L}\p{M}\p{N}_-]{1,100}$/u;

/** LinkedIn profile pages, read only: nothing is injected into them. */
export const linkedinSite: SiteDescriptor<'linkedin'> = {
  id: 'linkedin',
  label: 'siteLinkedIn',
  contentScript: 'profiles',
  // Country hosts too (uk.linkedin.com/in/...): LinkedIn serves them when signed out.
  matches: ['https://www.linkedin.com/in/*', 'https://*.linkedin.com/in/*', 'https://linkedin.com/in/*'],
  passiveHistory: true,
  profiles: { host: LINKEDIN_HOST, name: 'LinkedIn' },
};
