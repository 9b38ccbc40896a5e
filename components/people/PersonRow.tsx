import { t } from '../../utils/i18n';
import type { KeepInTouch } from '../../utils/messaging/features/people';
import { Avatar } from '../shared/Avatar';
import { timeAgo } from '../shared/labels';
import { keepInTouchLabel } from './PeopleControls';

/** Only these states are marked on a row: the ones that ask for action. */
const MARKED: Partial<Record<KeepInTouch, 'red' | 'amber'>> = { overdue: 'red', soon: 'amber' };

export interface PersonRowProps {
  id: string;
  name: string;
  org: string;
  lastAt: number | null;
  keepInTouch: KeepInTouch;
  now: number;
  onOpen: (contactId: string) => void;
  /** What the virtual list gives its rows' controls (roving focus). */
  focus: { tabIndex: number; 'data-row': number; onFocus: () => void };
}

/**
 * One person in the People list: avatar, name, organisation, last interaction; opens their card.
 * As few boxes as the row can have (a fast wheel lays out ~11 new rows a frame; a trace counted
 * ~15 layout objects a row): the separator is text, the state's dot a background.
 */
export function PersonRow({ id, name, org, lastAt, keepInTouch, now, onOpen, focus }: PersonRowProps) {
  const marked = MARKED[keepInTouch];
  return (
    <button type="button" class={marked ? 'people-row marked' : 'people-row'} {...focus} onClick={() => onOpen(id)}>
      <Avatar id={id} name={name} />
      <span class="people-row-name">{name}</span>
      <span class="people-row-meta">
        {org && <span class="people-row-org">{`${org} · `}</span>}
        {lastAt === null ? t('peopleNoInteraction') : t('peopleLastInteraction', timeAgo(lastAt, now))}
      </span>
      {marked && <span class={`people-row-state ${marked}`}>{keepInTouchLabel(keepInTouch)}</span>}
    </button>
  );
}
