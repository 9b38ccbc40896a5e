import type { Candidate } from '../../model/records';
import { cleanName } from '../../identity/addresses';
import { linkedinSelectors as sel } from './linkedin-selectors';
import { canonicalHost, canonicalProfileUrl, readableText } from '../../identity/profile-url';
import { LINKEDIN_HOST, LINKEDIN_PROFILE_PREFIX } from '../../sites/linkedin';
import { NO_FINDINGS, type PageFindings, type Recogniser } from '../shared/types';

/** `/in/<id>` with an optional trailing slash: sub-pages are other pages, not the profile. */
const PROFILE_PATH = new RegExp(`^/${LINKEDIN_PROFILE_PREFIX}/([^/]+)/?$`);
/** The profile URL of a LinkedIn id segment, written on the canonical host. */
const profileUrlOf = (segment: string) => `https://${LINKEDIN_HOST}/${LINKEDIN_PROFILE_PREFIX}/${segment}`;
// Links from search and messaging carry an opaque, case-sensitive member URN instead of the public
// id; it names the same person as the public id, so it must not become a second identity.
const MEMBER_URN = /^ACoA[A-Za-z0-9_-]{20,}$/;

/**
 * The id segment of a LinkedIn profile URL (`/in/<id>` with an optional trailing slash, on
 * linkedin.com or a country host), or undefined for every other page, sub-pages included.
 */
export function linkedinProfileSegment(url: URL): string | undefined {
  if (url.protocol !== 'https:' || canonicalHost(url.hostname) !== LINKEDIN_HOST) return undefined;
  const segment = PROFILE_PATH.exec(url.pathname)?.[1];
  return segment && canonicalProfileUrl(profileUrlOf(segment)) ? segment : undefined;
}

/** The canonical link's profile URL, when the page declares one that is a LinkedIn profile. */
function declaredProfileUrl(doc: Document, url: URL): string | undefined {
  const href = doc.querySelector(sel.canonicalLink)?.getAttribute('href');
  if (!href) return undefined;
  let resolved: URL;
  try {
    resolved = new URL(href, url);
  } catch {
    return undefined;
  }
  const segment = linkedinProfileSegment(resolved);
  return segment && !MEMBER_URN.test(segment) ? canonicalProfileUrl(resolved.href) : undefined;
}

/** The profile's name: the main content's first heading, else the first outside page furniture. */
function profileName(doc: Document): string | undefined {
  const heading = doc.querySelector(sel.mainHeading) ?? [...doc.querySelectorAll(sel.anyHeading)].find((h1) => !h1.closest(sel.furniture));
  return heading ? cleanName(readableText(heading)) : undefined;
}

/**
 * The person a LinkedIn profile page is about: name from the main heading, profile URL from the
 * page URL (always the page shown, even after in-app navigation left the head stale), or from
 * the canonical link when the URL carries a member URN. No email: profiles do not show one.
 */
export function findPersonOnLinkedinProfile(doc: Document, url: URL): PageFindings {
  const segment = linkedinProfileSegment(url);
  if (!segment) return NO_FINDINGS;
  // No heading yet means the profile has not rendered: report nobody rather than a nameless person.
  const name = profileName(doc);
  if (!name) return NO_FINDINGS;
  const profileUrl = MEMBER_URN.test(segment) ? declaredProfileUrl(doc, url) : canonicalProfileUrl(profileUrlOf(segment));
  const person: Candidate = { name, role: 'profile' };
  if (profileUrl) person.profileUrl = profileUrl;
  return { people: [person], self: [] };
}

/** LinkedIn profile pages (/in/<id>), read only: one person, named by the page's main heading. */
export const linkedinRecogniser: Recogniser<'linkedin'> = {
  id: 'linkedin',
  matches: (url) => linkedinProfileSegment(url) !== undefined,
  find: findPersonOnLinkedinProfile,
};
