/**
 * A 50-message Gmail thread in the shape of tests/fixtures/gmail/thread-expanded.html: every
 * message expanded, with sender, 2-4 recipients in `span.hb`, the details table and 1-2 KB of
 * body, inside a few thousand nodes of unrelated page chrome (navigation, toolbar, the hidden
 * thread list Gmail keeps while a thread is open).
 */
import { escapeHtml as esc, elementFrom, installPage } from './install';
import { prose, SeededRandom } from './random';

const FIRST = ['Ada', 'Grace', 'Charles', 'Alan', 'Katherine', 'Dorothy', 'Mary', 'Hedy', 'Radia', 'Barbara', 'Edsger', 'Donald'];
const LAST = ['Lovelace', 'Hopper', 'Babbage', 'Turing', 'Johnson', 'Vaughan', 'Jackson', 'Lamarr', 'Perlman', 'Liskov', 'Dijkstra', 'Knuth'];
/** Distinct correspondents in the thread (the user is one more). */
export const THREAD_PEOPLE = 24;

interface Person {
  name: string;
  email: string;
}

function person(index: number): Person {
  const first = FIRST[index % FIRST.length]!;
  const last = LAST[(index * 5 + 3) % LAST.length]!;
  return { name: `${first} ${last}`, email: `${first}.${last}${index}@corp${index % 7}.example`.toLowerCase() };
}

const ME: Person = { name: 'me', email: 'me@example.com' };

function chip(className: 'gD' | 'g2', who: Person, label = who.name): string {
  return `<span class="${className}" email="${esc(who.email)}" name="${esc(who.name)}" data-hovercard-id="${esc(who.email)}">${esc(label)}</span>`;
}

/** One expanded message; `index` picks its people and text deterministically. */
export function messageHtml(index: number): string {
  const random = new SeededRandom(1000 + index);
  const sender = person(random.int(0, THREAD_PEOPLE - 1));
  const recipients = [ME];
  const wanted = random.int(2, 4);
  while (recipients.length < wanted) {
    const next = person(random.int(0, THREAD_PEOPLE - 1));
    if (next.email !== sender.email && !recipients.includes(next)) recipients.push(next);
  }
  const to = recipients.slice(0, Math.max(1, wanted - 1));
  const cc = recipients.slice(to.length);
  const paragraphs = Array.from({ length: random.int(2, 4) }, () => `<div>${esc(prose(random, random.int(300, 500)))}</div>`).join('');
  return `<div class="adn ads" data-message-id="#msg-f:17890000000${String(index).padStart(5, '0')}" data-legacy-message-id="18d3a${index}">
  <div class="gs"><div class="gE iv gt">
    <h3 class="iw">${chip('gD', sender)} <span class="go">&lt;${esc(sender.email)}&gt;</span></h3>
    <span class="hb">to ${recipients.map((r) => chip('g2', r, r.name.split(' ')[0])).join(', ')}</span>
    <span class="g3" title="Mon, 18 Nov 2024, 09:${String(index % 60).padStart(2, '0')}">Nov 18, 2024</span>
    <div class="ajA"><span class="aj0" role="button" aria-label="Show details"></span></div>
    <table class="ajC"><tbody>
      <tr class="ajv"><td class="gG">from:</td><td class="gL">${chip('gD', sender)}</td></tr>
      <tr class="ajv"><td class="gG">to:</td><td class="gL">${to.map((r) => chip('g2', r)).join(', ')}</td></tr>
      ${cc.length ? `<tr class="ajv"><td class="gG">cc:</td><td class="gL">${cc.map((r) => chip('g2', r)).join(', ')}</td></tr>` : ''}
      <tr class="ajv"><td class="gG">date:</td><td class="gL">Nov 18, 2024</td></tr>
      <tr class="ajv"><td class="gG">subject:</td><td class="gL">Project sync</td></tr>
    </tbody></table>
  </div>
  <div class="a3s aiL"><div dir="ltr">${paragraphs}<div class="gmail_signature">--<br>${esc(sender.name)}</div></div></div>
  <div class="amn"><span role="link" class="ams bkH">Reply</span><span role="link" class="ams bkG">Forward</span></div>
  </div></div>`;
}

/** Navigation, toolbar and the hidden thread list: a few thousand nodes no recogniser wants here. */
function chromeHtml(random: SeededRandom): string {
  const labels = Array.from(
    { length: 120 },
    (_, i) =>
      `<div class="aim"><div class="TO"><div class="TN"><span class="nU"><a href="#label/L${i}" class="J-Ke n0">Label ${i}</a></span><span class="bsU">${i}</span></div></div></div>`,
  ).join('');
  const buttons = Array.from(
    { length: 60 },
    (_, i) => `<div role="button" class="T-I J-J5-Ji" aria-label="Action ${i}"><div class="asa"><div class="ar9"></div></div></div>`,
  ).join('');
  const rows = Array.from({ length: 100 }, (_, i) => {
    const who = person(i + 100);
    return `<tr class="zA yO"><td class="oZ-x3"><div role="checkbox"></div></td><td class="yX xY"><div class="yW"><span class="bA4"><span email="${esc(who.email)}" name="${esc(who.name)}">${esc(who.name)}</span></span></div></td><td class="xY a4W"><div class="xS"><span class="bog"><span>Subject ${i}</span></span><span class="y2"> - ${esc(prose(random, 60))}</span></div></td><td class="xW xY"><span title="Nov ${i % 28}">Nov ${i % 28}</span></td></tr>`;
  }).join('');
  return `<div class="nH"><header class="gb_Ra"><div class="gb_Ld"><form role="search"><input aria-label="Search mail" name="q"></form></div></header>
  <div class="aeN" role="navigation">${labels}</div><div class="G-atb" role="toolbar">${buttons}</div>
  <div class="ae4 UI" style="display:none"><table class="F cf zt"><tbody>${rows}</tbody></table></div></div>`;
}

/** Build the thread page in the live document and say how big it is. */
export function buildGmailThread(messages = 50): { bytes: number; nodes: number } {
  const random = new SeededRandom(7);
  const body = Array.from({ length: messages }, (_, i) => messageHtml(i)).join('\n');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Project sync - me@example.com - Gmail</title>
  <script>var GM_data = "<span class=\\"gD\\" email=\\"script-only@example.com\\"></span>";</script></head>
  <body>${chromeHtml(random)}<div role="main"><h2 class="hP" data-thread-perm-id="thread-f:1789000000000000001">Project sync</h2>
  <div class="thread-messages">${body}</div></div></body></html>`;
  const bytes = installPage(html);
  return { bytes, nodes: document.getElementsByTagName('*').length };
}

/** A further message of the same thread, not yet in the page. */
export function newGmailMessage(index = 50): Element {
  return elementFrom(messageHtml(index));
}
