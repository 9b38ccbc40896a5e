/** The search view's counts in words: "3 people, 12 notes", "1,000+ notes", people alone for one letter. */
import { t, tCount, uiLanguage } from '../../utils/i18n';
import type { SearchResult } from '../../utils/messaging/features/search';

const formatted = (count: number) => new Intl.NumberFormat(uiLanguage()).format(count);

/** The number of notes found as a heading shows it: "120", or "1,000+" when counting stopped. */
export function notesCount(result: SearchResult): string {
  return result.notesCapped ? t('countAtLeast', formatted(result.notesTotal)) : formatted(result.notesTotal);
}

/** The line above the results: people and notes found, or people alone when notes were not searched. */
export function searchSummary(result: SearchResult): string {
  const people = tCount('countPeople', result.peopleTotal);
  if (!result.notesSearched) return people;
  const notes = result.notesCapped ? t('countNotesAtLeast', formatted(result.notesTotal)) : tCount('countNotes', result.notesTotal);
  return t('searchSummary', people, notes);
}
