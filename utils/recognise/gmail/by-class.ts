/**
 * Gmail markup found through live class collections (getElementsByClassName) instead of selector
 * queries. Every scan asks "which messages are open?", "did the view change?": the browser keeps
 * these collections current between scans, and only their few members are matched against the
 * selector, where a query would match a selector list against every element of the page. The
 * class must be one the selector requires.
 */

const isElement = (root: Document | Element): root is Element => root.nodeType === 1;

/** The elements at or under `root` that have `className` and match `selector`, in page order; at most `limit`. */
export function matchesByClass(root: Document | Element, className: string, selector: string, limit = Infinity): Element[] {
  const found: Element[] = isElement(root) && root.matches(selector) ? [root] : [];
  const candidates = root.getElementsByClassName(className);
  for (let i = 0; i < candidates.length && found.length < limit; i++) {
    const candidate = candidates[i]!;
    if (candidate.matches(selector)) found.push(candidate);
  }
  return found;
}
