import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import { ask } from '../../utils/messaging/client';
import type { SearchResult } from '../../utils/messaging/features/search';
import { DuplicateSuggestions } from './DuplicateSuggestions';
import { SearchResults } from './SearchResults';
import { searchSummary } from './search-summary';
import { searchOptions } from './search-options';
import { useBroadcast } from '../shared/use-broadcast';
import { concernsPeople } from '../../utils/messaging/changed';
import './search.css';

const PEOPLE_LIMIT = 8;
const NOTES_LIMIT = 20;

/**
 * Search over people and notes, answered per keystroke. The field is a combobox: arrows move
 * through the results (people, then notes), Enter opens the person, Escape clears. Below an
 * empty field: people who may be duplicates, to merge (and undo).
 */
export function SearchView({ onOpenPerson }: { onOpenPerson: (contactId: string) => void }) {
  const [query, setQuery] = useState('');
  const [result, setResult] = useState<SearchResult>();
  const [error, setError] = useState<string>();
  const [active, setActive] = useState(0);
  const [generation, setGeneration] = useState(0);
  // Enter pressed before the answer to the last keystroke came: open its first result when it does.
  const openWhenAnswered = useRef(false);

  // Build the index while the user moves to the field: after the worker restarts, that is the slow part.
  useEffect(() => void ask({ type: 'search', query: '' }).catch(() => undefined), []);
  // An edit anywhere may change what matches: ask again.
  useBroadcast((message) => concernsPeople(message) && setGeneration((g) => g + 1), []);
  useEffect(() => {
    if (!query.trim()) {
      setResult(undefined);
      setError(undefined);
      return;
    }
    let current = true;
    ask({ type: 'search', query, peopleLimit: PEOPLE_LIMIT, notesLimit: NOTES_LIMIT }).then(
      (found) => {
        if (!current) return;
        setResult(found);
        setError(undefined);
        if (openWhenAnswered.current) {
          openWhenAnswered.current = false;
          const first = searchOptions(found)[0]?.contactId;
          if (first) onOpenPerson(first);
        }
      },
      (failure: unknown) => current && setError(failure instanceof Error ? failure.message : String(failure)),
    );
    // A slower answer to an earlier keystroke must not replace a newer one.
    return () => {
      current = false;
    };
  }, [query, generation]);

  const options = searchOptions(result);
  const activeIndex = Math.min(active, Math.max(options.length - 1, 0));
  const activeId = options[activeIndex]?.domId;
  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView?.({ block: 'nearest' });
  }, [activeId]);

  const choose = (index: number) => {
    const contactId = options[index]?.contactId;
    if (contactId) onOpenPerson(contactId);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') setActive(Math.min(activeIndex + 1, options.length - 1));
    else if (event.key === 'ArrowUp') setActive(Math.max(activeIndex - 1, 0));
    else if (event.key === 'Enter' && result?.query !== query && query.trim()) openWhenAnswered.current = true;
    else if (event.key === 'Enter' && options.length > 0) choose(activeIndex);
    else if (event.key === 'Escape' && query) setQuery('');
    else return;
    event.preventDefault();
  };
  // The previous answer stays up until the next one comes: no flicker between keystrokes.
  const showing = result !== undefined && query.trim() !== '';

  return (
    <div class="search-view">
      <label for="search-field" class="search-label">
        {t('searchLabel')}
      </label>
      <input
        id="search-field"
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={options.length > 0}
        aria-controls="search-results"
        aria-activedescendant={options.length > 0 ? activeId : undefined}
        autocomplete="off"
        spellcheck={false}
        placeholder={t('searchPlaceholder')}
        value={query}
        onInput={(e) => {
          setQuery(e.currentTarget.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <p class="search-summary" aria-live="polite">
        {showing && (options.length === 0 ? t('searchNothing', result.query.trim()) : searchSummary(result))}
      </p>
      {showing && !result.notesSearched && <p class="search-more-letters">{t('searchNotesNeedTwoLetters')}</p>}
      {showing && options.length > 0 && <SearchResults result={result} options={options} active={activeIndex} onChoose={choose} onHover={setActive} />}
      {!query.trim() && (
        <>
          <p class="empty">{t('searchHint')}</p>
          <DuplicateSuggestions onOpenPerson={onOpenPerson} />
        </>
      )}
    </div>
  );
}
