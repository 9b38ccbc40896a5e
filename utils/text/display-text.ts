/**
 * Text that Tend hands to something else to display: Chrome's notifications, and the vCard and
 * CSV files that address books and spreadsheets open. Names there may come from pages, imports
 * or restored backups. Tend's own pages show them as text; these places need two more guards.
 */

// Explicit bidi embeddings, overrides and isolates (LRE RLE PDF LRO RLO, LRI RLI FSI PDI): an
// RLO turns "Mallory\u202Etxt.exe" into "Malloryexe.txt" on screen. Implicit marks (LRM, RLM)
// and the joiners some scripts and emoji need (ZWJ, ZWNJ) cannot reorder letters: kept.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** The text without bidi embedding, override and isolate controls. */
export const withoutBidiControls = (text: string): string => text.replace(BIDI_CONTROLS, '');

// C0 and C1 controls and DEL (a bell, a backspace, an escape) and the noncharacters (U+FFFE,
// U+FFFF, U+FDD0..U+FDEF and the last two of every plane): no font draws them and no text needs
// them; a backspace can even hide letters in a terminal. Tab, line feed and carriage return are
// text: names fold them into spaces (cleanName); notes keep them.
const CONTROLS = /(?![\t\n\r])[\p{Cc}\p{Noncharacter_Code_Point}]/gu;

/** The text without control characters (tab and line breaks kept) and noncharacters. */
export const withoutControls = (text: string): string => text.replace(CONTROLS, '');

/** At most `max` UTF-16 units, ending in … when cut; never cuts a surrogate pair in two. */
export function capText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  // A high surrogate left at the end would show as a replacement character.
  if (/[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end--;
  return `${text.slice(0, end)}…`;
}

/** Longest notification title: Chrome shows one or two lines of it. */
export const NOTIFICATION_TITLE_MAX = 120;
/** Longest notification message: Chrome shows a few lines; the rest is in Tend. */
export const NOTIFICATION_MESSAGE_MAX = 300;

/** A notification's title: one line, no bidi controls, capped. */
export const notificationTitle = (text: string): string => capText(withoutBidiControls(text).replace(/\s+/g, ' ').trim(), NOTIFICATION_TITLE_MAX);

/** A notification's message: line breaks kept, no bidi controls, capped. */
export const notificationMessage = (text: string): string => capText(withoutBidiControls(text).trim(), NOTIFICATION_MESSAGE_MAX);
