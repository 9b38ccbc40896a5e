import { t } from '../../utils/i18n';

/** A person recognised on the page, offered for a note: saved (a contact id), or only listed (saved when chosen). */
export interface PagePerson {
  contactId?: string;
  displayName: string;
  email?: string;
  profileUrl?: string;
}

interface Props {
  /** The page's people not chosen yet. */
  people: PagePerson[];
  onChoose: (person: PagePerson) => void;
}

/** The page's people as one-click choices: a note goes to no one until the user adds someone. */
export function PagePeopleChoices({ people, onChoose }: Props) {
  if (people.length === 0) return null;
  return (
    <div class="page-people" role="group" aria-labelledby="page-people-heading">
      <span id="page-people-heading" class="muted">
        {t('quickNoteOnThisPage')}
      </span>
      <ul class="chips">
        {people.map((person) => (
          <li key={person.contactId ?? person.email ?? person.profileUrl ?? person.displayName}>
            <button type="button" class="chip-button" aria-label={t('quickNoteAddPerson', person.displayName)} onClick={() => onChoose(person)}>
              <span aria-hidden="true">+ </span>
              {person.displayName}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
