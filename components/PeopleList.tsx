import type { TabPerson } from '../utils/model';

interface Props {
  people: TabPerson[];
  selectedId?: string;
  onSelect: (contactId: string) => void;
}

/** The people recognised on the current page; each is a button that opens their card. */
export function PeopleList({ people, selectedId, onSelect }: Props) {
  return (
    <ul role="list" aria-label="People on this page" class="people">
      {people.map((person) => (
        <li key={person.contactId}>
          <button
            type="button"
            class="person"
            aria-pressed={person.contactId === selectedId}
            onClick={() => onSelect(person.contactId)}
          >
            <span class="person-name">{person.displayName}</span>
            <span class="person-address">{person.email}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
