import { useRef, useState } from 'preact/hooks';
import type { Interaction, LoggableKind } from '../../utils/model/records';
import { t } from '../../utils/i18n';
import { truncateWithMark } from '../../utils/text/truncate';
import { KindAndExperience } from './KindAndExperience';

export interface ComposedEntry {
  text: string;
  kind: LoggableKind;
  experience?: Interaction['experience'];
  /** Stays the same until a save succeeds, so a retry logs once. */
  requestId: string;
}

interface Props {
  onSave: (entry: ComposedEntry) => Promise<void>;
}

/** The composer under a card: kind, experience mark and text; Add note or Ctrl/Cmd+Enter saves. */
export function NoteComposer({ onSave }: Props) {
  const [text, setText] = useState('');
  const [kind, setKind] = useState<LoggableKind>('note');
  const [experience, setExperience] = useState<Interaction['experience']>();
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
      await onSave({ text, kind, requestId: requestId.current, ...(experience && { experience }) });
      requestId.current = crypto.randomUUID();
      setText('');
      setExperience(undefined);
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
      <KindAndExperience idPrefix="composer" kind={kind} experience={experience} onKind={setKind} onExperience={setExperience} />
      <label for="note-text">{t('quickNoteText')}</label>
      <textarea
        id="note-text"
        value={text}
        rows={3}
        placeholder={t('composerPlaceholder')}
        onInput={(event) => setText(truncateWithMark(event.currentTarget.value).text)}
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
        {t('composerAdd')}
      </button>
    </form>
  );
}
