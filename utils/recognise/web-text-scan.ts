/**
 * Addresses in a page's visible text. The scanner finds each `@` and expands a bounded distance
 * either side (local part <= 64, labels <= 63, domain <= 253), so its cost is linear in the text
 * however the page is crafted; email regexes from popular libraries backtrack on such pages.
 */
import { toEmailAddress } from './addresses';

const MAX_LOCAL_PART = 64;
const MAX_LABEL = 63;
const MAX_DOMAIN = 253;

/** Text read per page at most: enough for any article, bounded for a hostile megabyte. */
const MAX_TEXT_CHARS = 2_000_000;

// Letters, digits and marks in any script; tested one UTF-16 unit at a time, so bounded.
const UNICODE_WORD = /^[\p{L}\p{N}\p{M}]$/u;

function isWordChar(code: number, char: string): boolean {
  if (code < 0x80) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return UNICODE_WORD.test(char);
}

// Only the local-part punctuation people write in prose: quotes, slashes and `=` around an
// address in text are far more often punctuation than part of it.
function isLocalChar(code: number, char: string): boolean {
  return isWordChar(code, char) || code === 46 || code === 95 || code === 37 || code === 43 || code === 45; // . _ % + -
}

// `icon@2x.png` has the shape of an address; these endings are file names, not domains.
const FILE_ENDINGS = new Set(['png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'avif', 'ico', 'css', 'js', 'mjs', 'json', 'map']);

/** The address whose `@` is at `at`, or undefined when the text around it is not one. */
function addressAround(text: string, at: number): string | undefined {
  let start = at;
  // One step past the limit tells a too-long run (not an address) from a limit-long one.
  while (start > 0 && at - start <= MAX_LOCAL_PART && isLocalChar(text.charCodeAt(start - 1), text.charAt(start - 1))) start--;
  if (at - start > MAX_LOCAL_PART) return undefined;
  // Glued to another `@` (`a@b.com@c.org`): no way to tell which address was meant.
  if (text.charAt(start - 1) === '@') return undefined;
  while (start < at && text.charAt(start) === '.') start++; // Sentence punctuation before the address.
  if (start === at) return undefined;

  let end = at + 1;
  let labelLength = 0;
  while (end < text.length && end - at - 1 <= MAX_DOMAIN) {
    const code = text.charCodeAt(end);
    if (code === 46) {
      if (labelLength === 0) break;
      labelLength = 0;
    } else if (isWordChar(code, text.charAt(end)) || code === 45) {
      if (++labelLength > MAX_LABEL) return undefined;
    } else break;
    end++;
  }
  if (end - at - 1 > MAX_DOMAIN || text.charAt(end) === '@') return undefined;
  while (end > at + 1 && text.charAt(end - 1) === '.') end--; // A full stop ending the sentence.
  const address = toEmailAddress(text.slice(start, end));
  const ending = address?.slice(address.lastIndexOf('.') + 1);
  return ending && FILE_ENDINGS.has(ending) ? undefined : address;
}

/** Addresses in plain text, normalised, in order, repeats kept; linear time on any input. */
export function findAddressesInText(text: string, limit = Number.POSITIVE_INFINITY): string[] {
  const found: string[] = [];
  for (let at = text.indexOf('@'); at >= 0 && found.length < limit; at = text.indexOf('@', at + 1)) {
    const address = addressAround(text, at);
    if (address) found.push(address);
  }
  return found;
}

// Text inside these is code, inert markup or the user's own typing, never what the page shows.
const UNREAD_ELEMENTS = new Set(['script', 'style', 'template', 'noscript', 'textarea', 'iframe', 'object']);
const HIDING_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

/** True for an element whose subtree a reader cannot see (hidden, aria-hidden, inline display:none). */
export function isHiddenElement(element: Element): boolean {
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  const style = element.getAttribute('style');
  return style !== null && HIDING_STYLE.test(style.slice(0, 1000));
}

/**
 * Distinct addresses in the text a reader sees under `root`, in page order: script, style,
 * template, noscript, textarea and hidden subtrees are skipped, and so are elements `skip`
 * claims (already read another way).
 */
export function findAddressesInVisibleText(root: Element, skip: (element: Element) => boolean, limit: number): string[] {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === Node.TEXT_NODE) return node.nodeValue?.includes('@') ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
      const element = node as Element;
      // Rejecting an element skips its whole subtree.
      if (UNREAD_ELEMENTS.has(element.localName) || isHiddenElement(element) || skip(element)) return NodeFilter.FILTER_REJECT;
      return NodeFilter.FILTER_SKIP;
    },
  });
  const found = new Set<string>();
  let budget = MAX_TEXT_CHARS;
  for (let node = walker.nextNode(); node && budget > 0 && found.size < limit; node = walker.nextNode()) {
    const text = (node.nodeValue ?? '').slice(0, budget);
    budget -= text.length;
    for (const address of findAddressesInText(text)) {
      if (found.size >= limit) break;
      found.add(address);
    }
  }
  return [...found];
}
