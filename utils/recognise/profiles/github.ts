import type { Candidate } from '../../model/records';
import { cleanName, toEmailAddress } from '../../identity/addresses';
import { githubSelectors as sel, githubSitePaths } from './github-selectors';
import { canonicalHost, canonicalProfileUrl, readableText } from '../../identity/profile-url';
import { GITHUB_HOST, GITHUB_LOGIN } from '../../sites/github';
import { NO_FINDINGS, type PageFindings, type Recogniser } from '../shared/types';

/**
 * The login whose profile a GitHub URL shows (lower-case), or undefined for every other page:
 * a profile is exactly one login-shaped path segment (`/ada-l`, `/ada-l/`, any `?tab=`), so
 * repositories (`/ada-l/engine`) and GitHub's own pages (`/settings`) are not profiles.
 */
export function githubProfileLogin(url: URL): string | undefined {
  if (url.protocol !== 'https:' || canonicalHost(url.hostname) !== GITHUB_HOST) return undefined;
  const login = /^\/([^/]+)\/?$/.exec(url.pathname)?.[1]?.toLowerCase();
  return login && GITHUB_LOGIN.test(login) && !githubSitePaths.has(login) ? login : undefined;
}

/** Elements matching `selector` that belong to `item` itself, not to an item nested inside it. */
function propertiesOf(item: Element, selector: string): Element[] {
  return [...item.querySelectorAll(selector)].filter((element) => !element.hasAttribute('itemscope') && element.parentElement?.closest(sel.itemScope) === item);
}

/** The first property of `item` with readable text, cleaned and capped. */
function textProperty(item: Element, selector: string): string | undefined {
  for (const element of propertiesOf(item, selector)) {
    const text = cleanName(readableText(element));
    if (text) return text;
  }
  return undefined;
}

/** The login as the vcard shows it (GitHub may follow it with pronouns after a space). */
function shownLogin(person: Element): string | undefined {
  return textProperty(person, sel.login)?.split(' ')[0];
}

/** The vcard of the profile's owner: the Person whose login is the URL's, or the only Person. */
function ownerVcard(doc: Document, login: string): Element | undefined {
  const vcards = [...doc.querySelectorAll(sel.person)];
  const byLogin = vcards.find((vcard) => shownLogin(vcard)?.toLowerCase() === login);
  if (byLogin) return byLogin;
  const only = vcards.length === 1 ? vcards[0] : undefined;
  return only && shownLogin(only) === undefined ? only : undefined;
}

/** The person a GitHub profile page is about: name (or login), public email, profile URL. */
export function findPersonOnGithubProfile(doc: Document, url: URL): PageFindings {
  // The profiles content script runs on all of github.com: leave every other page at once.
  const login = githubProfileLogin(url);
  if (!login) return NO_FINDINGS;
  const vcard = ownerVcard(doc, login);
  const profileUrl = canonicalProfileUrl(`https://${GITHUB_HOST}/${login}`);
  if (!vcard || !profileUrl) return NO_FINDINGS;
  const person: Candidate = {
    name: textProperty(vcard, sel.name) ?? shownLogin(vcard) ?? login,
    profileUrl,
    role: 'profile',
  };
  const emailLink = propertiesOf(vcard, sel.email).find((link) => /^mailto:/i.test(link.getAttribute('href') ?? ''));
  const email = toEmailAddress(emailLink?.getAttribute('href'));
  if (email) person.email = email;
  return { people: [person], self: [] };
}

/** GitHub profile pages (github.com/<login>): one person, read from the profile's vcard. */
export const githubRecogniser: Recogniser<'github'> = {
  id: 'github',
  matches: (url) => githubProfileLogin(url) !== undefined,
  find: findPersonOnGithubProfile,
};
