/**
 * Every site Tend reads, declared once (one file per site beside this one). Content scripts
 * import only their own site's file; the manifest, the worker and the options page read this list.
 */
import { githubSite } from './github';
import { gmailSite } from './gmail';
import { googleCalendarSite } from './google-calendar';
import { linkedinSite } from './linkedin';
import { matchesPattern, schemeAndHost } from './match-pattern';
import { outlookSite } from './outlook';
import { outlookCalendarSite } from './outlook-calendar';
import type { SiteDescriptor } from './types';
import { webSite } from './web';

/** Every site, in the order the options page lists them. */
// Outlook's calendar before its mail: a sender's site is the first whose pages include its URL.
export const SITES = [gmailSite, outlookCalendarSite, outlookSite, googleCalendarSite, githubSite, linkedinSite, webSite] as const;

/** The id of a site Tend knows ("gmail", ..., "web" for the generic reader). */
export type SiteId = (typeof SITES)[number]['id'];

/** The sites read from install by a declared content script (every one but the generic reader). */
export const DECLARED_SITES: readonly SiteDescriptor[] = SITES.filter((site) => site.matches.length > 0);

/** Every page a declared content script covers: the host permissions, and where the generic reader stays off. */
export const DECLARED_SITE_MATCHES: readonly string[] = DECLARED_SITES.flatMap((site) => site.matches);

/** What the user may grant the generic reader (optional host permissions): any http(s) site. */
export const GRANTABLE_SITE_MATCHES: readonly string[] = SITES.flatMap((site) => site.grantable ?? []);

/** The sites whose automatic "seen in thread" entries the user can turn off, in the options page's order. */
export const PASSIVE_HISTORY_SITES: readonly SiteDescriptor[] = SITES.filter((site) => site.passiveHistory);

/**
 * True for a granted origin that only repeats a declared site. Chrome reports host permissions
 * with the path widened to "/*", so they are compared by scheme and host.
 */
export function isDeclaredOrigin(origin: string): boolean {
  return DECLARED_SITE_MATCHES.some((pattern) => schemeAndHost(pattern) === schemeAndHost(origin));
}

/** Is the automatic history on for this site, given the user's switches (absent: the site's default)? */
export function passiveHistoryOn(site: SiteDescriptor, switches: Readonly<Record<string, boolean>>): boolean {
  return switches[site.id] ?? !site.passiveHistoryOffByDefault;
}

/** Is this page one a declared content script already reads? */
export function isDeclaredPage(href: string | undefined): boolean {
  if (!href) return false;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false;
  }
  return DECLARED_SITE_MATCHES.some((pattern) => matchesPattern(pattern, url));
}

/** Is the URL one of the site's pages (declared, or grantable for the generic reader)? */
export function isPageOf(site: SiteDescriptor, url: URL): boolean {
  return [...site.matches, ...(site.grantable ?? [])].some((pattern) => matchesPattern(pattern, url));
}

/** The name of the site a profile URL's host belongs to ("GitHub"), for the user; else the host itself. */
export function profileSiteName(host: string): string {
  return SITES.find((site) => site.profiles?.host === host)?.profiles?.name ?? host;
}
