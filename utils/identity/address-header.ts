/**
 * RFC 5322 address-list parsing for header values and compose-chip values (`"Last, First" <a@b>`,
 * groups, comments, quoted strings, obsolete forms, RFC 2047 encoded words in names).
 *
 * A hand-written scanner: every character is read once and no regex runs over the whole input,
 * so hostile headers cost linear time. Bundled into content scripts: no dependencies.
 */

/** One mailbox of an address list: its addr-spec as written (comments and whitespace removed). */
export interface ParsedAddress {
  name?: string;
  address: string;
  group?: string;
}

/** More recipients than any real message carries; past this a header is hostile or broken. */
const MAX_ADDRESSES = 1000;
/** A real header with a thousand recipients is well under this; the rest is not read. */
const MAX_HEADER_CHARS = 512 * 1024;

/** A lexical token: `text` is its decoded content, `raw` as written; `spaced` when whitespace preceded it. */
interface Token {
  kind: 'atom' | 'quoted' | 'literal' | 'comment' | 'special';
  text: string;
  raw: string;
  spaced: boolean;
}

const SPECIALS = new Set(['<', '>', ',', ';', ':', '@']);
// Characters that end an atom. `.` stays inside atoms so obsolete phrases (`Joe Q. Public`) read
// as written; addr-specs are joined without whitespace anyway.
const ATOM_ENDS = new Set(['(', ')', '<', '>', '[', ',', ';', ':', '@', '"']);

function isSpace(char: string): boolean {
  return char === ' ' || char === '\t' || char === '\r' || char === '\n' || char === '\u00a0';
}

/** Split a header value into RFC 5322 lexical tokens; CRLF folds count as whitespace. */
function tokenise(input: string): Token[] {
  const tokens: Token[] = [];
  let spaced = false;
  let i = 0;
  while (i < input.length) {
    const char = input.charAt(i);
    if (isSpace(char)) {
      spaced = true;
      i++;
      continue;
    }
    const start = i;
    if (char === '(') {
      // Nested comments keep their inner parentheses; an unterminated one runs to the end.
      let depth = 1;
      let text = '';
      i++;
      while (i < input.length && depth > 0) {
        const c = input.charAt(i++);
        if (c === '\\' && i < input.length) text += input.charAt(i++);
        else if (c === '(') {
          depth++;
          text += c;
        } else if (c === ')') {
          depth--;
          if (depth > 0) text += c;
        } else if (c !== '\r' && c !== '\n') text += c;
      }
      tokens.push({ kind: 'comment', text, raw: input.slice(start, i), spaced });
      spaced = true; // A comment separates words like whitespace does.
      continue;
    }
    if (char === '"' || char === '[') {
      const close = char === '"' ? '"' : ']';
      let text = '';
      i++;
      while (i < input.length && input.charAt(i) !== close) {
        const c = input.charAt(i++);
        if (c === '\\' && i < input.length) text += input.charAt(i++);
        else if (c !== '\r' && c !== '\n') text += c; // Unfolding drops the CRLF, keeps the WSP.
      }
      i++;
      const raw = input.slice(start, Math.min(i, input.length)).replace(/[\r\n]/g, '');
      tokens.push({ kind: char === '"' ? 'quoted' : 'literal', text, raw, spaced });
    } else if (SPECIALS.has(char)) {
      i++;
      tokens.push({ kind: 'special', text: char, raw: char, spaced });
    } else if (char === ')') {
      i++; // A stray closing parenthesis has nothing to close.
      continue;
    } else {
      while (i < input.length && !isSpace(input.charAt(i)) && !ATOM_ENDS.has(input.charAt(i))) i++;
      const text = input.slice(start, i);
      tokens.push({ kind: 'atom', text, raw: text, spaced });
    }
    spaced = false;
  }
  return tokens;
}

interface EncodedWord {
  charset: string;
  bytes: Uint8Array;
}

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function decodeBase64(text: string): Uint8Array | undefined {
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of text) {
    if (char === '=') break;
    const value = BASE64_ALPHABET.indexOf(char);
    if (value < 0) return undefined;
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return Uint8Array.from(bytes);
}

function decodeQ(text: string): Uint8Array | undefined {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    if (char === '_') bytes.push(0x20);
    else if (char === '=') {
      const value = Number.parseInt(text.slice(i + 1, i + 3), 16);
      if (!/^[0-9a-f]{2}$/i.test(text.slice(i + 1, i + 3)) || Number.isNaN(value)) return undefined;
      bytes.push(value);
      i += 2;
    } else {
      const code = char.charCodeAt(0);
      if (code > 0xff) return undefined;
      bytes.push(code);
    }
  }
  return Uint8Array.from(bytes);
}

