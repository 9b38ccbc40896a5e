import { useCallback, useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { t, tCount } from '../../utils/i18n';
import { DuplicateSuggestions } from '../search/DuplicateSuggestions';
import { formatCount, PeopleControls } from './PeopleControls';
import { PersonRow, type PersonRowProps } from './PersonRow';
import { rememberedScroll, rememberScroll, usePeopleList } from './use-people-list';
import { VirtualList } from './VirtualList';
import '../search/search.css';
import './people.css';

/**
 * The side panel's People view: everyone Tend knows, in one virtualised list (10,000 people render
 * as the few rows on screen), ordered by name, last interaction or drift; filtered by tag, stage
 * and keep-in-touch state with counts; the possible duplicates to review. A row opens the card.
 */
export function PeopleView({ onOpenPerson }: { onOpenPerson: (contactId: string) => void }) {
  const { query, list, setSort, setFilter, clearFilters } = usePeopleList();
  const [reviewing, setReviewing] = useState(false);
  const data = list.data;
  const rows = data?.rows;
  // Every person the filters let through, though the first answer holds only the first screenful.
  const shown = data?.matched ?? 0;
  const loaded = rows?.ids.length ?? 0;
  const filtered = Object.keys(query.filters).length > 0;
  const now = Date.now();

  // Back from a card: the same place in the list, once all its rows are there to scroll to.
  const [restored, setRestored] = useState(false);
  useLayoutEffect(() => {
    if (restored || !rows || !list.complete) return;
    setRestored(true);
    const scrollY = rememberedScroll(query);
    if (scrollY > 0) window.scrollTo(0, scrollY);
  }, [rows]);
  useEffect(() => () => rememberScroll(query, window.scrollY), [query]);

  // One renderer per answer, so the list re-renders only the rows that scroll on screen.
  const renderRow = useCallback(
    (index: number, focus: PersonRowProps['focus']) =>
      rows && (
        <PersonRow
          id={rows.ids[index]!}
          name={rows.names[index]!}
          org={rows.orgs[index]!}
          lastAt={rows.lastAt[index]!}
          keepInTouch={rows.keepInTouch[index]!}
          now={now}
          onOpen={onOpenPerson}
          focus={focus}
        />
      ),
    [rows, onOpenPerson],
  );

  return (
    <section class="people-view" aria-labelledby="people-heading">
      <h2 id="people-heading" class="visually-hidden">
        {t('panelViewPeople')}
      </h2>
      <PeopleControls query={query} facets={data?.facets} onSort={setSort} onFilter={setFilter} />
      {data && data.duplicates > 0 && (
        <p class="people-duplicates">
          <span>{tCount('peopleDuplicates', data.duplicates)}</span>
          <button type="button" class="people-text-button" aria-expanded={reviewing} aria-controls="people-duplicates" onClick={() => setReviewing(!reviewing)}>
            {reviewing ? t('peopleHideDuplicates') : t('peopleReviewDuplicates')}
          </button>
        </p>
      )}
      {reviewing && (
        <div id="people-duplicates">
          <DuplicateSuggestions onOpenPerson={onOpenPerson} />
        </div>
      )}
      {list.error && (
        <p role="alert" class="error">
          {list.error}
        </p>
      )}
      {!data && !list.error && <p class="loading">{t('commonLoading')}</p>}
      {data && (
        <p class="people-count" role="status">
          {filtered ? t('peopleShownOf', formatCount(shown), formatCount(data.total)) : tCount('peopleShown', shown, formatCount(shown))}
        </p>
      )}
      {data?.total === 0 && <p class="empty">{t('peopleEmpty')}</p>}
      {data && data.total > 0 && shown === 0 && (
        <p class="empty">
          {t('peopleNoMatch')}{' '}
          <button type="button" class="people-text-button" onClick={clearFilters}>
            {t('peopleClearFilters')}
          </button>
        </p>
      )}
      {rows && loaded > 0 && (
        <VirtualList
          class="people-list"
          count={loaded}
          setSize={shown}
          label={t('peopleEveryoneLabel')}
          keyOf={(index) => rows.ids[index]!}
          renderRow={renderRow}
        />
      )}
    </section>
  );
}
