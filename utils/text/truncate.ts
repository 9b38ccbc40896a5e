import { t, uiLanguage } from '../i18n';
import { MAX_NOTE } from '../model/limits';

/** Cut text longer than `max` and say so at the end, rather than refuse it. */
export function truncateWithMark(text: string, max = MAX_NOTE): { text: string; cut: number } {
  if (text.length <= max) return { text, cut: 0 };
  const cut = text.length - max;
  // The mark is part of the saved note, so it is in the language the user reads.
  const mark = `\n${t('noteCutMark', cut.toLocaleString(uiLanguage()))}`;
  return { text: text.slice(0, max - mark.length) + mark, cut };
}
