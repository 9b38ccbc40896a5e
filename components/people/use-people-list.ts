import { useEffect, useRef, useState } from 'preact/hooks';
import { ask } from '../../utils/messaging/client';
import type { PeopleFilters, PeopleSort } from '../../utils/messaging/features/people';
import { useBroadcast } from '../shared/use-broadcast';
import { useRequest } from '../shared/use-request';
import { useSettingsChanged } from '../shared/use-settings-changed';

/** A burst of changes (a restore, a thread of sightings) reloads the list once, this long after the last. */
const RELOAD_AFTER_MS = 300;

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
 * The People view's list: one request for the whole answer, asked again when the order or a
 * filter changes, when people change (a `changed` broadcast naming people) and when the settings
 * change (tag cadences move people between keep-in-touch states).
 */
export function usePeopleList() {
  const [query, setQuery] = useState<PeopleQuery>({ sort: remembered.sort, filters: remembered.filters });
  const { sort, filters } = query;
  const list = useRequest(() => ask({ type: 'listPeople', sort, filters }), [sort, filters.tag, filters.stage, filters.keepInTouch]);
  const timer = useRef<number>(undefined);
  const reloadSoon = () => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(list.reload, RELOAD_AFTER_MS);
  };
  useEffect(() => () => window.clearTimeout(timer.current), []);
  useBroadcast((message) => (message.contactIds?.length ?? 0) > 0 && reloadSoon(), []);
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
