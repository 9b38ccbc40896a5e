import { useState } from 'preact/hooks';
import { t } from '../../utils/i18n';

interface Props {
  /** Unique on the page: the field's id derives from it (a translated label may have no ASCII to make one). */
  id: string;
  /** Accessible name of the list and the field, e.g. "Your addresses". */
  label: string;
  items: readonly string[];
  placeholder: string;
  /** Normalise an entry, or return an error message for one that is not valid. */
  parse: (raw: string) => { value: string } | { error: string };
  onChange: (items: string[]) => Promise<void>;
  /** The remove button's word and accessible name, when "Remove" is not what removing means here ("Not me"). */
  remove?: { text: string; label: (item: string) => string };
}

/** A list of strings with Add and per-item Remove, saved on every change. */
export function EditableList({ id, label, items, placeholder, parse, onChange, remove }: Props) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string>();

  const save = async (next: string[]) => {
    try {
      await onChange(next);
      setError(undefined);
      return true;
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      return false;
    }
  };
  const add = async () => {
    const parsed = parse(draft);
    if ('error' in parsed) return setError(parsed.error);
    if (items.includes(parsed.value)) return setDraft('');
    if (await save([...items, parsed.value])) setDraft('');
  };

  return (
    <div class="editable-list">
      {items.length > 0 && (
        <ul aria-label={label}>
          {items.map((item) => (
            <li key={item}>
              <span>{item}</span>
              <button type="button" aria-label={remove?.label(item) ?? t('listRemove', item)} onClick={() => void save(items.filter((i) => i !== item))}>
                {remove?.text ?? t('commonRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void add();
        }}
      >
        <label for={`${id}-new`} class="visually-hidden">
          {t('listAddTo', label)}
        </label>
        <input id={`${id}-new`} value={draft} placeholder={placeholder} onInput={(e) => setDraft(e.currentTarget.value)} />
        <button type="submit">{t('commonAdd')}</button>
      </form>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </div>
  );
}
