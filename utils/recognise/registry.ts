import { gmailRecogniser } from './gmail';
import type { Recogniser } from './types';

/** Every recogniser Tend has; tests/dom/registry.test.ts checks each has a fixture. */
export const recognisers: readonly Recogniser[] = [gmailRecogniser];

/** The recognisers that apply to a page. */
export function recognisersFor(url: URL): Recogniser[] {
  return recognisers.filter((recogniser) => recogniser.matches(url));
}
