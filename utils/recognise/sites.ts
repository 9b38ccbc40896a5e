// The sites Tend reads from install with declared content scripts. Everything else is read only
// when the user asks (activeTab) or grants the site (optional host permissions).

/** Match patterns of the mail sites. */
export const MAIL_SITE_MATCHES = [
  'https://mail.google.com/*',
  'https://outlook.live.com/*',
  'https://outlook.office.com/*',
  'https://outlook.office365.com/*',
];

/** Match patterns of the profile pages Tend reads (read only: nothing is injected into them). */
// LinkedIn serves profiles on country hosts too (uk.linkedin.com/in/...) when signed out.
export const PROFILE_SITE_MATCHES = ['https://github.com/*', 'https://www.linkedin.com/in/*', 'https://*.linkedin.com/in/*', 'https://linkedin.com/in/*'];

/** Every page a declared content script already covers: the generic reader stays off them. */
export const DECLARED_SITE_MATCHES = [...MAIL_SITE_MATCHES, ...PROFILE_SITE_MATCHES];

/** Scheme and host of a match pattern ("https://*.linkedin.com/in/*" -> "https://*.linkedin.com"). */
const schemeAndHost = (pattern: string) => pattern.replace(/^(\w+:\/\/[^/]*).*$/, '$1');

/**
 * True for a granted origin that only repeats a declared site. Chrome reports host permissions
 * with the path widened to "/*", so they are compared by scheme and host.
 */
export function isDeclaredOrigin(origin: string): boolean {
  return DECLARED_SITE_MATCHES.some((pattern) => schemeAndHost(pattern) === schemeAndHost(origin));
}

