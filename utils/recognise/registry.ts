import { githubRecogniser } from './profiles/github';
import { gmailRecogniser } from './gmail/recogniser';
import { linkedinRecogniser } from './profiles/linkedin';
import { outlookRecogniser } from './outlook/recogniser';
import type { Recogniser } from './shared/types';
import { webRecogniser } from './web/recogniser';

/** Recognisers for sites Tend knows by name; each owns its pages. */
const siteRecognisers: readonly Recogniser[] = [gmailRecogniser, outlookRecogniser, githubRecogniser, linkedinRecogniser];

/** Every recogniser Tend has; tests/dom/registry.test.ts checks each has fixtures and a test. */
export const recognisers: readonly Recogniser[] = [...siteRecognisers, webRecogniser];

/** The recogniser for a page: its site's own, else the generic web one (any http(s) page). */
export function recogniserFor(url: URL): Recogniser | undefined {
  return siteRecognisers.find((recogniser) => recogniser.matches(url)) ?? (webRecogniser.matches(url) ? webRecogniser : undefined);
}
