/**
 * Profile URLs as identities, and the text reading that profile recognisers share.
 * Plain string and DOM code, no zod: this file is bundled into content scripts. Each profile
 * site's rules (hosts, handle and id shapes) are declared in its utils/sites/<site>.ts and applied
 * here; they are plain constants rather than rule objects because every byte of the generic web
 * reader's bundle counts (a rule interpreter cost ~70 bytes gzipped; web.js has ~100 to spare of its 8 KB).
 */
import { decodeEscapes } from './addresses';
import { GITHUB_HOST, GITHUB_LOGIN } from '../sites/github';
import { LINKEDIN_COUNTRY_HOST, LINKEDIN_HOST, LINKEDIN_ID, LINKEDIN_PROFILE_PREFIX } from '../sites/linkedin';

/** Longest profile URL Tend keeps (the model's MAX_URL); longer input is not an identity. */
export const MAX_PROFILE_URL = 2048;

/**
 * Percent-encode everything a path segment may not carry literally (UTF-8, upper-case hex): RFC
 * 3986 pchar minus percent. `encodeURIComponent` escapes a few that may stay (`$&+,;=:@`): undone.
 */
const encodeSegment = (text: string): string =>
  encodeURIComponent(text).replace(/%(2[46BC]|3[ABD]|40)/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** One path segment decoded and NFC-normalised, or undefined when its escapes are malformed. */
const decodeSegment = (segment: string): string | undefined => decodeEscapes(segment, undefined)?.normalize('NFC');

/** Host as an identity: lower-case (the URL parser did that), no trailing dot, no `www.`, LinkedIn's country hosts folded. */
export function canonicalHost(hostname: string): string {
  const host = hostname.replace(/\.+$/, '').replace(/^www\./, '');
  return LINKEDIN_COUNTRY_HOST.test(host) ? LINKEDIN_HOST : host;
}

/** Site rules: GitHub logins and LinkedIn ids are case-insensitive; a LinkedIn profile is its id. */
function canonicalPath(host: string, segments: string[]): string | undefined {
  if (host === LINKEDIN_HOST && segments[0] === LINKEDIN_PROFILE_PREFIX && segments.length >= 2) {
    // Sub-pages (/details/experience, /recent-activity) are views of the same person.
    const id = decodeSegment(segments[1]!)?.toLowerCase().normalize('NFC');
    return id && LINKEDIN_ID.test(id) ? `/${LINKEDIN_PROFILE_PREFIX}/${id}` : undefined;
  }
  const decoded: string[] = [];
  for (const segment of segments) {
    const text = decodeSegment(segment);
    if (text === undefined) return undefined;
    decoded.push(text);
  }
  if (host === GITHUB_HOST && decoded[0] && GITHUB_LOGIN.test(decoded[0])) decoded[0] = decoded[0].toLowerCase();
  return decoded.map((text) => `/${encodeSegment(text)}`).join('');
}

/**
 * The canonical form of a profile URL, used as a person's identity: https, host without `www.`
 * (LinkedIn country hosts folded), no query or fragment, no empty or trailing path segments,
 * percent-encoding normalised; undefined for non-http(s), unparsable or over-long input.
 */
export function canonicalProfileUrl(raw: string): string | undefined {
  if (typeof raw !== 'string' || raw.length > MAX_PROFILE_URL) return undefined;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return undefined;
  }
  // Credentials in a link are a disguise (https://github.com@evil.example/), never an identity.
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password) return undefined;
  const host = canonicalHost(url.hostname);
  if (!host) return undefined;
  const port = url.port && url.port !== '443' ? `:${url.port}` : '';
  const path = canonicalPath(host, url.pathname.split('/').filter(Boolean));
  if (path === undefined) return undefined;
  const canonical = `https://${host}${port}${path}`;
  return canonical.length <= MAX_PROFILE_URL ? canonical : undefined;
}

// Text inside these is code or inert markup (pages embed escaped copies of people there).
const UNREAD_ELEMENTS = new Set(['script', 'style', 'template', 'noscript']);
// Node.* constants by value: the background imports this file, and a service worker has no `Node`.
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/**
 * An element's text without the text of script, style, template and noscript elements in it;
 * stops after `limit` characters so a hostile megabyte costs nothing to clean.
 */
export function readableText(root: Element, limit = 1000): string {
  let text = '';
  const pending: Node[] = [root];
  while (pending.length > 0 && text.length < limit) {
    const node = pending.pop()!;
    if (node.nodeType === TEXT_NODE) {
      text += (node.nodeValue ?? '').slice(0, limit - text.length);
    } else if (node.nodeType === ELEMENT_NODE && !UNREAD_ELEMENTS.has((node as Element).localName)) {
      // Children go on the stack last-first so they come off in document order.
      for (let child = node.lastChild; child; child = child.previousSibling) pending.push(child);
    }
  }
  return text;
}
