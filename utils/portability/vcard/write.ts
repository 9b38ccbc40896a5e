/**
 * Writing contacts as vCard 4.0 (RFC 6350) or 3.0 (RFC 2426, for older address books): CRLF
 * lines folded at 75 octets, text values escaped, profile URLs as URL, tags as CATEGORIES and
 * "what matters" as NOTE. Tend keeps one display name, so 3.0's required N is derived from it.
 */
import { withoutBidiControls } from '../../text/display-text';
import type { Contact } from '../../model/records';

/** The vCard versions Tend writes. */
export type VCardVersion = '4.0' | '3.0';

const MAX_OCTETS = 75;
const utf8 = new TextEncoder();

/**
 * Fold a content line so no physical line passes 75 octets (CRLF not counted; the space that
 * starts a continuation counts). Breaks fall between code points, never inside a UTF-8 sequence.
 */
export function foldLine(line: string): string {
  const pieces: string[] = [];
  let piece = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8.encode(char).length;
    if (octets + size > MAX_OCTETS) {
      pieces.push(piece);
      piece = ' ';
      octets = 1;
    }
    piece += char;
    octets += size;
  }
  pieces.push(piece);
  return pieces.join('\r\n');
}

/**
 * Escape a text value: backslash, newline, comma and semicolon (RFC 6350 3.4, RFC 2426 4), so
 * a value can never end its line and start another property. Bidi controls are taken out: an
 * address book would show an RLO-reversed name.
 */
export const escapeText = (value: string): string =>
  withoutBidiControls(value)
    .replace(/\\/g, '\\\\')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/,/g, '\\,')
    .replace(/;/g, '\\;');

/**
 * A URI value as written: URIs take no backslash escapes, so control characters (a line break
 * in a URL restored from a crafted backup) are percent-encoded rather than start a new line.
 */
const uriValue = (value: string): string => value.replace(/[\u0000-\u001f\u007f]/g, (char) => encodeURIComponent(char));

/** 3.0's N from a display name: the last word as family name, the rest as given names. */
function structuredName(displayName: string): string {
  const words = displayName.trim().split(/\s+/).filter(Boolean);
  if (words.length < 2) return `;${escapeText(displayName.trim())};;;`;
  return `${escapeText(words.at(-1)!)};${escapeText(words.slice(0, -1).join(' '))};;;`;
}

/** A timestamp as vCard's basic UTC form, 20240501T101500Z. */
const revision = (at: number): string =>
  new Date(at)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** The content lines of one contact's card, unfolded. */
function cardLines(contact: Contact, version: VCardVersion): string[] {
  const emails = contact.identities.filter((i) => i.kind === 'email').map((i) => i.value);
  const urls = contact.identities.filter((i) => i.kind === 'url').map((i) => i.value);
  // FN is required in both versions: fall back to an identity rather than write an empty name.
  const name = withoutBidiControls(contact.displayName).trim() || emails[0] || urls[0] || 'Unnamed';
  const lines = ['BEGIN:VCARD', `VERSION:${version}`, 'PRODID:-//Tend//Tend//EN'];
  lines.push(version === '4.0' ? `UID:urn:uuid:${contact.id}` : `UID:${contact.id}`);
  lines.push(`FN:${escapeText(name)}`);
  // N is optional in 4.0, where FN is authoritative; a guessed split would only add noise there.
  if (version === '3.0') lines.push(`N:${structuredName(name)}`);
  emails.forEach((email, i) => {
    if (version === '4.0') lines.push(`EMAIL${i === 0 ? ';PREF=1' : ''}:${escapeText(email)}`);
    else lines.push(`EMAIL;TYPE=INTERNET${i === 0 ? ',PREF' : ''}:${escapeText(email)}`);
  });
  for (const url of urls) lines.push(`URL:${uriValue(url)}`);
  if (contact.org) lines.push(`ORG:${escapeText(contact.org)}`);
  if (contact.title) lines.push(`TITLE:${escapeText(contact.title)}`);
  if (contact.tags.length > 0) lines.push(`CATEGORIES:${contact.tags.map(escapeText).join(',')}`);
  if (contact.whatMatters) lines.push(`NOTE:${escapeText(contact.whatMatters)}`);
  lines.push(`REV:${revision(contact.updatedAt)}`, 'END:VCARD');
  return lines;
}

/** Contacts as one vCard file (4.0 by default), CRLF line ends, each line folded at 75 octets. */
export function writeVCards(contacts: readonly Contact[], version: VCardVersion = '4.0'): string {
  return contacts
    .flatMap((contact) => cardLines(contact, version))
    .map((line) => `${foldLine(line)}\r\n`)
    .join('');
}
