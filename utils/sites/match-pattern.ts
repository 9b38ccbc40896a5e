/**
 * Chrome match patterns ("https://*.linkedin.com/in/*") applied to URLs, for the worker and the
 * options page (content scripts are matched by Chrome itself). Plain string code, no zod.
 */

/** Scheme and host of a match pattern ("https://*.linkedin.com/in/*" -> "https://*.linkedin.com"). */
export const schemeAndHost = (pattern: string) => pattern.replace(/^(\w+:\/\/[^/]*).*$/, '$1');

const escapeRegExp = (text: string) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

/**
 * Does the URL fall under the pattern? As Chrome reads one: the scheme as written (`*` is http or
 * https), a host of `*` (any), `*.example.com` (it or any subdomain) or a name, and a path where
 * `*` is any run of characters, compared with the URL's path and query. Ports are not compared.
 */
export function matchesPattern(pattern: string, url: URL): boolean {
  const parts = /^(\*|[a-z][a-z0-9+.-]*):\/\/([^/]*)(\/.*)$/.exec(pattern);
  if (!parts) return false;
  const [, scheme, host, path] = parts as unknown as [string, string, string, string];
  const protocol = url.protocol.slice(0, -1);
  if (scheme === '*' ? protocol !== 'https' && protocol !== 'http' : protocol !== scheme) return false;
  const onHost = host === '*' || url.hostname === host || (host.startsWith('*.') && (url.hostname === host.slice(2) || url.hostname.endsWith(host.slice(1))));
  if (!onHost) return false;
  return new RegExp(`^${path.split('*').map(escapeRegExp).join('.*')}$`, 's').test(url.pathname + url.search);
}
