import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { findAddressesInText } from '../../utils/recognise/web/text-scan';
import { findAddressesInVisibleText, isHiddenElement, visibleTextAddressesInSlices } from '../../utils/recognise/web/visible-text';

// The visible-text scan steps over whole paragraphs that hold no `@` (web/paragraphs.ts) when
// they have three elements or more. These tests hold it to a plain node-by-node reading of the
// same text, whatever the paragraphs hold.

const UNREAD = new Set(['script', 'style', 'template', 'noscript', 'textarea', 'iframe', 'object']);

/** The scan's answer read the slow way: every text node, its ancestors judged, its text searched. */
function nodeByNode(root: Element, skip: (element: Element) => boolean, limit: number): string[] {
  const found = new Set<string>();
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node && found.size < limit; node = walker.nextNode()) {
    let hidden = false;
    for (let element = node.parentElement; element && element !== root; element = element.parentElement) {
      if (UNREAD.has(element.localName) || isHiddenElement(element) || skip(element)) hidden = true;
    }
    if (hidden) continue;
    for (const address of findAddressesInText((node as Text).data)) if (found.size < limit) found.add(address);
  }
  return [...found];
}

function page(html: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
}

/** Run the sliced scan to the end; how many times it yielded. */
function sliced(root: Element, limit = 500): { addresses: string[]; yields: number } {
  const slices = visibleTextAddressesInSlices(root, () => false, limit);
  let yields = 0;
  let step = slices.next();
  while (!step.done) {
    yields++;
    step = slices.next();
  }
  return { addresses: step.value, yields };
}

const words = 'the budget review meeting draft report on thursday with'.split(' ');

// Pieces of a paragraph: prose, inline markup, hidden or unread text, addresses in any of them.
const piece = fc.oneof(
  fc.constantFrom(...words).map((word) => `${word} `),
  fc.nat(40).map((n) => `writer${n}@desk${n % 3}.example `),
  fc.constantFrom('<a href="/x">a link</a> ', '<em>stress</em>', '<code>x_y</code>', '<br>'),
  fc.nat(40).map((n) => `<a href="/p">mail me at link${n}@links.example</a> `),
  fc.nat(40).map((n) => `<span hidden>hidden${n}@gone.example</span>`),
  fc.nat(40).map((n) => `<script>var owner = "script${n}@gone.example";</script>`),
  fc.nat(40).map((n) => `<b><i>deep${n}@nested.example</i></b> `),
  fc.constant('a@ '),
);
const paragraph = fc.array(piece, { maxLength: 12 }).map((pieces) => `<p>${pieces.join('')}</p>`);
const block = fc.oneof(
  { weight: 5, arbitrary: paragraph },
  { weight: 1, arbitrary: fc.array(paragraph, { maxLength: 3 }).map((ps) => `<div hidden>${ps.join('')}</div>`) },
  { weight: 1, arbitrary: fc.array(piece, { maxLength: 4 }).map((pieces) => `<li>${pieces.join('')}</li>`) },
  { weight: 1, arbitrary: fc.constantFrom('\n', '<h2>A heading</h2>', 'loose text near@loose.example ') },
);

