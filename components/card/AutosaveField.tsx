import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../utils/i18n';

interface Props {
  id: string;
  label: string;
  value: string;
  multiline?: boolean;
  type?: 'text' | 'number';
  placeholder?: string;
  /** Save the new value; a rejection is shown and the typed text kept. */
  onSave: (value: string) => Promise<void>;
}

/** Short enough that closing the panel loses at most the last keystrokes' pause. */
const SAVE_AFTER_MS = 300;

/**
 * A field that saves itself: after a short pause in typing, on leaving the field and when the
 * page is hidden or closed. No Save button. A newer value from elsewhere replaces it unless the
 * user is editing it.
 */
export function AutosaveField({ id, label, value, multiline, type = 'text', placeholder, onSave }: Props) {
  const [text, setText] = useState(value);
  const [status, setStatus] = useState<'saved' | 'saving' | 'error'>('saved');
  const [error, setError] = useState<string>();
  const dirty = useRef(false);
  const timer = useRef<number | undefined>(undefined);
  const latest = useRef(text);
  latest.current = text;

  useEffect(() => {
    if (!dirty.current) setText(value);
  }, [value]);

  const flush = async () => {
    window.clearTimeout(timer.current);
    if (!dirty.current) return;
    dirty.current = false;
    setStatus('saving');
    try {
      await onSave(latest.current);
      setStatus('saved');
      setError(undefined);
    } catch (failure) {
      dirty.current = true;
      setStatus('error');
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  useEffect(() => {
    const onHide = () => void flush();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onHide);
      void flush();
    };
  }, []);

  const onInput = (next: string) => {
    setText(next);
    dirty.current = true;
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void flush(), SAVE_AFTER_MS);
  };
  const common = {
    id,
    value: text,
    placeholder,
    'aria-describedby': `${id}-status`,
    onBlur: () => void flush(),
  };
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {multiline ? (
        <textarea {...common} rows={3} onInput={(e) => onInput(e.currentTarget.value)} />
      ) : (
        <input {...common} type="text" inputMode={type === 'number' ? 'numeric' : undefined} onInput={(e) => onInput(e.currentTarget.value)} />
      )}
      <span id={`${id}-status`} class={`field-status ${status}`} aria-live="polite">
        {status === 'saving' ? t('fieldSaving') : status === 'error' ? error : ''}
      </span>
    </div>
  );
}
