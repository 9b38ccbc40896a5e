import { githubRecogniser } from './github';
import { gmailRecogniser } from './gmail';
import { linkedinRecogniser } from './linkedin';
import { outlookRecogniser } from './outlook';
import type { Recogniser } from './types';
import { webRecogniser } from './web';

/** Recognisers for sites Tend knows by name; each owns its pages. */
const siteRecognisers: readonly Recogniser[] = [gmailRecogniser, outlookRecogniser, githubRecogniser, linkedinRecogniser];

/** Every recogniser Tend has; tests/dom/registry.test.ts checks each has fixtures and a test. */
export const recognisers: readonly Recogniser[] = [...siteRecognisers, webRecogniser];

/** The recogniser for a page: its site's own, else the generic web one (any http(s) page). */
export function recogniserFor(url: URL): Recogniser | undefined {
  return siteRecognisers.find((recogniser) => recogniser.matches(url)) ?? (webRecogniser.matches(url) ? webRecogniser : undefined);
}
