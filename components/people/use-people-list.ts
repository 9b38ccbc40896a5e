import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ask } from '../../utils/messaging/client';
import type { PeopleFilters, PeopleList, PeopleSort } from '../../utils/messaging/features/people';
import { useBroadcast } from '../shared/use-broadcast';
import { concernsPeople } from '../../utils/messaging/changed';
import { useSettingsChanged } from '../shared/use-settings-changed';

/** A burst of changes (a restore, a thread of sightings) reloads the list once, this long after the last. */
const RELOAD_AFTER_MS = 300;
/**
 * Rows of the first answer: more than a tall panel shows. The whole list follows at once; the first
 * screenful does not wait for it (10,000 rows are ~900 KB through Chrome's messaging: 0.6-1.3 s).
 */
export const FIRST_ROWS = 60;

/** The list as far as it came: `complete` once every row the filters let through is there. */
export interface PeopleListState {
  data: PeopleList | undefined;
  complete: boolean;
  error: string | undefined;
}

export interface PeopleQuery {
  sort: PeopleSort;
  filters: PeopleFilters;
}

// Opening a card leaves the view; coming back finds the same order, filters and place in the list.
let remembered: PeopleQuery & { scrollY: number } = { sort: 'name', filters: {}, scrollY: 0 };

/** Where the page was scrolled when the view was last left with this query (0 for another query). */
export const rememberedScroll = (query: PeopleQuery) => (sameQuery(query, remembered) ? remembered.scrollY : 0);
/** Remember where the view was left. */
export const rememberScroll = (query: PeopleQuery, scrollY: number) => (remembered = { ...query, scrollY });

const sameQuery = (a: PeopleQuery, b: PeopleQuery) =>
  a.sort === b.sort && a.filters.tag === b.filters.tag && a.filters.stage === b.filters.stage && a.filters.keepInTouch === b.filters.keepInTouch;

/**
 * The People view's list: the first screenful, then the whole answer; asked again when the order or
 * a filter changes, when people change (a `changed` broadcast naming people) and when the settings
 * change (tag cadences move people between keep-in-touch states). A reload keeps the rows shown
 * until the whole new answer is there.
 */
export function usePeopleList() {
  const [query, setQuery] = useState<PeopleQuery>({ sort: remembered.sort, filters: remembered.filters });
  const { sort, filters } = query;
  const [list, setList] = useState<PeopleListState>({ data: undefined, complete: false, error: undefined });
  const [reloads, setReloads] = useState(0);
  const reload = useCallback(() => setReloads((count) => count + 1), []);
  const askedFor = useRef<PeopleQuery>(undefined);
  useEffect(() => {
    let current = true;
    let whole = false;
    const fresh = askedFor.current === undefined || !sameQuery(askedFor.current, query);
    askedFor.current = query;
    const askWhole = () => {
      if (!current) return;
      ask({ type: 'listPeople', sort, filters }).then(
        (data) => {
          whole = true;
          if (current) setList({ data, complete: true, error: undefined });
        },
        (error: unknown) => current && setList({ data: undefined, complete: false, error: error instanceof Error ? error.message : String(error) }),
      );
    };
    // Another order or filter: its first screenful at once (the rows shown stay until it comes), and
    // the whole list once that answered. Asked together, a worker that just started computed both
    // answers before either left (both wait on the same roster), so the first rows waited for the
    // whole list's work (issue 14: the first open after a worker stop).
    if (fresh) {
      void ask({ type: 'listPeople', sort, filters, limit: FIRST_ROWS })
        .then(
          (first) => current && !whole && setList({ data: first, complete: first.matched === first.rows.ids.length, error: undefined }),
          () => undefined, // the whole answer's request says what went wrong
        )
        .then(askWhole);
    } else askWhole();
    // A slower earlier answer must not overwrite a newer one.
    return () => {
      current = false;
    };
  }, [sort, filters.tag, filters.stage, filters.keepInTouch, reloads]);
  const timer = useRef<number>(undefined);
  const reloadSoon = () => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(reload, RELOAD_AFTER_MS);
  };
  useEffect(() => () => window.clearTimeout(timer.current), []);
  useBroadcast((message) => concernsPeople(message) && reloadSoon(), []);
  useSettingsChanged(reloadSoon, []);
  const update = (next: PeopleQuery) => {
    remembered = { ...next, scrollY: 0 };
    setQuery(next);
  };
  return {
    query,
    list,
    setSort: (next: PeopleSort) => update({ sort: next, filters }),
    setFilter: <K extends keyof PeopleFilters>(key: K, value: PeopleFilters[K] | undefined) => {
      const { [key]: _dropped, ...rest } = filters;
      update({ sort, filters: value === undefined ? rest : { ...rest, [key]: value } });
    },
    clearFilters: () => update({ sort, filters: {} }),
  };
}
