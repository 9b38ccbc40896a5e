/**
 * `mailto:` links: the address comes from the href, never from the link text, which pages
 * write as anything ("Email us", another address, an obfuscated form).
 */
import type { Candidate } from '../../model/records';
import { decodeEscapes, toEmailAddress } from '../../identity/addresses';
import { linkNamer } from './link-names';
import { ITEM_WORK, sliceCounter, type Slices } from './slices';

/** Mailto links read per page at most; past this a page is a directory, not a conversation. */
const MAX_LINKS = 5000;
const MAILTO = /^\s*mailto:/i;
// A link is a mailto link when its href starts with the scheme, as the native query below asks:
// one simple selector keeps the page's other links (thousands on a long article) out of script
// and out of the cap, at a fraction of the cost of a selector list or a substring match. An
// href with leading spaces (which browsers strip) is not read as one.
const MAILTO_HREF = '[href^="mailto:" i]';
const MAILTO_LINK = /^mailto:/i;
/** Levels above a link whose mail links are counted: as far as a byline is looked for. */
const COUNTED_LEVELS = 3;

/** True for a link (`a` or `area`) whose href is a mailto URL. */
export function isMailtoLink(element: Element): boolean {
  return (element.localName === 'a' || element.localName === 'area') && MAILTO_LINK.test(element.getAttribute('href') ?? '');
}

/** The addresses a mailto URL sends to: its path (comma-separated) and any `to=` field; RFC 6068. */
export function addressesInMailto(href: string): string[] {
  if (!MAILTO.test(href)) return [];
  const value = href.replace(MAILTO, '');
  const query = value.indexOf('?');
  const recipients = (query >= 0 ? value.slice(0, query) : value).split(',');
  if (query >= 0) {
    for (const field of value.slice(query + 1).split('&')) {
      const [key = '', fieldValue = ''] = field.split('=', 2);
      if (key.toLowerCase() === 'to') recipients.push(...decodeEscapes(fieldValue, fieldValue).split(','));
    }
  }
  const addresses: string[] = [];
  for (const recipient of recipients) {
    // toEmailAddress decodes escapes; split first so an encoded comma (%2C) stays in one address.
    const address = toEmailAddress(recipient);
    if (address && !addresses.includes(address)) addresses.push(address);
  }
  return addresses;
}

/** Counts of mail links in the elements just above each link: one walk of a few levels per link. */
function mailLinkCounter(links: NodeListOf<Element>): (element: Element) => number {
  let counts: Map<Element, number> | undefined;
  return (element) => {
    if (!counts) {
      counts = new Map();
      for (let index = 0; index < links.length && index < MAX_LINKS; index++) {
        let above = links[index]!.parentElement;
        for (let level = 0; above && level < COUNTED_LEVELS; level++, above = above.parentElement) {
          counts.set(above, (counts.get(above) ?? 0) + 1);
        }
      }
    }
    return counts.get(element) ?? 0;
  };
}

/**
 * People from the page's mailto links, in page order, in slices; links inside elements
 * `claimed` reports (email properties already read as markup) are left to that reading. A link
 * inside person markup is that person's (`markupPerson`: their name and card); any other link's
 * name comes from the link and its context (link-names.ts).
 */
export function* mailtoPeopleInSlices(
  doc: Document,
  claimed: (link: Element) => boolean,
  markupPerson: (link: Element) => Candidate | undefined = () => undefined,
): Slices<Candidate[]> {
  const spend = sliceCounter();
  const people: Candidate[] = [];
  const links = doc.querySelectorAll(MAILTO_HREF);
  const nameOf = linkNamer(mailLinkCounter(links));
  for (let index = 0, read = 0; index < links.length && read < MAX_LINKS; index++) {
    const link = links[index]!;
    if (!isMailtoLink(link)) continue; // Another element with an href (`link`, `base`).
    read++;
    if (spend(ITEM_WORK)) yield;
    if (claimed(link)) continue;
    const addresses = addressesInMailto(link.getAttribute('href') ?? '');
    // A name belongs to a link that sends to one person; "Ada, Grace" on a group link names nobody.
    const card = markupPerson(link);
    const name = addresses.length === 1 ? (card?.name ?? nameOf(link)) : undefined;
    // Absent fields stay undefined: the report keeps only what is set (page-watcher.ts).
    for (const email of addresses) people.push({ email, name, role: 'mention', card: card?.card });
  }
  return people;
}
