/**
 * A long article page (~2 MB of HTML): paragraphs of prose broken by links, emphasis and code
 * into text nodes of typical length, headings, lists, a sidebar and footer, two scripts, and a
 * few addresses sprinkled through the text.
 */
import { escapeHtml as esc, installPage } from './install';
import { prose, SeededRandom } from './random';

/** The address sprinkled into the text as number `index`. */
export const sprinkledAddress = (index: number) => `writer${index}@desk${index % 9}.example`;

function paragraph(random: SeededRandom, index: number, addressEvery: number): string {
  const parts: string[] = [];
  const pieces = random.int(4, 9);
  for (let piece = 0; piece < pieces; piece++) {
    parts.push(esc(prose(random, random.int(40, 160))));
    const roll = random.next();
    if (roll < 0.35) parts.push(`<a href="https://news.example/${index}/${piece}">${esc(prose(random, random.int(8, 30)))}</a> `);
    else if (roll < 0.55) parts.push(`<em>${esc(prose(random, random.int(5, 20)))}</em> `);
    else if (roll < 0.65) parts.push(`<code>${esc(prose(random, 10).replace(/ /g, '_'))}</code> `);
  }
  if (index % addressEvery === 0) parts.push(` Write to ${sprinkledAddress(index / addressEvery)} for details.`);
  return `<p>${parts.join('')}</p>`;
}

/** Build a prose page of about `targetBytes` in the live document; returns what it holds. */
export function buildProsePage(targetBytes: number, addressEvery = 40): { bytes: number; addresses: string[] } {
  const random = new SeededRandom(42);
  const sections: string[] = [];
  const addresses: string[] = [];
  let size = 0;
  for (let index = 0; size < targetBytes - 4000; index++) {
    let html = paragraph(random, index, addressEvery);
    if (index % addressEvery === 0) addresses.push(sprinkledAddress(index / addressEvery));
    if (index % 12 === 0) html = `<h2 id="s${index}">${esc(prose(random, 40))}</h2>${html}`;
    if (index % 25 === 7) html += `<ul>${Array.from({ length: 5 }, () => `<li>${esc(prose(random, 60))}</li>`).join('')}</ul>`;
    sections.push(html);
    size += html.length;
  }
  const sidebar = Array.from({ length: 80 }, (_, i) => `<li><a href="/related/${i}">${esc(prose(random, 30))}</a></li>`).join('');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A long read</title>
  <script>window.analytics = { owner: "tracker@ads.example", ids: [1, 2, 3] };</script></head><body>
  <nav><a href="/">Home</a> <a href="/about">About</a> <a href="/archive">Archive</a></nav>
  <main><article><h1>A long read</h1>${sections.join('\n')}</article></main>
  <aside><ul>${sidebar}</ul></aside>
  <footer><p>Corrections: <a href="mailto:corrections@news.example">corrections desk</a>.</p></footer>
  <script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Person","name":"Desk Editor","email":"editor@news.example"}}</script>
  </body></html>`;
  const bytes = installPage(html);
  return { bytes, addresses };
}
