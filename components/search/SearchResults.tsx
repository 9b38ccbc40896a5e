import type { ComponentChildren } from 'preact';
import { dateFormat, t, type MessageKey } from '../../utils/i18n';
import type { NoteHit, PersonHit, SearchResult } from '../../utils/messaging/features/search';
import { HighlightedText } from './HighlightedText';
import { kindLabel } from '../shared/labels';
import type { SearchOption } from './search-options';
import { notesCount } from './search-summary';

const FIELD_LABELS: Record<PersonHit['matched'][number]['field'], MessageKey> = {
  address: 'searchFieldAddress',
  organisation: 'searchFieldOrganisation',
  title: 'searchFieldTitle',
  tag: 'searchFieldTag',
  whatMatters: 'searchFieldWhatMatters',
};
const noteDate = dateFormat({ day: 'numeric', month: 'short', year: 'numeric' });

interface Props {
  result: SearchResult;
  options: SearchOption[];
  active: number;
  onChoose: (index: number) => void;
  onHover: (index: number) => void;
}

function PersonOption({ hit }: { hit: PersonHit }) {
  const detail = hit.matched[0];
  return (
    <>
      <span class="person-name">
        <HighlightedText value={hit.name} />
      </span>
      <span class="search-detail">
        {detail ? (
          <>
            {t(FIELD_LABELS[detail.field])}: <HighlightedText value={detail.value} />
          </>
        ) : (
          [hit.contact.org, hit.contact.identities[0]?.value].filter(Boolean).join(' · ')
        )}
      </span>
    </>
  );
}

function NoteOption({ hit }: { hit: NoteHit }) {
  const people = hit.people.map((person) => person.displayName).join(', ');
  return (
    <>
      <span class="search-detail">
        {kindLabel(hit.kind)} · {noteDate().format(hit.at)}
        {people && ` · ${people}`}
      </span>
      <span class="search-excerpt">
        <HighlightedText value={hit.excerpt} />
      </span>
    </>
  );
}

/** The results as one listbox in two groups, People and Notes; the active option is marked selected. */
export function SearchResults({ result, options, active, onChoose, onHover }: Props) {
  const option = (index: number, content: ComponentChildren) => (
    <div
      key={options[index]!.domId}
      id={options[index]!.domId}
      role="option"
      class="search-option"
      aria-selected={index === active}
      aria-disabled={options[index]!.contactId === undefined ? true : undefined}
      // The field keeps focus: a click chooses without blurring it.
      onMouseDown={(e) => e.preventDefault()}
      onMouseMove={() => index !== active && onHover(index)}
      onClick={() => onChoose(index)}
    >
      {content}
    </div>
  );
  const people = result.people.length;
  return (
    <div id="search-results" role="listbox" aria-label={t('searchResults')} class="search-results">
      {people > 0 && (
        <div role="group" aria-labelledby="search-group-people">
          <div role="presentation" id="search-group-people" class="search-group">
            {result.peopleTotal > people ? t('searchPeopleSome', people, result.peopleTotal) : t('searchPeople')}
          </div>
          {result.people.map((hit, i) => option(i, <PersonOption hit={hit} />))}
        </div>
      )}
      {result.notes.length > 0 && (
        <div role="group" aria-labelledby="search-group-notes">
          <div role="presentation" id="search-group-notes" class="search-group">
            {result.notesTotal > result.notes.length ? t('searchNotesSome', result.notes.length, notesCount(result)) : t('searchNotes')}
          </div>
          {result.notes.map((hit, i) => option(people + i, <NoteOption hit={hit} />))}
        </div>
      )}
    </div>
  );
}
