import { useEffect, useRef, useState } from 'preact/hooks';
import { isInThePast } from '../../utils/time/followup-times';
import { parseLocalInputValue, toLocalInputValue } from '../../utils/time/dates';
import { t } from '../../utils/i18n';
import { ask } from '../../utils/messaging/client';
import type { DraftAbout, DraftFollowUp } from '../../utils/model/drafts';
import type { FollowUp } from '../../utils/model/records';
import { useDraftAbout } from '../capture/use-draft';
import { MAX_NOTE } from '../../utils/model/records';
import { DraftDueField, dueProblem } from './DueField';
import './followup-edit.css';

interface Props {
  followUp: FollowUp;
  onDone: () => void;
}

/**
 * Change a follow-up's text and due time in place; a due time left as it was is sent unchanged.
 * What is typed is a draft kept by the worker: closing the panel mid-edit and editing the same
 * follow-up again brings it back. Saving or cancelling removes it.
 */
export function FollowUpEditor({ followUp, onDone }: Props) {
  const initialDue = toLocalInputValue(followUp.due);
  const about: DraftAbout = { kind: 'followUp', followUpId: followUp.id };
  const typed = useDraftAbout(about, () => ({
    text: followUp.text,
    // An overdue follow-up keeps its time unless the user moves it: nothing to confirm then.
    followUp: { wanted: true, text: '', due: initialDue, pastConfirmed: isInThePast(followUp.due, Date.now()) },
  }));
  const [error, setError] = useState<string>();
  const saving = useRef(false);
  const textField = useRef<HTMLInputElement>(null);
  const loaded = typed.draft !== undefined;
  useEffect(() => textField.current?.focus(), [loaded]);
  const id = `followup-edit-${followUp.id}`;
  const draft = typed.draft;
  if (!draft) return <p class="loading">{t('commonLoading')}</p>;
  const text = draft.text;
  const dueValue = draft.followUp?.due ?? initialDue;
  const pastConfirmed = draft.followUp?.pastConfirmed ?? false;
  const setDue = (change: Partial<DraftFollowUp>) =>
    typed.update((current) => ({ followUp: { wanted: true, text: '', due: dueValue, pastConfirmed, ...current.followUp, ...change } }));
  const finish = () => {
    typed.reset();
    void ask({ type: 'discardDraft', about }).catch(() => undefined);
    onDone();
  };

  const save = async () => {
    if (saving.current) return;
    const unchanged = dueValue === initialDue;
    const problem = !text.trim() ? t('followUpSayWhat') : unchanged ? undefined : dueProblem(dueValue, pastConfirmed);
    if (problem) return setError(problem);
    saving.current = true;
    try {
      const due = unchanged ? followUp.due : parseLocalInputValue(dueValue)!;
      await ask({ type: 'editFollowUp', followUpId: followUp.id, text, due, confirmPast: pastConfirmed });
      finish();
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
        if (event.key === 'Escape') finish();
      }}
    >
      <label for={`${id}-text`}>{t('followUpWhat')}</label>
      <input ref={textField} id={`${id}-text`} value={text} maxLength={MAX_NOTE} onInput={(event) => typed.update({ text: event.currentTarget.value })} />
      <DraftDueField id={`${id}-due`} value={{ wanted: true, text: '', due: dueValue, pastConfirmed }} onChange={setDue} />
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <div class="followup-editor-buttons">
        <button type="submit">{t('commonSave')}</button>
        <button type="button" class="secondary" onClick={finish}>
          {t('commonCancel')}
        </button>
      </div>
    </form>
  );
}
