/**
 * Email address normalisation and checks shared by every recogniser and the background.
 * Plain string code, no zod: this file is bundled into content scripts.
 */

// What no reader sees, in one pass: the bidi and zero-width marks pages leave around addresses
// (Gmail: U+202C), and the controls and noncharacters `withoutControls` strips from stored text
// (utils/text/display-text.ts; one regex here, not two passes, for the content scripts' size).
// The whitespace controls (tab, LF, VT, FF, CR) stay for `\s`: a name folds them into a space, an
// address with one inside is none.
const UNSEEN = /(?![\t-\r])[\p{Cc}\p{Noncharacter_Code_Point}\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/gu;
const withoutUnseen = (text: string): string => text.replace(UNSEEN, '');

/** `decodeURIComponent`, or `fallback` when the escapes are malformed (a stray % is not an escape). */
export function decodeEscapes<T>(text: string, fallback: T): string | T {
  try {
    return decodeURIComponent(text);
  } catch {
    return fallback;
  }
}

/** Trim, drop `mailto:` and any query, strip invisible marks and controls (escaped ones too), NFC and lower-case. */
export function normaliseEmail(raw: string): string {
  let value = withoutUnseen(raw).trim();
  if (/^mailto:/i.test(value)) value = value.slice(7);
  const query = value.indexOf('?');
  if (query >= 0) value = value.slice(0, query);
  value = decodeEscapes(value, value);
  // Escaped marks (`%E2%80%8B`, `%07`) decode to the same invisible characters: strip them too.
  return withoutUnseen(value).trim().normalize('NFC').toLowerCase();
}

// One pass of one regex (a split into labels and a regex per label cost 3x as much; issue 16's
// calendar bench). Bounded: the caller caps the length at 254, the local part at 64 characters,
// each label at 63, and the labels cannot overlap (no dot inside one), so nothing backtracks far.
// Local part: no space or specials, no leading, trailing or double dot. Domain: at least two
// letter-or-digit labels (hyphens inside), the last not all digits.
const ADDRESS =
  /^(?!\.)(?!.*\.\.)[^\s@<>()[\]\\,;:"]{1,64}(?<!\.)@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+(?!\d+$)[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;

/**
 * True when a normalised string has the shape of a deliverable address: bounded local part
 * (64) and labels (63), at least one dot in the domain. Linear time: no backtracking regex
 * runs over unbounded input.
 */
export function isEmailAddress(value: string): boolean {
  return value.length <= 254 && ADDRESS.test(value);
}

// ADDRESS for text of printable ASCII without capitals (what most pages hold): the same grammar,
// its letter-or-digit classes written for ASCII and without the `u` flag, which made the check
// about 1.5x slower (issue 16's calendar bench). A unit property test holds the two to one answer.
const ASCII_ADDRESS = /^(?!\.)(?!.*\.\.)[^\s@<>()[\]\\,;:"]{1,64}(?<!\.)@(?:[a-z\d](?:[a-z\d-]{0,61}[a-z\d])?\.)+(?!\d+$)[a-z\d](?:[a-z\d-]{0,61}[a-z\d])?$/;

/** isEmailAddress for text known to be printable ASCII without capitals (faster; the same answer). */
export function isLowerAsciiEmailAddress(value: string): boolean {
  return value.length <= 254 && ASCII_ADDRESS.test(value);
}

/** Normalise and check in one step: the address, or undefined when it is not one. */
export function toEmailAddress(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined;
  const value = normaliseEmail(raw);
  return isEmailAddress(value) ? value : undefined;
}

/** Clean a display name taken from a page: invisible marks and controls out, whitespace folded, length capped. */
export function cleanName(raw: string | null | undefined, max = 200): string | undefined {
  if (!raw) return undefined;
  // Printable ASCII words with single spaces hold no mark or control, need no folding and are
  // their own NFC: most names on a page (the unicode passes cost a calendar guest's read twice).
  // Whitespace folded after the marks: a tab, line break, VT or FF between two words becomes a space, not nothing.
  const value = /^(?:[!-~]+ )*[!-~]+$/.test(raw) ? raw : withoutUnseen(raw).replace(/\s+/g, ' ').trim().normalize('NFC');
  if (!value) return undefined;
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}
