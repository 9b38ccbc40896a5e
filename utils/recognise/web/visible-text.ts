/**
 * Addresses in the text a reader sees on a page, read in slices of bounded work. The walk asks
 * each text node for its text and one search for `@`, nothing more, and steps over paragraphs
 * whose whole text holds no `@` (web/paragraphs.ts); only the few nodes holding an `@` have
 * their ancestors judged (script, hidden...) and their text scanned closely.
 */
import { nearestAncestorLookup } from './ancestry';
import { type ParagraphSkipper, paragraphSkipper } from './paragraphs';
import { ADDRESS_WORK, NODE_WORK, runAllSlices, SLICE_WORK, type Slices } from './slices';
import { addressAround } from './text-scan';

/** Text holding an `@` read per page at most: enough for any article, bounded for a hostile megabyte. */
const MAX_TEXT_CHARS = 2_000_000;

// Text inside these is code, inert markup or the user's own typing, never what the page shows.
const UNREAD_ELEMENTS = new Set(['script', 'style', 'template', 'noscript', 'textarea', 'iframe', 'object']);
const HIDING_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

/** True for an element whose subtree a reader cannot see (hidden, aria-hidden, inline display:none). */
export function isHiddenElement(element: Element): boolean {
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  const style = element.getAttribute('style');
  return style !== null && HIDING_STYLE.test(style.slice(0, 1000));
}

/** Work done so far in the current slice. */
interface SliceProgress {
  work: number;
}

/**
 * Walk on to the next text node that may hold an address (an `@` in 5 or more characters):
 * null at the end of the page, undefined when the slice's work ran out first. Every text node
 * of the page goes through this loop, so it is kept small and apart from the rest; paragraphs
 * with no `@` are stepped over whole (web/paragraphs.ts).
 */
function nextTextWithAt(walker: TreeWalker, paragraphs: ParagraphSkipper, progress: SliceProgress): Text | null | undefined {
  let work = progress.work;
  // The page may have changed since the last call (the scan yields between slices).
  paragraphs.refresh();
  let start = paragraphs.start;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    let read = -1;
    if (node === start) {
      read = paragraphs.skip(walker);
      start = paragraphs.start;
    }
    if (read < 0) {
      const data = node.data;
      // Shorter than `a@b.c` holds no address: most such nodes are whitespace between tags.
      if (data.length >= 5 && data.includes('@')) {
        progress.work = work;
        return node;
      }
      read = data.length;
    }
    work += NODE_WORK + read;
    if (work >= SLICE_WORK) {
      progress.work = work;
      return undefined;
    }
  }
  progress.work = work;
  return null;
}

/**
 * One scan of the visible text under a root, resumable after any slice: `readSlice` reads on
 * for one slice of work and is true when the scan has finished. Its state lives in this closure
 * rather than in a generator's locals: engines optimise a plain function's loops better (and
 * closure names minify in the content script).
 */
function visibleTextScan(root: Element, skip: (element: Element) => boolean, limit: number) {
  const found = new Set<string>();
  // Text nodes only: judging every element on the way would cost more than reading the text.
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const paragraphs = paragraphSkipper(root);
  // The nearest element above a node that hides it, or `root` when none does. Asked only for
  // text holding an `@`, and remembered per element: each is judged once.
  const hiderOf = nearestAncestorLookup((element) => element === root || UNREAD_ELEMENTS.has(element.localName) || isHiddenElement(element) || skip(element));
  const progress: SliceProgress = { work: 0 };
  let budget = MAX_TEXT_CHARS;
  // The node being read (a slice may end inside a long one): its text, the next `@` to look
  // at (-1 between nodes) and how much of the text the work count has covered.
  let text = '';
  let nextAt = -1;
  let counted = 0;

  const startNode = (node: Text) => {
    const data = node.data;
    progress.work += NODE_WORK;
    // Outside `root` (moved while the scan yielded) counts as hidden too.
    if (hiderOf(node) !== root) {
      progress.work += data.length;
      return;
    }
    text = data.length > budget ? data.slice(0, budget) : data;
    budget -= text.length;
    counted = 0;
    nextAt = text.indexOf('@');
  };

  /** The addresses around this node's `@`s, until the node or the slice's work ends. */
  const readAddresses = () => {
    while (nextAt >= 0 && found.size < limit && progress.work < SLICE_WORK) {
      const address = addressAround(text, nextAt);
      if (address) found.add(address);
      // The text between `@`s is searched natively; the work near each `@` is bounded.
      progress.work += ADDRESS_WORK + nextAt - counted;
      counted = nextAt;
      nextAt = text.indexOf('@', nextAt + 1);
    }
    if (nextAt < 0) progress.work += text.length - counted;
  };

  return {
    /** The distinct addresses found, in page order. */
    found,
    readSlice(): boolean {
      progress.work = 0;
      for (;;) {
        if (found.size >= limit) return true;
        if (nextAt >= 0) {
          readAddresses();
        } else {
          if (budget <= 0) return true;
          const node = nextTextWithAt(walker, paragraphs, progress);
          if (node === null) return true;
          if (node) startNode(node);
        }
        if (progress.work >= SLICE_WORK) return false;
      }
    },
  };
}

/**
 * Distinct addresses in the text a reader sees under `root`, in page order, in slices of
 * bounded work (a long text node is split between slices too). Script, style, template,
 * noscript, textarea and hidden subtrees are skipped, and so are elements `skip` claims
 * (already read another way).
 */
export function* visibleTextAddressesInSlices(root: Element, skip: (element: Element) => boolean, limit: number): Slices<string[]> {
  const scan = visibleTextScan(root, skip, limit);
  while (!scan.readSlice()) yield;
  return [...scan.found];
}

/** `visibleTextAddressesInSlices` in one go. */
export function findAddressesInVisibleText(root: Element, skip: (element: Element) => boolean, limit: number): string[] {
  return runAllSlices(visibleTextAddressesInSlices(root, skip, limit));
}
