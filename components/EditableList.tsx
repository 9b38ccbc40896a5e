import { useState } from 'preact/hooks';

interface Props {
  /** Accessible name of the list and the field, e.g. "Your addresses". */
  label: string;
  items: readonly string[];
  placeholder: string;
  /** Normalise an entry, or return an error message for one that is not valid. */
  parse: (raw: string) => { value: string } | { error: string };
  onChange: (items: string[]) => Promise<void>;
}

/** A list of strings with Add and per-item Remove, saved on every change. */
export function EditableList({ label, items, placeholder, parse, onChange }: Props) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string>();
  const id = label.toLowerCase().replace(/\W+/g, '-');

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
              <button type="button" aria-label={`Remove ${item}`} onClick={() => void save(items.filter((i) => i !== item))}>
                Remove
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
          Add to {label}
        </label>
        <input id={`${id}-new`} value={draft} placeholder={placeholder} onInput={(e) => setDraft(e.currentTarget.value)} />
        <button type="submit">Add</button>
      </form>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </div>
  );
}
