import type { SiteDescriptor } from './types';

// Pure data and patterns: content scripts import this file, so it stays free of messages and zod.

/** The host of GitHub profile URLs as identities (`www.` is dropped). */
export const GITHUB_HOST = 'github.com';

/** GitHub logins: ASCII letters, digits and hyphens, at most 39. Old accounts may have odd hyphens. Case-insensitive. */
export const GITHUB_LOGIN = /^[a-z0-9][a-z0-9-]{0,38}$/i;

/** GitHub profile pages (github.com/<login>); the content script runs on all of github.com, reads only profiles. */
export const githubSite: SiteDescriptor<'github'> = {
  id: 'github',
  label: 'siteGitHub',
  contentScript: 'profiles',
  matches: ['https://github.com/*'],
  passiveHistory: true,
  profiles: { host: GITHUB_HOST, name: 'GitHub' },
};
