import type { MessageKey } from '../i18n';

/** The content scripts that read sites (entrypoints/<name>.content). */
export type ContentScriptName = 'gmail' | 'outlook' | 'profiles' | 'web' | 'calendar';

/**
 * Everything Tend declares about one site. The manifest's host permissions, the content scripts'
 * matches, the options page's lists, the generic reader's exclusions and the profile URL rules all
 * derive from these; the recogniser is paired with its site by id in utils/recognise/registry.ts
 * (kept apart so the worker and the options page do not bundle DOM code).
 */
export interface SiteDescriptor<Id extends string = string> {
  id: Id;
  /** The site as the options page names it (in lists of sites and of automatic-history switches). */
  label: MessageKey;
  /** The content script that reads the site's pages. */
  contentScript: ContentScriptName;
  /**
   * Match patterns of the pages read from install (host permissions, the content script's matches).
   * Empty for the generic reader: it reads other pages only when the user asks or grants them.
   */
  matches: string[];
  /** Match patterns the user may grant it later (optional host permissions): the generic reader's any http(s) site. */
  grantable?: string[];
  /**
   * A webmail: its pages show mail threads (a subject) and the signed-in account. Only its own
   * content script may report a thread or the user's own addresses (the worker checks the sender).
   */
  mail?: boolean;
  /** Whether the options page offers to turn off the "seen in thread" entries Tend records by itself there. */
  passiveHistory: boolean;
  /** The automatic history starts off there until the user turns it on (calendars: meetings are logged when the user says so). */
  passiveHistoryOffByDefault?: boolean;
  /**
   * A calendar: its pages show events (a title, a time, guests) and the signed-in account. Only
   * its own content script may report an event of that site, or the user's own addresses.
   */
  calendar?: boolean;
  /**
   * For a site of profiles: the host its profile URLs are written with, and its name in a reason
   * to merge two people (a brand: not translated). The site's file also exports the rules that
   * utils/identity/profile-url.ts applies to its URLs, as plain constants so that a content script
   * bundles only those.
   */
  profiles?: { host: string; name: string };
}
