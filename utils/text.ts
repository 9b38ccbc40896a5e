import { MAX_NOTE } from './limits';

/** Cut text longer than `max` and say so at the end, rather than refuse it. */
export function truncateWithMark(text: string, max = MAX_NOTE): { text: string; cut: number } {
  if (text.length <= max) return { text, cut: 0 };
  const cut = text.length - max;
  const mark = `\n… [${cut.toLocaleString('en')} more characters not kept]`;
  return { text: text.slice(0, max - mark.length) + mark, cut };
}
