import { t } from '../../utils/i18n';
import { ask } from '../../utils/messaging/client';
import type { TabPerson } from '../../utils/model/records';
import { Avatar } from '../shared/Avatar';

interface Props {
  people: TabPerson[];
  /** The tab they were seen on: adding a name-only person updates that tab's list. */
  tabId: number;
  selectedId?: string;
  onSelect: (contactId: string) => void;
  /** The list's accessible name (default: people on this page). */
  label?: string;
}

interface RowProps {
  person: TabPerson;
  tabId: number;
  selected: boolean;
  /** Marked as the sender of the newest message (said in words, not only by colour). */
  newest: boolean;
  onSelect: Props['onSelect'];
}

/** One person on the page: a button that opens their card, or a plain row with "Add" when listed, not saved. */
function PersonRow({ person, tabId, selected, newest, onSelect }: RowProps) {
  const detail = person.email ?? person.profileUrl;
  const { contactId } = person;
  if (!contactId) {
    return (
      <div class="person unconfirmed">
        <Avatar id={person.displayName} name={person.displayName} />
        <span class="person-text">
          <span class="person-name">{person.displayName}</span>
          <span class="person-address">{detail ?? t('personNameOnly')}</span>
        </span>
        <button
          type="button"
          class="link"
          aria-label={t('personAddNamed', person.displayName)}
          onClick={() =>
            void ask({ type: 'createContact', displayName: person.displayName, email: person.email, profileUrl: person.profileUrl, fromTab: tabId }).then(
              (contact) => onSelect(contact.id),
            )
          }
        >
          {t('personAdd')}
        </button>
      </div>
    );
  }
  return (
    <button type="button" class={newest ? 'person newest' : 'person'} aria-pressed={selected} onClick={() => onSelect(contactId)}>
      <Avatar id={contactId} name={person.displayName} />
      <span class="person-text">
        <span class="person-line">
          <span class="person-name">{person.displayName}</span>
          {newest && <span class="badge newest">{t('personNewestSender')}</span>}
          <span class={person.newToday ? 'badge new' : 'badge known'}>{person.newToday ? t('personNew') : t('personKnown')}</span>
        </span>
        {detail && (
          <span class="person-address" title={detail}>
            {detail}
          </span>
        )}
      </span>
    </button>
  );
}

/** The people recognised on the current page; with several, the one who wrote last is marked. */
export function PeopleList({ people, tabId, selectedId, onSelect, label }: Props) {
  const several = people.filter((person) => person.contactId).length > 1;
  return (
    <ul role="list" aria-label={label ?? t('peopleListLabel')} class="people">
      {people.map((person, index) => (
        <li key={person.contactId ?? `unconfirmed-${index}`}>
          <PersonRow
            person={person}
            tabId={tabId}
            selected={!!selectedId && person.contactId === selectedId}
            newest={several && !!person.newestSender}
            onSelect={onSelect}
          />
        </li>
      ))}
    </ul>
  );
}
