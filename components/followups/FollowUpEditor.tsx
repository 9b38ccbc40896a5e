import { useEffect, useRef, useState } from 'preact/hooks';
import { isInThePast } from '../../utils/time/followup-times';
import { parseLocalInputValue, toLocalInputValue } from '../../utils/time/dates';
import { t } from '../../utils/i18n';
import { ask } from '../../utils/messaging/client';
import type { FollowUp } from '../../utils/model/records';
import { MAX_NOTE } from '../../utils/model/records';
import { DueField, dueProblem } from './DueField';
import './followup-edit.css';

interface Props {
  followUp: FollowUp;
  onDone: () => void;
}

/** Change a follow-up's text and due time in place; a due time left as it was is sent unchanged. */
export function FollowUpEditor({ followUp, onDone }: Props) {
  const initialDue = toLocalInputValue(followUp.due);
  const [text, setText] = useState(followUp.text);
  const [dueValue, setDueValue] = useState(initialDue);
  // An overdue follow-up keeps its time unless the user moves it: nothing to confirm then.
  const [pastConfirmed, setPastConfirmed] = useState(() => isInThePast(followUp.due, Date.now()));
  const [error, setError] = useState<string>();
  const saving = useRef(false);
  const textField = useRef<HTMLInputElement>(null);
  useEffect(() => textField.current?.focus(), []);
  const id = `followup-edit-${followUp.id}`;

  const save = async () => {
    if (saving.current) return;
    const unchanged = dueValue === initialDue;
    const problem = !text.trim() ? t('followUpSayWhat') : unchanged ? undefined : dueProblem(dueValue, pastConfirmed);
    if (problem) return setError(problem);
    saving.current = true;
    try {
      const due = unchanged ? followUp.due : parseLocalInputValue(dueValue)!;
      await ask({ type: 'editFollowUp', followUpId: followUp.id, text, due, confirmPast: pastConfirmed });
      onDone();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      saving.current = false;
    }
  };

  return (
    <form
      class="followup-form followup-editor"
      aria-label={t('followUpEditorLabel')}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onDone();
      }}
    >
      <label for={`${id}-text`}>{t('followUpWhat')}</label>
      <input ref={textField} id={`${id}-text`} value={text} maxLength={MAX_NOTE} onInput={(event) => setText(event.currentTarget.value)} />
      <DueField id={`${id}-due`} value={dueValue} onChange={setDueValue} pastConfirmed={pastConfirmed} onConfirmPast={setPastConfirmed} />
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <div class="followup-editor-buttons">
        <button type="submit">{t('commonSave')}</button>
        <button type="button" class="secondary" onClick={onDone}>
          {t('commonCancel')}
        </button>
      </div>
    </form>
  );
}
