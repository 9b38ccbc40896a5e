import fc from 'fast-check';
import { expect, test } from 'vitest';
import { isEmailAddress } from '../../utils/identity/addresses';
import { readsPage, recognisers } from '../../utils/recognise/registry';

// Pages any recogniser might run on: each recogniser gets URLs it matches.
const URLS = [
  'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTLnpWvpbLkvKqrbGrqzvDJXp',
  'https://outlook.office.com/mail/inbox/id/AAQkAGI2',
  'https://github.com/octo-person',
  'https://www.linkedin.com/in/some-person/',
  'https://people.example/team',
];

// Building blocks that look like the markup recognisers select on, so random trees hit real paths.
const TAGS = ['div', 'span', 'a', 'h1', 'h2', 'tr', 'td', 'input', 'script', 'template', 'li', 'button'];
const CLASSES = ['gD', 'g2', 'hb', 'hP', 'adn ads', 'zA', 'yW', 'h-card', 'vcard', 'p-name', 'u-email', 'fn', 'email', 'u-url'];
const ATTRIBUTES = [
  'email',
  'name',
  'data-message-id',
  'data-thread-perm-id',
  'itemscope',
  'data-hovercard-id',
  'data-name',
  'title',
  'aria-label',
  'href',
  'itemprop',
  'itemtype',
  'role',
  'value',
];
const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('ada@example.com', 'mailto:b@c.example?subject=x', 'a@', '@@', '"x, y" <z@w.example>', '\u202Ee@f.example', 'me'),
);

interface Node {
  tag: string;
  cls: string | null;
  attrs: [string, string][];
  text: string;
  children: readonly Node[];
}
const tree: fc.Arbitrary<Node> = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.record({
    tag: fc.constantFrom(...TAGS),
    cls: fc.option(fc.constantFrom(...CLASSES)),
    attrs: fc.array(fc.tuple(fc.constantFrom(...ATTRIBUTES), text), { maxLength: 4 }),
    text,
    // depthSize keeps trees finite: deeper levels are ever more likely to be leaves.
    children: fc.oneof({ depthSize: 'small' }, fc.constant<Node[]>([]), fc.array(tie('node'), { maxLength: 3 })),
  }),
})).node;

function build(doc: Document, node: Node): Element {
  const element = doc.createElement(node.tag);
  if (node.cls) element.className = node.cls;
  for (const [name, value] of node.attrs) element.setAttribute(name, value);
  element.append(doc.createTextNode(node.text), ...node.children.map((child) => build(doc, child)));
  return element;
}

test.each(recognisers.map((r) => [r.id, r] as const))('%s: random pages never throw and never yield an invalid address', (_id, recogniser) => {
  fc.assert(
    fc.property(fc.array(tree, { maxLength: 6 }), fc.string({ maxLength: 60 }), (roots, title) => {
      const doc = document.implementation.createHTMLDocument(title);
      doc.body.append(...roots.map((root) => build(doc, root)));
      for (const href of URLS) {
        const url = new URL(href);
        if (!readsPage(recogniser, url)) continue;
        const findings = recogniser.find(doc, url);
        for (const person of findings.people) {
          if (person.email !== undefined) expect(isEmailAddress(person.email)).toBe(true);
          expect(person.email || person.profileUrl || person.name).toBeTruthy();
          expect((person.name ?? '').length).toBeLessThanOrEqual(200);
        }
        for (const own of findings.self) expect(isEmailAddress(own)).toBe(true);
      }
    }),
    { numRuns: 150 },
  );
});
