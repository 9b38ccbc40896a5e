/**
 * Addresses in plain text. The scanner finds each `@` and expands a bounded distance either
 * side (local part <= 64, labels <= 63, domain <= 253), so its cost is linear in the text
 * however the page is crafted; email regexes from popular libraries backtrack on such pages.
 * visible-text.ts feeds it a page's visible text.
 */
import { isEmailAddress, toEmailAddress } from '../../identity/addresses';

const MAX_LOCAL_PART = 64;
const MAX_LABEL = 63;
const MAX_DOMAIN = 253;

// Letters, digits and marks in any script; tested one UTF-16 unit at a time, so bounded. The
// zero-width and bidi marks a page hides inside an address belong to it (normalising drops them):
// were they an edge, "a\u200Bb@x.example" would be read as b@x.example, someone else. The marks
// are those of addresses.ts's UNSEEN, written out: building both from one string costs web.js
// ~60 B gzipped, more than half of what its 8 KB budget has to spare.
const UNICODE_WORD = /^[\p{L}\p{N}\p{M}\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]$/u;

/** True for a letter, digit or mark at `index`; ASCII is decided without making a string. */
function isWordAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 0x80) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return UNICODE_WORD.test(text.charAt(index));
}

// Only the local-part punctuation people write in prose: quotes, slashes and `=` around an
// address in text are far more often punctuation than part of it.
function isLocalAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code === 46 || code === 95 || code === 37 || code === 43 || code === 45 || isWordAt(text, index); // . _ % + -
}

// ASCII without `%`: normalising it (no marks to strip, no escapes to decode, NFC a no-op) is
// lower-casing, so only the checks are left; everything else goes the general way.
const PLAIN_CANDIDATE = /^[A-Za-z0-9._+@-]+$/;

/** toEmailAddress for what the scanner cuts out of text, without its general work when not needed. */
function toAddress(candidate: string): string | undefined {
  if (!PLAIN_CANDIDATE.test(candidate)) return toEmailAddress(candidate);
  const lower = candidate.toLowerCase();
  return isEmailAddress(lower) ? lower : undefined;
}

// `icon@2x.png` has the shape of an address; these endings are file names, not domains.
const FILE_ENDING = /\.(?:png|jpe?g|gif|svg|webp|avif|ico|css|m?js|json|map)$/;

/** The address whose `@` is at `at`, or undefined when the text around it is not one. */
export function addressAround(text: string, at: number): string | undefined {
  let start = at;
  // One step past the limit tells a too-long run (not an address) from a limit-long one.
  while (start > 0 && at - start <= MAX_LOCAL_PART && isLocalAt(text, start - 1)) start--;
  if (at - start > MAX_LOCAL_PART) return undefined;
  // Glued to another `@` (`a@b.com@c.org`): no way to tell which address was meant.
  if (text.charAt(start - 1) === '@') return undefined;
  while (start < at && text.charAt(start) === '.') start++; // Sentence punctuation before the address.
  if (start === at) return undefined;

  let end = at + 1;
  let labelLength = 0;
  while (end < text.length && end - at - 1 <= MAX_DOMAIN) {
    const code = text.charCodeAt(end);
    if (code === 46) {
      if (labelLength === 0) break;
      labelLength = 0;
    } else if (code === 45 || isWordAt(text, end)) {
      if (++labelLength > MAX_LABEL) return undefined;
    } else break;
    end++;
  }
  if (end - at - 1 > MAX_DOMAIN || text.charAt(end) === '@') return undefined;
  while (end > at + 1 && text.charAt(end - 1) === '.') end--; // A full stop ending the sentence.
  const address = toAddress(text.slice(start, end));
  return address && !FILE_ENDING.test(address) ? address : undefined;
}

/** Addresses in plain text, normalised, in order, repeats kept; linear time on any input. */
export function findAddressesInText(text: string, limit = Number.POSITIVE_INFINITY): string[] {
  const found: string[] = [];
  for (let at = text.indexOf('@'); at >= 0 && found.length < limit; at = text.indexOf('@', at + 1)) {
    const address = addressAround(text, at);
    if (address) found.push(address);
  }
  return found;
}
