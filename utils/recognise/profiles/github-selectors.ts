/**
 * GitHub profile pages, as their schema.org Person microdata shows them. Each selector is proven
 * by a fixture in tests/fixtures/github/ (tests/dom/github.test.ts); change both together.
 */
export const githubSelectors = {
  /** The profile's vcard: the item whose properties describe the person the page is about. */
  person: '[itemscope][itemtype$="schema.org/Person"]',
  /** Any item scope: a property belongs to the nearest one above it. */
  itemScope: '[itemscope]',
  /** The display name the user chose; may be empty. */
  name: '[itemprop~="name"]',
  /** The login, shown under the name. */
  login: '[itemprop~="additionalName"]',
  /** The public email, shown only when the user publishes one (and to signed-in viewers). */
  email: 'a.u-email[href]',
} as const;

/**
 * First path segments that are GitHub's own pages, not users, though they have a login's shape.
 * Not exhaustive: a page without Person microdata yields nobody anyway; this keeps the
 * recogniser from even looking on GitHub's busiest pages.
 */
export const githubSitePaths: ReadonlySet<string> = new Set([
  'about',
  'account',
  'codespaces',
  'collections',
  'contact',
  'customer-stories',
  'dashboard',
  'enterprise',
  'events',
  'explore',
  'features',
  'issues',
  'login',
  'logout',
  'marketplace',
  'new',
  'notifications',
  'orgs',
  'organizations',
  'pricing',
  'pulls',
  'search',
  'security',
  'settings',
  'signup',
  'sponsors',
  'stars',
  'team',
  'topics',
  'trending',
  'watching',
]);
