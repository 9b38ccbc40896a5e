/**
 * Whole paragraphs for the visible-text scan. An article's prose sits in `<p>` elements woven
 * with links, emphasis and code into many text nodes each; one native `textContent` of the
 * paragraph costs less than asking each node for its text and searching it, and a paragraph
 * with no `@` anywhere in its text holds no address, so the walk steps over it. Reading whole
 * costs by the character what the walk costs by the node, so it pays only where nodes are many
 * (measured in Chromium: in paragraphs of 600 characters, from about seven text nodes, three
 * elements). Counting a paragraph's elements costs nearly as much as it saves, so a few are
 * counted for the paragraphs that follow them: where most of those few have three elements or
 * more, the next paragraphs are read whole; where not, they are left to the walk, and the next
 * time twice as many. Plain pages (and hostile ones) pay almost nothing for this.
 * Whatever this skips or misses, the walk reads node by node: the answer never depends on it.
 * (State lives in a closure: its names minify, and this ships in the web content script.)
 */

/** Paragraphs whose elements are counted to decide for the next ones... */
const SAMPLE = 8;
/** ...as many as this after a sample of rich ones (twice as many as the last after a poor one). */
const SAMPLED_FOR = 64;

/** Three elements or more (seven text nodes or more), and text first: see above. */
const worthReadingWhole = (paragraph: Element | undefined) => paragraph?.firstChild instanceof Text && paragraph.childElementCount > 2;

/** The paragraphs under a root, in page order, offered to a TreeWalker of its text nodes. */
export interface ParagraphSkipper {
  /** The next paragraph's first child, when that is text: the walk calls `skip` when it gets there. */
  start: Text | null;
  /**
   * The walk is at `start`: when the paragraph holds no `@`, the walk is moved past it (its next
   * node is the first after the paragraph) and the characters stepped over are returned (work
   * for the slice count); -1 when the walk must read it node by node.
   */
  skip(walker: TreeWalker): number;
  /** Take `start` afresh from the page, as it may have changed while the scan yielded. */
  refresh(): void;
}

/** A skipper for the paragraphs under `root`. */
export function paragraphSkipper(root: Element): ParagraphSkipper {
  const paragraphs = root.getElementsByTagName('p');
  let index = 0;
  /** Where the paragraphs the last sample decided for end, and how many the next one decides for. */
  let decidedUntil = 0;
  let decidesFor = SAMPLED_FOR;
  let paragraph: Element | undefined;
  /** The last paragraph holding an `@`, which the walk reads node by node. */
  let open: Element | undefined;

  const skipper: ParagraphSkipper = {
    start: null,
    skip(walker) {
      const current = paragraph!;
      index++;
      skipper.refresh();
      // A paragraph inside one read node by node (nested by a script or a quirks-mode table) is
      // read with it: no text is read whole twice, however deep paragraphs nest.
      if (open?.contains(current)) return -1;
      open = undefined;
      const text = current.textContent!;
      if (text.includes('@')) {
        open = current;
        return -1;
      }
      // The walk goes on after the paragraph: past the whitespace that most often follows it (too
      // short to hold an address, as its length shows without its text), or from its last text.
      const next = current.nextSibling;
      if (next instanceof Text && next.length < 5) walker.currentNode = next;
      else {
        walker.currentNode = current;
        walker.lastChild();
      }
      return text.length;
    },
    refresh() {
      let first: ChildNode | null = null;
      for (; (paragraph = paragraphs[index]); index++) {
        if (index >= decidedUntil) {
          let rich = 0;
          for (let sampled = index; sampled < index + SAMPLE; sampled++) if (worthReadingWhole(paragraphs[sampled])) rich++;
          decidedUntil = index + decidesFor;
          if (rich * 2 > SAMPLE) decidesFor = SAMPLED_FOR;
          else {
            decidesFor *= 2;
            index = decidedUntil - 1;
            continue;
          }
        }
        // Text first, so that the walk can tell when it gets there. (Windows of paragraphs that do
        // not start with text sample poor: this loop never runs long inside a slice.)
        if ((first = paragraph.firstChild) instanceof Text) break;
      }
      skipper.start = paragraph ? (first as Text) : null;
    },
  };
  skipper.refresh();
  return skipper;
}
