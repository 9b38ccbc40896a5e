import type { HighlightedText as Highlighted } from '../../utils/messaging/features/search';

/**
 * The parts of a text between its ranges, each marked or not. Ranges are checked (sorted,
 * inside the text, not overlapping) because they arrive in a message, like the text itself.
 */
export function splitAtRanges({ text, ranges }: Highlighted): { text: string; marked: boolean }[] {
  const parts: { text: string; marked: boolean }[] = [];
  let at = 0;
  for (const [rawStart, rawEnd] of [...ranges].sort((a, b) => a[0] - b[0])) {
    const start = Math.max(at, Math.min(rawStart, text.length));
    const end = Math.min(Math.max(rawEnd, start), text.length);
    if (end <= start) continue;
    if (start > at) parts.push({ text: text.slice(at, start), marked: false });
    parts.push({ text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), marked: false });
  return parts;
}

/** Text with its matches in <mark> elements; every part is a text node, never markup. */
export function HighlightedText({ value }: { value: Highlighted }) {
  return <>{splitAtRanges(value).map((part, i) => (part.marked ? <mark key={i}>{part.text}</mark> : part.text))}</>;
}
