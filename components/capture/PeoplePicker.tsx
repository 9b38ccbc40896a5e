import { useEffect, useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import { ask } from '../../utils/messaging/client';
import type { Contact } from '../../utils/model/records';
import { toEmailAddress } from '../../utils/identity/addresses';

interface Props {
  selected: Contact[];
  onChange: (selected: Contact[]) => void;
  /** Chosen people the page only listed (saved with the note): chips too, removed by their own callback. */
  listed?: { key: string; name: string; onRemove: () => void }[];
}

/** Who a note is for: chips of the chosen people, and a search that finds or creates anyone else. */
export function PeoplePicker({ selected, onChange, listed = [] }: Props) {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Contact[]>([]);
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string>();

  useEffect(() => {
    let current = true;
    if (!query.trim()) return setResults([]);
    void ask({ type: 'findPeople', query, limit: 6 }).then((found) => current && (setResults(found), setActive(0)));
    return () => {
      current = false;
    };
  }, [query]);

  const choose = (contact: Contact) => {
    if (!selected.some((s) => s.id === contact.id)) onChange([...selected, contact]);
    setQuery('');
  };
  const create = async () => {
    const email = toEmailAddress(query);
    try {
      choose(await ask({ type: 'createContact', ...(email ? { email } : { displayName: query }) }));
      setError(undefined);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  const options = [...results.filter((r) => !selected.some((s) => s.id === r.id))];
  const offerCreate = query.trim().length > 0;
  const count = options.length + (offerCreate ? 1 : 0);
  const pick = (index: number) => (index < options.length ? choose(options[index]!) : void create());

  return (
    <div class="picker">
      <ul class="chips" aria-label={t('pickerSelected')}>
        {selected.map((person) => (
          <li key={person.id} class="chip">
            <span>{person.displayName}</span>
            <button type="button" aria-label={t('pickerRemove', person.displayName)} onClick={() => onChange(selected.filter((s) => s.id !== person.id))}>
              ×
            </button>
          </li>
        ))}
        {listed.map((person) => (
          <li key={person.key} class="chip">
            <span>{person.name}</span>
            <button type="button" aria-label={t('pickerRemove', person.name)} onClick={person.onRemove}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <label for="picker-input">{t('pickerAdd')}</label>
      <input
        id="picker-input"
        role="combobox"
        aria-expanded={count > 0}
        aria-controls="picker-options"
        aria-activedescendant={count > 0 ? `picker-option-${active}` : undefined}
        autocomplete="off"
        placeholder={t('pickerPlaceholder')}
        value={query}
        onInput={(e) => setQuery(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, count - 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
          else if (e.key === 'Enter' && count > 0 && !(e.ctrlKey || e.metaKey)) pick(active);
          else if (e.key === 'Escape') setQuery('');
          else return;
          e.preventDefault();
        }}
      />
      {count > 0 && (
        <ul id="picker-options" role="listbox" aria-label={t('pickerMatches')} class="options-list">
          {options.map((person, index) => (
            <li
              key={person.id}
              id={`picker-option-${index}`}
              role="option"
              aria-selected={index === active}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(person)}
            >
              {person.displayName} <span class="muted">{person.identities[0]?.value}</span>
            </li>
          ))}
          {offerCreate && (
            <li
              id={`picker-option-${options.length}`}
              role="option"
              aria-selected={active === options.length}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => void create()}
            >
              {t('pickerCreate', query.trim())}
            </li>
          )}
        </ul>
      )}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </div>
  );
}
