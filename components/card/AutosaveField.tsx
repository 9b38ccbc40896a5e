import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import { ask } from '../../utils/messaging/client';
import type { DraftAbout, DraftField } from '../../utils/model/drafts';
import type { ContactPatch } from '../../utils/model/records';
import { useDraft } from '../capture/use-draft';

interface Props {
  id: string;
  label: string;
  /** The stored value, as text. */
  value: string;
  multiline?: boolean;
  type?: 'text' | 'number';
  placeholder?: string;
  contactId: string;
  /** Which field: its draft is kept under the person and this name. */
  field: DraftField;
  /** The edit a typed value makes; throws (the message is shown, the text kept) when it is not valid. */
  toPatch: (value: string) => ContactPatch;
  /**
   * Send the text the edit started from ("What matters"): a text another window saved meanwhile
   * is then kept in the person's history rather than silently replaced.
   */
  guarded?: boolean;
}

/** Short enough that closing the panel loses at most the last keystrokes' pause. */
const SAVE_AFTER_MS = 300;

/**
 * A field that saves itself: after a short pause in typing, on leaving the field and when the
 * page is hidden or closed; no Save button. What is typed is also a draft (useDraft), kept on
 * every keystroke: a field the browser closed on before its save shows that text again when the
 * card is shown, and saves it. A newer value from elsewhere replaces it unless the user is editing it
 * or this window's save is under way (the worker orders the two saves; this one's answer says how).
 */
export function AutosaveField({ id, label, value, multiline, type = 'text', placeholder, contactId, field, toPatch, guarded }: Props) {
  const about: DraftAbout = { kind: 'field', contactId, field };
  const typed = useDraft(
    async () => {
      const record = await ask({ type: 'getDraft', about });
      // A draft holding what is stored was saved after all: nothing to restore.
      if (record && record.draft.text === value) await ask({ type: 'discardDraft', about });
      return { about, ...(record && record.draft.text !== value && { stored: record.draft }) };
    },
    [contactId, field],
    () => ({ text: value, base: value }),
  );
  const [status, setStatus] = useState<'saved' | 'saving' | 'error'>('saved');
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const dirty = useRef(false);
  /** A save of this window is under way: a value arriving meanwhile is older than what it saves. */
  const saving = useRef(false);
  const timer = useRef<number | undefined>(undefined);
  const text = typed.draft?.text ?? value;
  const latest = useRef({ text, base: typed.draft?.base ?? value });
  latest.current = { text, base: typed.draft?.base ?? value };

  useEffect(() => {
    if (!dirty.current && !saving.current) typed.update({ text: value, base: value }, false);
  }, [value]);

  const flush = async () => {
    window.clearTimeout(timer.current);
    if (!dirty.current) return;
    dirty.current = false;
    saving.current = true;
    setStatus('saving');
    const { text: sent, base } = latest.current;
    try {
      const saved = await ask({
        type: 'saveCardField',
        contactId,
        patch: toPatch(sent),
        ...(guarded && { base }),
        draft: { about, text: sent },
      });
      // What this window saved is now what its next edit starts from.
      typed.update({ base: saved.contact.whatMatters ?? '' }, false);
      if (saved.keptEarlier) setNotice(t('cardFieldChangedElsewhere'));
      setStatus('saved');
      setError(undefined);
    } catch (failure) {
      dirty.current = true;
      setStatus('error');
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      saving.current = false;
    }
  };
  // Listeners and timers call this render's flush (its props), not the one of the render that made them.
  const flushNow = useRef(flush);
  flushNow.current = flush;
  const saveSoon = () => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void flushNow.current(), SAVE_AFTER_MS);
  };

  useEffect(() => {
    // Text typed earlier and never saved: shown again, and saved like text just typed.
    if (!typed.restored) return;
    dirty.current = true;
    setNotice(t('cardFieldRestored'));
    saveSoon();
  }, [typed.restored]);

  useEffect(() => {
    const onHide = () => void flushNow.current();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onHide);
      void flushNow.current();
    };
  }, []);

  const onInput = (next: string) => {
    dirty.current = true;
    // A blur right after the input (before the next render) saves this text, not the one before.
    latest.current = { ...latest.current, text: next };
    setNotice(undefined);
    typed.update({ text: next });
    saveSoon();
  };
  const common = {
    id,
    value: text,
    placeholder,
    'aria-describedby': `${id}-status`,
    onBlur: () => void flush(),
  };
  const shown = status === 'saving' ? t('fieldSaving') : status === 'error' ? error : (notice ?? typed.error);
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {multiline ? (
        <textarea {...common} rows={3} onInput={(e) => onInput(e.currentTarget.value)} />
      ) : (
        <input {...common} type="text" inputMode={type === 'number' ? 'numeric' : undefined} onInput={(e) => onInput(e.currentTarget.value)} />
      )}
      <span id={`${id}-status`} class={`field-status ${status}`} aria-live="polite">
        {shown ?? ''}
      </span>
    </div>
  );
}