describe('visible text read a paragraph at a time', () => {
  test('finds exactly what a node-by-node reading finds, on any mix of paragraphs', () => {
    fc.assert(
      fc.property(fc.array(block, { maxLength: 20 }), fc.integer({ min: 1, max: 30 }), (blocks, limit) => {
        const doc = page(blocks.join(''));
        expect(findAddressesInVisibleText(doc.body, () => false, limit)).toEqual(nodeByNode(doc.body, () => false, limit));
      }),
      { numRuns: 300 },
    );
  });

  test('elements read elsewhere stay skipped inside paragraphs that hold an address', () => {
    const doc = page('<p>write to <a href="mailto:x@y.example">label@link.example</a> or to desk@text.example</p>');
    const isLink = (element: Element) => element.localName === 'a';
    expect(findAddressesInVisibleText(doc.body, isLink, 10)).toEqual(['desk@text.example']);
  });

  test('paragraphs nested by a script, clean ones around ones with addresses: every address is found', () => {
    const doc = page('');
    let parent: Element = doc.body;
    for (let depth = 0; depth < 50; depth++) {
      const p = doc.createElement('p');
      p.append(`level ${depth} `, doc.createElement('em'), doc.createElement('b'), depth % 7 === 0 ? ` at${depth}@deep.example ` : ' plain ');
      parent.append(p);
      parent = p;
    }
    const clean = doc.createElement('p');
    clean.append('clean outer ', doc.createElement('b'), doc.createElement('i'));
    const inner = doc.createElement('p');
    inner.append('inner with ', doc.createElement('i'), doc.createElement('b'), doc.createElement('em'), ' inner@nested.example');
    clean.append(inner, doc.createElement('p'));
    doc.body.append(clean, doc.createElement('p'));
    doc.body.lastElementChild!.append('after the nest ', doc.createElement('em'), doc.createElement('b'), doc.createElement('i'), ' after@nested.example');
    expect(findAddressesInVisibleText(doc.body, () => false, 100)).toEqual(nodeByNode(doc.body, () => false, 100));
    expect(findAddressesInVisibleText(doc.body, () => false, 100)).toContain('after@nested.example');
  });

  test('paragraphs nested deep, each holding an address: text read whole stays linear in the page', () => {
    const doc = page('');
    let parent: Element = doc.body;
    for (let depth = 0; depth < 200; depth++) {
      const p = doc.createElement('p');
      p.append(`level ${depth} at${depth}@deep.example `, doc.createElement('em'), ' and ', doc.createElement('b'), ' more words');
      parent.append(p);
      parent = p;
    }
    const pageChars = doc.body.textContent!.length;
    let readWhole = 0;
    let inside = 0; // happy-dom builds an element's text from its children's: count the outer call only
    const owner = Object.getPrototypeOf(doc.body.firstElementChild!) as object;
    let proto: object | null = owner;
    while (proto && !Object.getOwnPropertyDescriptor(proto, 'textContent')) proto = Object.getPrototypeOf(proto);
    const original = Object.getOwnPropertyDescriptor(proto!, 'textContent')!;
    Object.defineProperty(owner, 'textContent', {
      configurable: true,
      get(this: Node) {
        inside++;
        try {
          const text = original.get!.call(this) as string;
          if (inside === 1 && this instanceof Element && this.localName === 'p') readWhole += text.length;
          return text;
        } finally {
          inside--;
        }
      },
    });
    try {
      expect(findAddressesInVisibleText(doc.body, () => false, 500)).toHaveLength(200);
    } finally {
      delete (owner as { textContent?: unknown }).textContent;
    }
    // Read whole once at most (the outermost paragraph); without the guard it is ~100 times the page.
    expect(readWhole).toBeLessThanOrEqual(pageChars);
  });

  test('thousands of plain paragraphs: every address in them is found', () => {
    const html = Array.from({ length: 3000 }, (_, i) => (i % 97 === 0 ? `<p>plain text, then plain${i}@blog.example.</p>` : `<p>plain text ${i}.</p>`));
    const doc = page(html.join('\n'));
    const found = findAddressesInVisibleText(doc.body, () => false, 500);
    expect(found).toHaveLength(31);
    expect(found).toEqual(nodeByNode(doc.body, () => false, 500));
  });

  test('a long article is read in slices, stepping over paragraphs across their ends', () => {
    const rich = (i: number) =>
      `<p>text ${i} <a href="/a">link</a> more <em>words</em> and <code>code</code> ${i % 50 === 0 ? `n${i}@slices.example` : 'no address'}.</p>`;
    const doc = page(Array.from({ length: 6000 }, (_, i) => rich(i)).join(''));
    const { addresses, yields } = sliced(doc.body);
    expect(yields).toBeGreaterThan(5);
    expect(addresses).toHaveLength(120);
    expect(addresses).toEqual(nodeByNode(doc.body, () => false, 500));
  });

  test('paragraphs removed, added and moved while the scan yields: it ends, and reads what stayed', () => {
    const rich = (i: number) => `<p>text ${i} <a href="/a">link</a> more <em>words</em> <b>bold</b> ${i % 40 === 0 ? `s${i}@stays.example` : ''}</p>`;
    const doc = page(Array.from({ length: 4000 }, (_, i) => rich(i)).join(''));
    const slices = visibleTextAddressesInSlices(doc.body, () => false, 500);
    let step = slices.next();
    for (let round = 0; !step.done; round++) {
      // Between slices the page changes behind, at and ahead of the scan.
      const paragraphs = doc.body.getElementsByTagName('p');
      const late = paragraphs[paragraphs.length - 1 - round];
      if (late && !late.textContent?.includes('@')) late.remove();
      const moved = paragraphs[(round * 997) % paragraphs.length];
      if (moved && !moved.textContent?.includes('@')) doc.body.prepend(moved);
      const added = doc.createElement('p');
      added.append('added ', doc.createElement('em'), ' words', doc.createElement('b'), doc.createElement('i'));
      doc.body.append(added);
      step = slices.next();
    }
    expect(step.value).toHaveLength(100);
    expect(step.value).toEqual(nodeByNode(doc.body, () => false, 500));
  });
});
