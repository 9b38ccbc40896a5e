/**
 * The name a mail link gives its person, when the page says it: the link's own text when that is a
 * name, else its `aria-label` or `title` with the action words removed, else (for a link that is
 * only an icon or an "Email" button) the one byline or author element beside it. Never a sentence:
 * a text that does not look like a name names nobody.
 */
import { cleanName } from '../../identity/addresses';
import { readableText } from '../../identity/profile-url';
import { BYLINE_PREFIX, LABEL_PREFIX, LABEL_SUFFIX, NOT_NAME_WORDS } from './contact-words';

/** Longest text taken for a name: a line of a page, not a paragraph. */
const MAX_NAME_CHARS = 80;
const MAX_NAME_WORDS = 6;
// Characters a person's name is not written with (digits, addresses, URLs, sentence marks).
const NOT_IN_NAMES = /[\d@/\\:;?!"()[\]{}<>|#*+=&%_~^$]/;
const UPPER_CASE = /^\p{Lu}/u;
// A dot inside a word ahead of letters: a host name ("www.example.org"), not an initial ("J.R.").
const HOST_LIKE = /\.\p{L}{2}/u;
const BYLINE = '[rel~="author"], [itemprop~="author"], .author, .byline';
const NAME_IN_BYLINE = '[rel~="author"], [itemprop~="name"], .p-name, .fn';
/** Levels above a link searched for its byline: the link's block and the ones around it. */
const BYLINE_LEVELS = 3;

const words = (text: string) => text.split(' ');

const bare = (word: string) => word.toLowerCase().replace(/[.,'’-]+$/, '');

/** True when `text` (already cleaned) reads as a person's name: a few words, none of them an action. */
export function looksLikeName(text: string | undefined): text is string {
  if (!text || text.length > MAX_NAME_CHARS || NOT_IN_NAMES.test(text) || HOST_LIKE.test(text)) return false;
  const parts = words(text);
  if (parts.length > MAX_NAME_WORDS || parts.some((word) => NOT_NAME_WORDS.has(bare(word)))) return false;
  // In scripts with capitals a name has one ("bell hooks" is the rare exception, "let us know" the rule).
  return text.toLowerCase() === text.toUpperCase() || parts.some((word) => UPPER_CASE.test(word));
}

/** True when a link's text says nothing but an action ("Email", "Contact us"), an address, or nothing. */
function isOnlyActionWords(text: string | undefined): boolean {
  return !text || words(text).every((word) => word.includes('@') || NOT_NAME_WORDS.has(bare(word)));
}

/** A label's name: the action words and any address removed ("Email Jane Roe in email client"). */
export function nameFromLabel(label: string | null | undefined): string | undefined {
  let text = cleanName(label?.slice(0, MAX_NAME_CHARS * 2)) ?? '';
  // Separators out ("Contact: Kim Lee", "Email | Kim Lee"), then any address.
  text = words(text.replace(/[:|–—]/g, ' '))
    .filter((word) => word && !word.includes('@'))
    .join(' ');
  text = text
    .replace(LABEL_PREFIX, '')
    .replace(LABEL_SUFFIX, '')
    .replace(/^[\s-]+|[\s,-]+$/g, '');
  const name = cleanName(text);
  return looksLikeName(name) ? name : undefined;
}

/** The one name a byline element holds, without its "By" and without the mail link's own text. */
function nameInByline(byline: Element, link: Element): string | undefined {
  const named = byline.matches(NAME_IN_BYLINE) ? [byline] : byline.querySelectorAll(NAME_IN_BYLINE);
  if (named.length > 1) return undefined; // Two authors: the link is not known to be either's.
  const holder = named[0] ?? byline;
  let text = cleanName(readableText(holder, MAX_NAME_CHARS * 2)) ?? '';
  const linkText = holder.contains(link) ? cleanName(readableText(link)) : undefined;
  if (linkText) text = cleanName(text.replace(linkText, '')) ?? '';
  const name = cleanName(text.replace(BYLINE_PREFIX, ''));
  return looksLikeName(name) ? name : undefined;
}

/**
 * Names mail links from their context. `mailLinksIn` counts the page's mail links inside an
 * element: a byline names a link only inside a block that holds no other mail link.
 */
export function linkNamer(mailLinksIn: (element: Element) => number): (link: Element) => string | undefined {
  // Only a block with no other mail link near it (mailLinksIn counts a few levels up from each
  // link) is searched, so on a page of many links most blocks are passed over unread.
  const fromByline = (link: Element): string | undefined => {
    for (let level = 0, block = link.parentElement; block && level < BYLINE_LEVELS; level++, block = block.parentElement) {
      if (mailLinksIn(block) > 1) return undefined;
      const bylines = block.matches(BYLINE) ? [block] : block.querySelectorAll(BYLINE);
      if (bylines.length === 1) return nameInByline(bylines[0]!, link);
      if (bylines.length > 1) return undefined;
    }
    return undefined;
  };
  return (link) => {
    const text = cleanName(readableText(link, MAX_NAME_CHARS * 2));
    if (looksLikeName(text)) return text;
    const label =
      nameFromLabel(link.getAttribute('aria-label')) ??
      nameFromLabel(link.getAttribute('title')) ??
      nameFromLabel(link.querySelector('img[alt]')?.getAttribute('alt'));
    if (label) return label;
    // A byline names only a link that says nothing else: "write to the editor" is not the author.
    return isOnlyActionWords(text) ? fromByline(link) : undefined;
  };
}
