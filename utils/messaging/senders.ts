import type { Browser } from 'wxt/browser';
import { isPageOf, SITES, type SiteId } from '../sites';
import type { ContentRequest } from './protocol';

/** A content script's sender as the browser describes it: its tab, its page and the site that page belongs to. */
export interface ContentSender {
  role: 'content';
  tabId: number;
  /** The top frame's URL, from the browser (never from the message). */
  pageUrl: string;
  /** The site whose descriptor covers that URL (utils/sites); "web" for any other http(s) page. */
  site: SiteId;
}

/** Who sent a message, as far as the router's permission checks are concerned. */
export type SenderRole = ContentSender | { role: 'page' } | { role: 'foreign'; why: string };

/**
 * The site a content script's page belongs to, from the browser's account of the sender: its URL
 * must be http(s) (not about:blank, srcdoc, data: or blob:), and its origin, when the browser
 * gives one, must be that URL's. The first descriptor whose pages include the URL names the site
 * (the generic reader's "web" comes last and takes any other http(s) page).
 */
export function siteOfSender(sender: Pick<Browser.runtime.MessageSender, 'url' | 'origin'>): { site: SiteId; url: URL } | { why: string } {
  if (!sender.url) return { why: 'content message without a page URL' };
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return { why: `content message from an unreadable URL ${sender.url.slice(0, 200)}` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { why: `content message from a ${url.protocol} page` };
  if (sender.origin !== undefined && sender.origin !== url.origin) {
    return { why: `content message whose origin ${sender.origin.slice(0, 200)} is not its page's (${url.origin})` };
  }
  const site = SITES.find((descriptor) => isPageOf(descriptor, url));
  return site ? { site: site.id, url } : { why: `content message from ${url.origin}, a page no site of Tend covers` };
}

/**
 * Classify a sender: our own extension pages (side panel, popup, options) by their origin; our
 * own content scripts by a tab, the top frame and a web URL, which also names their site;
 * anything else is foreign and is refused.
 */
export function classifySender(sender: Browser.runtime.MessageSender, extensionId: string, extensionOrigin: string): SenderRole {
  if (sender.id !== extensionId) return { role: 'foreign', why: `sender id ${String(sender.id)} is not Tend` };
  const url = sender.url ?? '';
  if (url.startsWith(extensionOrigin)) return { role: 'page' };
  const tabId = sender.tab?.id;
  if (tabId === undefined || tabId < 0) return { role: 'foreign', why: 'content message without a tab' };
  // Only the top frame speaks for a tab: an embedded frame must not set the tab's people.
  if (sender.frameId !== 0) return { role: 'foreign', why: 'message from a sub-frame' };
  const page = siteOfSender(sender);
  if ('why' in page) return { role: 'foreign', why: page.why };
  return { role: 'content', tabId, pageUrl: url, site: page.site };
}

const originOf = (href: string): string | undefined => {
  try {
    return new URL(href).origin;
  } catch {
    return undefined;
  }
};

/**
 * Why a content script's report claims more than its sender may say, or undefined when it does
 * not: the site it names must be its page's site, the page URL it gives must be on its page's
 * origin, only a webmail's own script may name a mail thread (of that webmail), only a
 * calendar's own script an event (of that calendar), and only either the user's own
 * addresses. Checked before any handler runs, so a refused report writes nothing.
 */
export function overreachOf(request: ContentRequest, sender: ContentSender): string | undefined {
  const origin = new URL(sender.pageUrl).origin;
  if (request.site !== sender.site) return `a content script on ${origin} (site "${sender.site}") claimed site "${request.site.slice(0, 64)}"`;
  if (originOf(request.page.url) !== origin) return `a content script on ${origin} claimed a page at ${request.page.url.slice(0, 200)}`;
  const mail = SITES.find((site) => site.id === sender.site)?.mail === true;
  if (request.thread && !mail) return `a content script on ${origin} (site "${sender.site}") reported a mail thread`;
  if (request.thread && !request.thread.key.startsWith(`${sender.site}:`)) {
    return `a content script of "${sender.site}" reported a thread of another site (${request.thread.key.slice(0, 64)})`;
  }
  const calendar = SITES.find((site) => site.id === sender.site)?.calendar === true;
  if (request.event && !calendar) return `a content script on ${origin} (site "${sender.site}") reported a calendar event`;
  if (request.event && !request.event.key.startsWith(`${sender.site}:`)) {
    return `a content script of "${sender.site}" reported an event of another site (${request.event.key.slice(0, 64)})`;
  }
  if (request.self.length > 0 && !mail && !calendar) return `a content script on ${origin} (site "${sender.site}") claimed the user's own addresses`;
  return undefined;
}
