import { isDeclaredPage } from '../../utils/sites';

/**
 * What the side panel can say about a tab with no one on it:
 * `site`: a page Tend reads by itself (a mail or profile site); `unread`: a page Tend may read when
 * asked, or whose address it cannot see (no access yet, which is every ordinary page before a
 * click); `tend`: one of Tend's own pages; `browser`: Chrome's own pages; `store`: the Web Store;
 * `file`: a file on this computer.
 */
export type PageKind = 'site' | 'unread' | 'tend' | 'browser' | 'store' | 'file';

const BROWSER_SCHEMES = new Set(['chrome:', 'chrome-extension:', 'edge:', 'about:', 'devtools:', 'view-source:', 'chrome-untrusted:', 'chrome-search:']);
const STORE = [/^chromewebstore\.google\.com$/, /^chrome\.google\.com$/];

/** The kind of page at `href` (undefined when Chrome does not show Tend the tab's address). */
export function pageKind(href: string | undefined, ownOrigin: string): PageKind {
  if (!href) return 'unread';
  if (href.startsWith(ownOrigin)) return 'tend';
  if (isDeclaredPage(href)) return 'site';
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return 'unread';
  }
  if (url.protocol === 'file:') return 'file';
  if (BROWSER_SCHEMES.has(url.protocol)) return 'browser';
  if (STORE.some((host) => host.test(url.hostname)) && (url.hostname !== 'chrome.google.com' || url.pathname.startsWith('/webstore'))) return 'store';
  return 'unread';
}
