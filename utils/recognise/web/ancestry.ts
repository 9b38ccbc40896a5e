/**
 * Which card or item an element belongs to: its nearest ancestor of a kind. Person markup asks
 * this for every property element; on a page nesting hundreds deep, walking up afresh for each
 * would cost properties x depth, so answers are remembered for every element passed on the way.
 */

/** The nearest ancestor element (not the node itself) that is of the kind, or null. */
export type NearestAncestor = (node: Node) => Element | null;

/** A lookup for one reading of the page: the DOM must not change while it is used. */
export function nearestAncestorLookup(isOfKind: (element: Element) => boolean): NearestAncestor {
  // For elements that are not of the kind: the nearest of the kind at or above them.
  const answers = new Map<Element, Element | null>();
  const unanswered: Element[] = [];
  return (node) => {
    let found: Element | null = null;
    for (let parent = node.parentElement; parent; parent = parent.parentElement) {
      const known = answers.get(parent);
      if (known !== undefined) {
        found = known;
        break;
      }
      if (isOfKind(parent)) {
        found = parent;
        break;
      }
      unanswered.push(parent);
    }
    // Everything passed on the way up has the same answer.
    for (const parent of unanswered) answers.set(parent, found);
    unanswered.length = 0;
    return found;
  };
}
