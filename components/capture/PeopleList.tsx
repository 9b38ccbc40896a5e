import { t } from '../../utils/i18n';
import { ask } from '../../utils/messaging/client';
import type { TabPerson } from '../../utils/model/records';

interface Props {
  people: TabPerson[];
  /** The tab they were seen on: adding a name-only person updates that tab's list. */
  tabId: number;
  selectedId?: string;
  onSelect: (contactId: string) => void;
}

/** One person on the page: a button that opens their card, or a plain row when unconfirmed. */
function PersonRow({ person, tabId, selected, onSelect }: { person: TabPerson; tabId: number; selected: boolean; onSelect: Props['onSelect'] }) {
  const detail = person.email ?? person.profileUrl;
  const { contactId } = person;
  if (!contactId) {
    return (
      <div class="person unconfirmed">
        <span class="person-name">{person.displayName}</span>
        <span class="person-address">{t('personNameOnly')}</span>
        <button
          type="button"
          class="link"
          aria-label={t('personAddNamed', person.displayName)}
          onClick={() => void ask({ type: 'createContact', displayName: person.displayName, fromTab: tabId }).then((contact) => onSelect(contact.id))}
        >
          {t('personAdd')}
        </button>
      </div>
    );
  }
  return (
    <button type="button" class="person" aria-pressed={selected} onClick={() => onSelect(contactId)}>
      <span class="person-line">
        <span class="person-name">{person.displayName}</span>
        <span class={person.newToday ? 'badge new' : 'badge known'}>{person.newToday ? t('personNew') : t('personKnown')}</span>
      </span>
      {detail && <span class="person-address">{detail}</span>}
    </button>
  );
}

/** The people recognised on the current page. */
export function PeopleList({ people, tabId, selectedId, onSelect }: Props) {
  return (
    <ul role="list" aria-label={t('peopleListLabel')} class="people">
      {people.map((person, index) => (
        <li key={person.contactId ?? `unconfirmed-${index}`}>
          <PersonRow person={person} tabId={tabId} selected={!!selectedId && person.contactId === selectedId} onSelect={onSelect} />
        </li>
      ))}
    </ul>
  );
}
