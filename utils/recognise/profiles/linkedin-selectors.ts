/**
 * LinkedIn profile pages (signed-in and public views). Each selector is proven by a fixture in
 * tests/fixtures/linkedin/ (tests/dom/linkedin.test.ts); change both together. Read only:
 * Tend never injects anything into LinkedIn pages.
 */
export const linkedinSelectors = {
  /** The profile's name: the heading of the main content, in both views. */
  mainHeading: 'main h1',
  /** Any page heading, when LinkedIn renders the profile without a `main` landmark. */
  anyHeading: 'h1',
  /** Page furniture whose headings are never the profile's name. */
  furniture: 'header, nav, aside, footer, [role="dialog"]',
  /** The profile's own address, with its public id even when the URL carries a member URN. */
  canonicalLink: 'link[rel~="canonical"][href]',
} as const;