/** An RFC 2047 encoded word (`=?charset?B|Q?text?=`), or undefined when the word is not one. */
function parseEncodedWord(word: string): EncodedWord | undefined {
  if (word.length < 8 || !word.startsWith('=?') || !word.endsWith('?=')) return undefined;
  const parts = word.slice(2, -2).split('?');
  if (parts.length !== 3) return undefined;
  const [label = '', encoding = '', data = ''] = parts;
  const charset = (label.split('*')[0] ?? '').toLowerCase(); // RFC 2231 adds `*language`.
  const upper = encoding.toUpperCase();
  const bytes = upper === 'B' ? decodeBase64(data) : upper === 'Q' ? decodeQ(data) : undefined;
  return bytes && charset ? { charset, bytes } : undefined;
}

function tryDecode(label: string, bytes: Uint8Array, fatal: boolean): string | undefined {
  try {
    return new TextDecoder(label, { fatal }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Bytes in the named charset; an unknown charset reads as UTF-8 when valid, else Windows-1252. */
function decodeBytes(charset: string, bytes: Uint8Array): string {
  return (
    tryDecode(charset, bytes, false) ??
    tryDecode('utf-8', bytes, true) ??
    tryDecode('windows-1252', bytes, false) ??
    String.fromCharCode(...bytes.slice(0, 4096))
  );
}

function joinBytes(chunks: Uint8Array[]): Uint8Array {
  const joined = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.length;
  }
  return joined;
}

interface PhraseWord {
  text: string;
  spaced: boolean;
}

/**
 * Render phrase words as a display name: encoded words decoded, adjacent encoded words joined
 * without the whitespace between them (their bytes too, as mailers split characters across them).
 */
function renderPhrase(words: PhraseWord[]): string | undefined {
  let out = '';
  // Bytes of a run of adjacent encoded words in one charset, joined once when the run ends.
  let pending: { charset: string; chunks: Uint8Array[] } | undefined;
  const flush = () => {
    if (pending) out += decodeBytes(pending.charset, joinBytes(pending.chunks));
    pending = undefined;
  };
  for (const word of words) {
    const encoded = parseEncodedWord(word.text);
    if (encoded) {
      if (pending && pending.charset === encoded.charset) {
        pending.chunks.push(encoded.bytes);
        continue;
      }
      const follows = pending !== undefined;
      flush();
      if (word.spaced && !follows && out) out += ' ';
      pending = { charset: encoded.charset, chunks: [encoded.bytes] };
      continue;
    }
    flush();
    if (word.spaced && out) out += ' ';
    out += word.text;
  }
  flush();
  let name = out.replace(/\s+/g, ' ').trim();
  // Outlook quotes names with apostrophes: 'Ada Lovelace' <a@b>.
  if (name.length >= 2 && name.startsWith("'") && name.endsWith("'")) name = name.slice(1, -1).trim();
  return name || undefined;
}

/** Words of a quoted string: split on whitespace so encoded words inside it (common, if not RFC) decode. */
function quotedWords(token: Token): PhraseWord[] {
  if (!token.text.includes('=?')) return [{ text: token.text, spaced: token.spaced }];
  const words: PhraseWord[] = [];
  let spaced = token.spaced;
  for (const part of token.text.split(/([ \t]+)/)) {
    if (!part) continue;
    if (/^[ \t]+$/.test(part)) {
      spaced = true; // Folds to one space, like whitespace anywhere in a name.
      continue;
    }
    words.push({ text: part, spaced });
    spaced = false;
  }
  return words;
}

/** A display name from the non-comment tokens before an address, as written. */
function displayName(tokens: Token[]): string | undefined {
  const words: PhraseWord[] = [];
  for (const token of tokens) {
    if (token.kind === 'comment') continue;
    if (token.kind === 'quoted') for (const word of quotedWords(token)) words.push(word);
    else words.push({ text: token.kind === 'atom' || token.kind === 'special' ? token.text : token.raw, spaced: token.spaced });
  }
  return renderPhrase(words);
}

/** A name from comments, as old mailers write `a@b (Ada Lovelace)`. */
function commentName(tokens: Token[]): string | undefined {
  const words: PhraseWord[] = [];
  for (const token of tokens) {
    if (token.kind !== 'comment') continue;
    token.text.split(/\s+/).forEach((text, index) => text && words.push({ text, spaced: index > 0 || words.length > 0 }));
  }
  return renderPhrase(words);
}

/** The addr-spec in tokens: joined as written without whitespace or comments; needs `local@domain`. */
function addrSpec(tokens: Token[]): string | undefined {
  const parts = tokens.filter((token) => token.kind !== 'comment');
  const at = parts.findLastIndex((token) => token.kind === 'special' && token.text === '@');
  if (at <= 0 || at === parts.length - 1) return undefined;
  return parts.map((token) => token.raw).join('');
}

function isGlue(token: Token): boolean {
  return (token.kind === 'special' && token.text === '@') || (token.kind === 'atom' && token.text.startsWith('.'));
}

/**
 * An element without angle brackets: normally one addr-spec (obsolete CFWS around dots and `@`
 * allowed), but chips also hold `Ada Lovelace ada@x`; whitespace between two words splits it.
 */
function bareMailboxes(tokens: Token[], group: string | undefined): ParsedAddress[] {
  const words = tokens.filter((token) => token.kind !== 'comment');
  const runs: Token[][] = [];
  for (const [index, token] of words.entries()) {
    const previous = words[index - 1];
    const startsRun = !previous || (token.spaced && !isGlue(token) && !isGlue(previous) && !previous.text.endsWith('.'));
    if (startsRun) runs.push([token]);
    else runs.at(-1)!.push(token);
  }
  const hasAt = (run: Token[]) => run.some((token) => token.kind === 'special' && token.text === '@');
  const addressRuns = runs.filter(hasAt);
  const [addressRun] = addressRuns;
  if (addressRuns.length !== 1 || !addressRun) {
    return addressRuns.flatMap((run) => {
      const address = addrSpec(run);
      return address ? [withOptional({ address, group })] : [];
    });
  }
  const address = addrSpec(addressRun);
  const firstToken = addressRun[0];
  const lastToken = addressRun.at(-1);
  if (!address || !firstToken || !lastToken) return [];
  const first = tokens.indexOf(firstToken);
  const last = tokens.indexOf(lastToken);
  const name = displayName(runs.filter((run) => run !== addressRun).flat()) ?? commentName(tokens.slice(last + 1)) ?? commentName(tokens.slice(0, first));
  return [withOptional({ name, address, group })];
}

/** Drop undefined optional fields so results compare cleanly with `toEqual`. */
function withOptional(parsed: { name?: string; address: string; group?: string }): ParsedAddress {
  const result: ParsedAddress = { address: parsed.address };
  if (parsed.name) result.name = parsed.name;
  if (parsed.group) result.group = parsed.group;
  return result;
}

interface Element {
  before: Token[];
  angle: Token[] | undefined;
  after: Token[];
}

function mailboxesOf(element: Element, group: string | undefined): ParsedAddress[] {
  if (!element.angle) return bareMailboxes(element.before, group);
  // An obsolete route (`<@relay,@relay2:user@host>`) ends at the last colon.
  const colon = element.angle.findLastIndex((token) => token.kind === 'special' && token.text === ':');
  const address = addrSpec(element.angle.slice(colon + 1));
  if (!address) return [];
  const name = displayName(element.before) ?? commentName(element.after) ?? commentName(element.before);
  return [withOptional({ name, address, group })];
}

function isSpecial(token: Token | undefined, char: string): boolean {
  return token?.kind === 'special' && token.text === char;
}

/**
 * Parse an RFC 5322 address list (a From/To/Cc value or a compose chip's value) into mailboxes.
 * Never throws; returns at most 1000 addresses; elements without `local@domain` are skipped.
 */
export function parseAddressList(header: string): ParsedAddress[] {
  const results: ParsedAddress[] = [];
  try {
    if (typeof header !== 'string') return results;
    const tokens = tokenise(header.slice(0, MAX_HEADER_CHARS));
    let group: string | undefined;
    let element: Element = { before: [], angle: undefined, after: [] };
    // 'none' before `<`, 'open' inside it, 'closed' after `>`, 'extra' inside a second `<...>`.
    let angleState: 'none' | 'open' | 'closed' | 'extra' = 'none';
    const finish = () => {
      for (const parsed of mailboxesOf(element, group)) {
        if (results.length < MAX_ADDRESSES) results.push(parsed);
      }
      element = { before: [], angle: undefined, after: [] };
      angleState = 'none';
    };
    for (const [index, token] of tokens.entries()) {
      if (results.length >= MAX_ADDRESSES) break;
      if (angleState === 'open' || angleState === 'extra') {
        const nextWord = tokens.slice(index + 1, index + 4).find((t) => t.kind !== 'comment');
        if (isSpecial(token, '>')) angleState = 'closed';
        // A comma inside brackets belongs to an obsolete route only when another `@relay` follows;
        // otherwise the bracket was never closed and the comma ends the mailbox.
        else if (isSpecial(token, ',') && !isSpecial(nextWord, '@')) finish();
        else if (angleState === 'open') element.angle!.push(token);
        continue;
      }
      if (isSpecial(token, ',')) finish();
      else if (isSpecial(token, ';')) {
        finish();
        group = undefined;
      } else if (isSpecial(token, ':') && angleState === 'none' && group === undefined) {
        // `Name:` opens a group; its name is the phrase before the colon.
        group = displayName(element.before) ?? '';
        element = { before: [], angle: undefined, after: [] };
      } else if (isSpecial(token, '<')) {
        if (angleState === 'none') {
          element.angle = [];
          angleState = 'open';
        } else angleState = 'extra';
      } else if (isSpecial(token, '>') || isSpecial(token, ':')) {
        // Stray closers and colons inside a group carry nothing.
      } else if (angleState === 'none') element.before.push(token);
      else element.after.push(token);
    }
    if (results.length < MAX_ADDRESSES) finish();
  } catch {
    // Odd input yields what was parsed so far, never an exception in the caller's page.
  }
  return results;
}
