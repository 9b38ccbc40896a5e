import { isPageOf, SITES, type SiteId } from '../sites';
import { googleCalendarRecogniser } from './calendar/google';
import { outlookCalendarRecogniser } from './calendar/outlook';
import { githubRecogniser } from './profiles/github';
import { gmailRecogniser } from './gmail/recogniser';
import { linkedinRecogniser } from './profiles/linkedin';
import { outlookRecogniser } from './outlook/recogniser';
import type { Recogniser } from './shared/types';
import { webRecogniser } from './web/recogniser';

/**
 * The recogniser of each site (utils/sites), by the site's id: a site without a recogniser, or a
 * recogniser under another site's id, does not compile (tests/dom/registry.test.ts checks too).
 */
export const recogniserOf: { readonly [Id in SiteId]: Recogniser<Id> } = {
  gmail: gmailRecogniser,
  'outlook-calendar': outlookCalendarRecogniser,
  outlook: outlookRecogniser,
  'google-calendar': googleCalendarRecogniser,
  github: githubRecogniser,
  linkedin: linkedinRecogniser,
  web: webRecogniser,
};

/** Every recogniser Tend has, in the order of the sites. */
export const recognisers: readonly Recogniser[] = SITES.map((site) => recogniserOf[site.id]);

/**
 * Does the recogniser read people from this page? Its own narrower rule when it has one (a
 * profile site's profile pages), else any page of its site's match patterns.
 */
export function readsPage(recogniser: Recogniser, url: URL): boolean {
  if (recogniser.matches) return recogniser.matches(url);
  const site = SITES.find((candidate) => candidate.id === recogniser.id);
  return site !== undefined && isPageOf(site, url);
}

/** Recognisers for sites Tend knows by name; each owns its pages. */
const siteRecognisers = recognisers.filter((recogniser) => recogniser !== webRecogniser);

/** The recogniser for a page: its site's own, else the generic web one (any http(s) page). */
export function recogniserFor(url: URL): Recogniser | undefined {
  return siteRecognisers.find((recogniser) => readsPage(recogniser, url)) ?? (readsPage(webRecogniser, url) ? webRecogniser : undefined);
}
