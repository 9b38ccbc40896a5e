import { t, uiLanguage, type MessageKey } from '../../utils/i18n';
import type { KeepInTouch, PeopleFilters, PeopleList, PeopleSort, StageFilter } from '../../utils/messaging/features/people';
import { cadenceLevelLabel } from '../followups/followup-labels';
import { stageLabel } from '../shared/labels';
import type { PeopleQuery } from './use-people-list';

const SORTS: Record<PeopleSort, MessageKey> = { name: 'peopleSortName', recent: 'peopleSortRecent', drifting: 'peopleSortDrifting' };

/** The name of a stage filter value. */
const stageFilterLabel = (value: StageFilter) => (value === 'none' ? t('peopleStageNone') : stageLabel(value));

/** The name of a keep-in-touch state, in the words of the card's cadence line. */
export function keepInTouchLabel(value: KeepInTouch): string {
  if (value === 'none') return t('peopleNoCadence');
  return cadenceLevelLabel(value === 'overdue' ? 'red' : value === 'soon' ? 'amber' : 'green');
}

let numbers: Intl.NumberFormat | undefined;
/** A count as the UI language writes it ("10,000"). */
export const formatCount = (count: number) => (numbers ??= new Intl.NumberFormat(uiLanguage())).format(count);

interface FilterProps<T extends string> {
  id: string;
  labelKey: MessageKey;
  value: T | undefined;
  any: number;
  options: { value: T; label: string; count: number }[];
  onChange: (value: T | undefined) => void;
}

/** One filter: "Any (N)" then each value with its count; values nobody has are left out unless chosen. */
function Filter<T extends string>({ id, labelKey, value, any, options, onChange }: FilterProps<T>) {
  const shown = options.filter((option) => option.count > 0 || option.value === value);
  // A chosen value nobody has any more (the last person lost the tag) stays visible, at 0.
  if (value !== undefined && !shown.some((option) => option.value === value)) shown.push({ value, label: value, count: 0 });
  return (
    <label class="people-control" for={id}>
      <span>{t(labelKey)}</span>
      <select id={id} value={value ?? ''} onChange={(event) => onChange((event.currentTarget.value || undefined) as T | undefined)}>
        <option value="">{t('peopleFilterAny', formatCount(any))}</option>
        {shown.map((option) => (
          <option key={option.value} value={option.value}>
            {t('peopleFilterValue', option.label, formatCount(option.count))}
          </option>
        ))}
      </select>
    </label>
  );
}

interface PeopleControlsProps {
  query: PeopleQuery;
  facets: PeopleList['facets'] | undefined;
  onSort: (sort: PeopleSort) => void;
  onFilter: <K extends keyof PeopleFilters>(key: K, value: PeopleFilters[K] | undefined) => void;
}

/** The People view's order and its three filters, each choice with how many people it would show. */
export function PeopleControls({ query: { sort, filters }, facets, onSort, onFilter }: PeopleControlsProps) {
  return (
    <div class="people-controls" role="group" aria-label={t('peopleControls')}>
      <label class="people-control" for="people-sort">
        <span>{t('peopleSortBy')}</span>
        <select id="people-sort" value={sort} onChange={(event) => onSort(event.currentTarget.value as PeopleSort)}>
          {(Object.keys(SORTS) as PeopleSort[]).map((id) => (
            <option key={id} value={id}>
              {t(SORTS[id])}
            </option>
          ))}
        </select>
      </label>
      <Filter
        id="people-tag"
        labelKey="peopleFilterTag"
        value={filters.tag}
        any={facets?.tags.any ?? 0}
        options={facets?.tags.values ?? []}
        onChange={(value) => onFilter('tag', value)}
      />
      <Filter
        id="people-stage"
        labelKey="peopleFilterStage"
        value={filters.stage}
        any={facets?.stages.any ?? 0}
        options={(facets?.stages.values ?? []).map((option) => ({ ...option, label: stageFilterLabel(option.value) }))}
        onChange={(value) => onFilter('stage', value)}
      />
      <Filter
        id="people-keep-in-touch"
        labelKey="peopleFilterKeepInTouch"
        value={filters.keepInTouch}
        any={facets?.keepInTouch.any ?? 0}
        options={(facets?.keepInTouch.values ?? []).map((option) => ({ ...option, label: keepInTouchLabel(option.value) }))}
        onChange={(value) => onFilter('keepInTouch', value)}
      />
    </div>
  );
}
