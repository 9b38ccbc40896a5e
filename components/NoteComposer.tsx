import { useRef, useState } from 'preact/hooks';

interface Props {
  /** Save the text; `requestId` stays the same until a save succeeds, so a retry logs once. */
  onSave: (text: string, requestId: string) => Promise<void>;
}

/** A note field: Add note or Ctrl/Cmd+Enter saves; a failed save keeps the text and says why. */
export function NoteComposer({ onSave }: Props) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  const saving = useRef(false);
  const requestId = useRef(crypto.randomUUID());
  const [busy, setBusy] = useState(false);

  const save = async () => {
    // A ref, not state: a double click arrives before the re-render that would disable the button.
    if (saving.current || !text.trim()) return;
    saving.current = true;
    setBusy(true);
    setError(undefined);
    try {
      await onSave(text, requestId.current);
      requestId.current = crypto.randomUUID();
      setText('');
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      saving.current = false;
      setBusy(false);
    }
  };

  return (
    <form
      class="composer"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <label for="note-text">Note</label>
      <textarea
        id="note-text"
        value={text}
        rows={3}
        placeholder="What did you talk about? What matters to them?"
        onInput={(event) => setText(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            void save();
          }
        }}
      />
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy || !text.trim()}>
        Add note
      </button>
    </form>
  );
}
