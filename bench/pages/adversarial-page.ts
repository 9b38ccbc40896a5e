/**
 * A hostile page built from a repeating cycle (~0.52 MB of HTML) of inputs that make naive
 * address scanners and DOM walkers slow: long runs without spaces, `a@` repeated 100k times, a
 * domain of 10k labels, floods of `@`, hyphen labels, dense addresses, deep nesting, thousands
 * of tiny text nodes, hidden copies and person markup. A 1 MB and a 5 MB page are the same
 * cycle repeated, so their times compare.
 */
import { installPage } from './install';

/** The one address every cycle's noise hides; the scan must still find it in the first cycle. */
export const HIDDEN_IN_NOISE = 'real@example.com';

function cycle(round: number): string[] {
  const blocks: string[] = [];
  // A 60 KB run without spaces: address-shaped but every local part is too long.
  blocks.push(`<p>${`${'x'.repeat(70)}@${'y'.repeat(70)}.`.repeat(420)}</p>`);
  // `a@` repeated 100k times (200 KB) in one text node.
  blocks.push(`<p>${'a@'.repeat(100_000)}</p>`);
  // A domain of 10k labels.
  blocks.push(`<p>x@${'a.'.repeat(10_000)}com</p>`);
  // 20k at-signs, then one real address.
  blocks.push(`<p>${'@'.repeat(20_000)} ${HIDDEN_IN_NOISE}</p>`);
  // A 30 KB run of dots and letters before an `@`.
  blocks.push(`<p>${'a.'.repeat(15_000)}@example.com</p>`);
  // A 20 KB hyphen label.
  blocks.push(`<p>x@${'-'.repeat(20_000)}.com</p>`);
  // 30 KB of one word: no `@` at all.
  blocks.push(`<p>${'b'.repeat(30_000)}</p>`);
  // 17 KB of valid addresses back to back: every one is parsed, few are new (the text scan's
  // cap of distinct addresses must not end the scan early and hide the rest of the page).
  blocks.push(`<p>${Array.from({ length: 1000 }, (_, i) => `u${i % 40}@dense.example`).join(' ')}</p>`);
  // 1000 tiny text nodes, each with an `@`.
  blocks.push(`<div>${'<span>q@</span>'.repeat(1000)}</div>`);
  // 400 levels of nesting around an address: ancestor walks must not multiply.
  blocks.push(`${'<div>'.repeat(400)}deep${round}@nest.example${'</div>'.repeat(400)}`);
  // Hidden and unread copies of the noise: skipped whatever they hold.
  blocks.push(`<div hidden>${'h@'.repeat(4_000)}</div><div style="display:none">${'s@'.repeat(4_000)}</div>`);
  blocks.push(`<template>${'t@'.repeat(2_000)}</template><textarea>${'w@'.repeat(2_000)}</textarea>`);
  // Cards and items whose properties sit 300 levels down, many to a card: finding each
  // property's owner must not walk the whole ancestry again for every property.
  blocks.push(
    `<div class="h-card">${'<div>'.repeat(300)}${'<span class="p-name">n</span><a class="u-url" href="/x">u</a>'.repeat(200)}${'</div>'.repeat(300)}</div>`,
  );
  blocks.push(
    `<div itemscope itemtype="https://schema.org/Person">${'<div>'.repeat(300)}${'<span itemprop="name">n</span>'.repeat(400)}${'</div>'.repeat(300)}</div>`,
  );
  // Person markup and mailto links: capped per page however many there are.
  blocks.push(
    Array.from(
      { length: 100 },
      (_, i) => `<div class="h-card"><span class="p-name">Card ${round}-${i}</span> <a class="u-email" href="mailto:card${i}@r${round}.example">mail</a></div>`,
    ).join(''),
  );
  blocks.push(
    Array.from(
      { length: 100 },
      (_, i) =>
        `<div itemscope itemtype="https://schema.org/Person"><span itemprop="name">Item ${i}</span><meta itemprop="email" content="item${i}@r${round}.example"></div>`,
    ).join(''),
  );
  blocks.push(Array.from({ length: 300 }, (_, i) => `<a href="mailto:link${i}@r${round}.example">Link ${i}</a> `).join(''));
  // JSON-LD is raw script text: not escaped (it holds no `<`).
  blocks.push(
    `<script type="application/ld+json">${JSON.stringify({ '@graph': Array.from({ length: 200 }, (_, i) => ({ '@type': 'Person', name: `Json ${i}`, email: `json${i}@r${round}.example` })) })}</script>`,
  );
  return blocks;
}

/** Build a hostile page of `cycles` cycles (about 0.5 MB each) in the live document. */
export function buildAdversarialPage(cycles: number): { bytes: number } {
  const blocks: string[] = [];
  for (let round = 0; round < cycles; round++) blocks.push(...cycle(round));
  const bytes = installPage(`<!doctype html><html><head><meta charset="utf-8"><title>Hostile</title></head><body>${blocks.join('\n')}</body></html>`);
  return { bytes };
}
