/**
 * Addresses in the text a reader sees on a page, read in slices of bounded work. The walk asks
 * each text node for its text and one search for `@`, nothing more; only the few nodes holding
 * an `@` have their ancestors judged (script, hidden...) and their text scanned closely.
 */
import { type NearestAncestor, nearestAncestorLookup } from './web-ancestry';
import { ADDRESS_WORK, NODE_WORK, runAllSlices, SLICE_WORK, type Slices } from './web-slices';
import { addressAround } from './web-text-scan';

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
 * of the page goes through this loop, so it is kept small and apart from the rest.
 */
function nextTextWithAt(walker: TreeWalker, progress: SliceProgress): Text | null | undefined {
  let work = progress.work;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const data = node.data;
    // Shorter than `a@b.c` holds no address: most such nodes are whitespace between tags.
    if (data.length >= 5 && data.includes('@')) {
      progress.work = work;
      return node;
    }
    work += NODE_WORK + data.length;
    if (work >= SLICE_WORK) {
      progress.work = work;
      return undefined;
    }
  }
  progress.work = work;
  return null;
}

/**
 * One scan of the visible text under a root, resumable after any slice. Its state lives here
 * rather than in a generator's locals: engines optimise a plain method's loops better.
 */
class VisibleTextScan {
  private readonly found = new Set<string>();
  private readonly walker: TreeWalker;
  /** The nearest element above a node that hides it, or `root` when none does. */
  private readonly hiderOf: NearestAncestor;
  private readonly progress: SliceProgress = { work: 0 };
  private budget = MAX_TEXT_CHARS;
  // The node being read (a slice may end inside a long one): its text, the next `@` to look
  // at (-1 between nodes) and how much of the text the work count has covered.
  private text = '';
  private nextAt = -1;
  private counted = 0;

  constructor(
    private readonly root: Element,
    skip: (element: Element) => boolean,
    private readonly limit: number,
  ) {
    // Text nodes only: judging every element on the way would cost more than reading the text.
    this.walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    // Asked only for text holding an `@`, and remembered per element: each is judged once.
    this.hiderOf = nearestAncestorLookup(
      (element) => element === root || UNREAD_ELEMENTS.has(element.localName) || isHiddenElement(element) || skip(element),
    );
  }

  /** Read on for one slice of work; true when the scan has finished. */
  readSlice(): boolean {
    this.progress.work = 0;
    for (;;) {
      if (this.found.size >= this.limit) return true;
      if (this.nextAt >= 0) {
        this.readAddresses();
      } else {
        if (this.budget <= 0) return true;
        const node = nextTextWithAt(this.walker, this.progress);
        if (node === null) return true;
        if (node) this.startNode(node);
      }
      if (this.progress.work >= SLICE_WORK) return false;
    }
  }

  /** The distinct addresses found, in page order. */
  addresses(): string[] {
    return [...this.found];
  }

  private startNode(node: Text): void {
    const data = node.data;
    // Outside `root` (moved while the scan yielded) counts as hidden too.
    if (this.hiderOf(node) !== this.root) {
      this.progress.work += NODE_WORK + data.length;
      return;
    }
    this.text = data.length > this.budget ? data.slice(0, this.budget) : data;
    this.budget -= this.text.length;
    this.counted = 0;
    this.nextAt = this.text.indexOf('@');
    this.progress.work += NODE_WORK;
  }

  /** The addresses around this node's `@`s, until the node or the slice's work ends. */
  private readAddresses(): void {
    const { text, found, limit, progress } = this;
    let at = this.nextAt;
    while (at >= 0 && found.size < limit && progress.work < SLICE_WORK) {
      const address = addressAround(text, at);
      if (address) found.add(address);
      // The text between `@`s is searched natively; the work near each `@` is bounded.
      progress.work += ADDRESS_WORK + at - this.counted;
      this.counted = at;
      at = text.indexOf('@', at + 1);
    }
    if (at < 0) progress.work += text.length - this.counted;
    this.nextAt = at;
  }
}

/**
 * Distinct addresses in the text a reader sees under `root`, in page order, in slices of
 * bounded work (a long text node is split between slices too). Script, style, template,
 * noscript, textarea and hidden subtrees are skipped, and so are elements `skip` claims
 * (already read another way).
 */
export function* visibleTextAddressesInSlices(root: Element, skip: (element: Element) => boolean, limit: number): Slices<string[]> {
  const scan = new VisibleTextScan(root, skip, limit);
  while (!scan.readSlice()) yield;
  return scan.addresses();
}

/** `visibleTextAddressesInSlices` in one go. */
export function findAddressesInVisibleText(root: Element, skip: (element: Element) => boolean, limit: number): string[] {
  return runAllSlices(visibleTextAddressesInSlices(root, skip, limit));
}
