/**
 * Decoding vCard property values: transfer encodings (quoted-printable, base64) with their
 * CHARSET, backslash escapes, and the `;` / `,` separators of structured and list values.
 */
import type { ContentLine } from './lines';

const firstParam = (prop: ContentLine, name: string): string | undefined => prop.params.get(name)?.[0];

/** Bytes of a quoted-printable value; a malformed `=` escape is kept as written. */
export function decodeQuotedPrintable(value: string): Uint8Array {
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  for (let i = 0; i < value.length; i++) {
    const char = value[i]!;
    if (char === '=' && /^[0-9A-Fa-f]{2}$/.test(value.slice(i + 1, i + 3))) {
      bytes.push(parseInt(value.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      // Literal characters are ASCII in a well-formed value; anything else is kept as UTF-8.
      for (const byte of encoder.encode(char)) bytes.push(byte);
    }
  }
  return Uint8Array.from(bytes);
}

/** Bytes as text in the named charset; an unknown label falls back to UTF-8 rather than failing. */
export function decodeCharset(bytes: Uint8Array, charset: string | undefined): string {
  try {
    return new TextDecoder(charset?.trim() || 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

function decodeBase64(value: string): Uint8Array | undefined {
  try {
    return Uint8Array.from(atob(value.replace(/\s+/g, '')), (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

/**
 * The value as text with its transfer encoding undone (still with backslash escapes). CHARSET
 * matters only for encoded bytes: plain values were decoded with the file.
 */
export function decodedValue(prop: ContentLine): string {
  const encoding = firstParam(prop, 'ENCODING')?.toUpperCase();
  const charset = firstParam(prop, 'CHARSET');
  if (encoding === 'QUOTED-PRINTABLE') return decodeCharset(decodeQuotedPrintable(prop.value), charset);
  if (encoding === 'B' || encoding === 'BASE64') {
    const bytes = decodeBase64(prop.value);
    return bytes ? decodeCharset(bytes, charset) : prop.value;
  }
  return prop.value;
}

/**
 * Undo backslash escapes: `\n` and `\N` are newlines, any other escaped character stands for
 * itself (`\,` `\;` `\\`, and the `\:` and `\"` some writers add). Line endings become `\n`.
 */
export function unescapeText(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(/\\([\s\S])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** Split on a separator that is not escaped; the parts keep their escapes. */
function splitRaw(value: string, separator: ';' | ','): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    if (value[i] === '\\') i++;
    else if (value[i] === separator) {
      parts.push(value.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(value.slice(start));
  return parts;
}

/** Split on a separator that is not escaped, then unescape each part. */
export const splitUnescaped = (value: string, separator: ';' | ','): string[] => splitRaw(value, separator).map(unescapeText);

/** Components of a structured value (N, ORG), each a list of comma-separated values. */
export const structuredValue = (value: string): string[][] => splitRaw(value, ';').map((component) => splitUnescaped(component, ','));
