/**
 * vCard content lines: the physical lines of a file joined back into logical ones (RFC 6350
 * folding, vCard 2.1 quoted-printable soft line breaks) and split into group, name, parameters
 * and raw value. Values are decoded later (values.ts): only the properties Tend reads.
 */

/** One logical line of a vCard file, with the 1-based line where it starts. */
export interface LogicalLine {
  line: number;
  text: string;
}

/** A property: `group.NAME;PARAM=a,b;PARAM2="x:y":value`. Names and parameter names upper-cased. */
export interface ContentLine {
  line: number;
  group?: string;
  name: string;
  params: Map<string, string[]>;
  value: string;
}

/**
 * Physical lines of a file: BOM dropped; CRLF, LF and lone CR all end a line. A run of CRs before
 * LF counts as one break: iOS 5 wrote CR CR LF, which would otherwise put a blank line between
 * every line and cut its folded photos apart.
 */
export function physicalLines(text: string): string[] {
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return withoutBom.replace(/\r+\n/g, '\n').split(/\n|\r/);
}

// vCard 2.1 marks quoted-printable either as ENCODING=QUOTED-PRINTABLE or as a bare parameter.
const QP_PARAM = /^(?:ENCODING\s*=\s*)?QUOTED-PRINTABLE$/i;

/** The part of a line before its value: up to the first colon outside a quoted parameter. */
function headOf(text: string): string | undefined {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"') quoted = !quoted;
    else if (char === ':' && !quoted) return text.slice(0, i);
  }
  return undefined;
}

const isQuotedPrintable = (head: string): boolean =>
  head
    .split(';')
    .slice(1)
    .some((param) => QP_PARAM.test(param.trim()));

/**
 * Logical lines, unfolded. A line starting with a space or tab continues the previous one (one
 * whitespace character is the fold and is removed). A quoted-printable value ending in `=` (a
 * soft line break) continues on the next line whatever it starts with, even an empty line
 * (Outlook 2003 and Android write soft breaks without the leading space folding would need).
 * Blank lines end the current line and are otherwise ignored.
 */
export function logicalLines(text: string): LogicalLine[] {
  const lines = physicalLines(text);
  const result: LogicalLine[] = [];
  let current: LogicalLine | undefined;
  // Whether `current` is quoted-printable, once its head (which can itself be folded) is complete.
  let currentIsQp: boolean | undefined;
  const finish = () => {
    if (current) result.push(current);
    current = undefined;
    currentIsQp = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    // A card boundary is never a continuation, so a malformed trailing `=` cannot swallow END.
    const boundary = /^(BEGIN|END):VCARD\s*$/i.test(raw);
    if (current && !boundary && current.text.endsWith('=')) {
      if (currentIsQp === undefined) {
        const head = headOf(current.text);
        if (head !== undefined) currentIsQp = isQuotedPrintable(head);
      }
      if (currentIsQp) {
        current.text = current.text.slice(0, -1) + raw;
        continue;
      }
    }
    if (current && (raw.startsWith(' ') || raw.startsWith('\t'))) {
      current.text += raw.slice(1);
      continue;
    }
    finish();
    if (raw.trim() !== '') current = { line: i + 1, text: raw };
  }
  finish();
  return result;
}

const NAME = /^[A-Za-z0-9-]+$/;
// vCard 2.1 writes types and encodings as bare parameters: TEL;WORK;VOICE, NOTE;QUOTED-PRINTABLE.
const BARE_ENCODINGS = new Set(['QUOTED-PRINTABLE', 'BASE64', '8BIT', '7BIT', 'B']);

/** RFC 6868 parameter value escapes: ^n newline, ^' double quote, ^^ caret. */
const decodeCaret = (value: string): string => value.replace(/\^(\^|n|N|')/g, (_, c: string) => (c === '^' ? '^' : c === "'" ? '"' : '\n'));

function addParam(params: Map<string, string[]>, name: string, value: string): void {
  const list = params.get(name);
  if (list) list.push(value);
  else params.set(name, [value]);
}

/**
 * Split a logical line into its parts, or undefined when it is not a content line (no colon, or
 * a name that is not a vCard name). Quoted parameter values may hold `;`, `:` and `,`.
 */
export function parseContentLine({ line, text }: LogicalLine): ContentLine | undefined {
  let i = 0;
  while (i < text.length && text[i] !== ';' && text[i] !== ':') i++;
  if (i >= text.length) return undefined;
  const qualified = text.slice(0, i).trim();
  const dot = qualified.lastIndexOf('.');
  const group = dot > 0 ? qualified.slice(0, dot) : undefined;
  const name = (dot > 0 ? qualified.slice(dot + 1) : qualified).toUpperCase();
  if (!NAME.test(name) || (group !== undefined && !/^[A-Za-z0-9.-]+$/.test(group))) return undefined;
  const params = new Map<string, string[]>();
  while (text[i] === ';') {
    i++;
    let paramName = '';
    while (i < text.length && !';:='.includes(text[i]!)) paramName += text[i++];
    paramName = paramName.trim().toUpperCase();
    if (text[i] !== '=') {
      if (paramName) addParam(params, BARE_ENCODINGS.has(paramName) ? 'ENCODING' : 'TYPE', paramName);
      continue;
    }
    i++;
    // One or more values, comma-separated, each possibly quoted.
    for (;;) {
      let value = '';
      if (text[i] === '"') {
        const close = text.indexOf('"', i + 1);
        if (close < 0) return undefined;
        value = text.slice(i + 1, close);
        i = close + 1;
        while (i < text.length && !';:,'.includes(text[i]!)) i++;
      } else {
        while (i < text.length && !';:,'.includes(text[i]!)) value += text[i++];
      }
      addParam(params, paramName, decodeCaret(value.trim()));
      if (text[i] !== ',') break;
      i++;
    }
  }
  if (text[i] !== ':') return undefined;
  return { line, group, name, params, value: text.slice(i + 1) };
}
